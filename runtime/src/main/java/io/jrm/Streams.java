package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * The stream family's C calls for {@link Key}, once the key has checked its mode and type: stream
 * ids in and out of native {@code RedisModuleStreamID} structs, failures as exceptions.
 */
final class Streams {
  /** {@code REDISMODULE_STREAM_ADD_AUTOID}. */
  private static final int ADD_AUTOID = 1;

  // The errno values of Linux (x86-64 and aarch64 alike), the only C library JRM runs on.
  private static final int EFBIG = 27;
  private static final int EDOM = 33;
  private static final int ERANGE = 34;

  private Streams() {}

  /** {@code StreamAdd}: the id given, or a new one with {@code id} null; XADD's errors. */
  static StreamId add(
      Context context, long key, @Nullable StreamId id, RedisString[] fieldsAndValues) {
    if (id != null && id.ms() == 0 && id.seq() == 0) {
      throw new RedisException("ERR The ID specified in XADD must be greater than 0-0");
    }
    RedisModuleApi api = context.api();
    byte[] vector = pointers(fieldsAndValues);
    try (NativeBuffer struct = id == null ? context.alloc(StreamId.SIZE) : struct(context, id)) {
      // Read once before: a backend's first read may link code, which would overwrite errno.
      api.backend().lastErrno();
      int flags = id == null ? ADD_AUTOID : 0;
      long pairs = fieldsAndValues.length / 2;
      if (api.streamAdd(key, flags, struct.address(), vector, pairs) != Context.OK) {
        throw addFailure(api.backend().lastErrno());
      }
      return StreamId.of(struct.read(0, StreamId.SIZE));
    }
  }

  /** The error XADD gives for what errno says {@code StreamAdd} failed on. */
  private static RedisException addFailure(int errno) {
    return new RedisException(
        switch (errno) {
          case EDOM ->
              "ERR The ID specified in XADD is equal or smaller than the target stream top item";
          case EFBIG ->
              "ERR The stream has exhausted the last possible ID, unable to add more items";
          case ERANGE -> "ERR Elements are too large to be stored";
          default -> "ERR StreamAdd failed";
        });
  }

  /** The vector of the strings' pointers, as C's {@code RedisModuleString **argv}. */
  private static byte[] pointers(RedisString[] strings) {
    ByteBuffer vector = ByteBuffer.allocate(strings.length * Long.BYTES);
    vector.order(ByteOrder.nativeOrder());
    for (RedisString string : strings) {
      vector.putLong(string.pointer());
    }
    return vector.array();
  }

  /** {@code StreamDelete}: whether the stream had an entry {@code id}. */
  static boolean delete(Context context, long key, StreamId id) {
    try (NativeBuffer struct = struct(context, id)) {
      // With the key checked (writable, a stream, no iteration), C fails only for a missing id.
      return context.api().streamDelete(key, struct.address()) == Context.OK;
    }
  }

  /** {@code StreamTrimByLength}: how many entries went. */
  static long trimByLength(Context context, long key, long length, int flags) {
    return trimmed(context.api().streamTrimByLength(key, flags, length), "StreamTrimByLength");
  }

  /** {@code StreamTrimByID}: how many entries went. */
  static long trimById(Context context, long key, StreamId minId, int flags) {
    try (NativeBuffer struct = struct(context, minId)) {
      return trimmed(context.api().streamTrimByID(key, flags, struct.address()), "StreamTrimByID");
    }
  }

  private static long trimmed(long count, String function) {
    // Negative only for arguments the key and the flags' enum have already ruled out.
    if (count < 0) {
      throw new RedisException("ERR " + function + " failed");
    }
    return count;
  }

  /**
   * {@code StreamIteratorStart} over {@code start} to {@code end} (null: the stream's first or last
   * entry); false when C refuses the range: an exclusive bound past the last possible id, a range
   * that holds nothing.
   */
  static boolean start(
      Context context, long key, int flags, @Nullable StreamId start, @Nullable StreamId end) {
    try (NativeBuffer bounds = context.alloc(2L * StreamId.SIZE)) {
      long at = bounds.address();
      if (start != null) {
        bounds.write(0, start.struct());
      }
      if (end != null) {
        bounds.write(StreamId.SIZE, end.struct());
      }
      return context
              .api()
              .streamIteratorStart(
                  key, flags, start == null ? 0 : at, end == null ? 0 : at + StreamId.SIZE)
          == Context.OK;
    }
  }

  /** A new native struct holding {@code id}: close it after the call. */
  private static NativeBuffer struct(Context context, StreamId id) {
    NativeBuffer struct = context.alloc(StreamId.SIZE);
    struct.write(0, id.struct());
    return struct;
  }
}
