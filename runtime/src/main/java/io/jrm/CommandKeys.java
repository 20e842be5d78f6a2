package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GetCommandKeys} and {@code GetCommandKeysWithFlags}: the vector made as for {@code Call},
 * the arrays Redis allocates read and freed, and the reason of a NULL result read from errno, the
 * only place C reports it.
 */
final class CommandKeys {
  // The errno values of Linux (x86-64 and aarch64 alike), the only C library JRM runs on.
  private static final int ENOENT = 2;
  private static final int EINVAL = 22;

  private CommandKeys() {}

  /** The positions of the keys in {@code argv} (the command name first). */
  static int[] positions(Context ctx, Object[] argv) {
    RedisModuleApi api = ctx.api();
    try (CallArguments vector = vector(api, argv)) {
      int[] count = new int[1];
      long keys = api.getCommandKeys(ctx.pointer(), vector.argv(), (int) vector.argc(), count);
      if (keys == 0) {
        checkErrno(api.backend().lastErrno()); // first: nothing else may call C before
        return new int[0];
      }
      return take(api, keys, count[0]);
    }
  }

  /** The keys in {@code argv} (the command name first) with their flags. */
  static List<KeyPosition> withFlags(Context ctx, Object[] argv) {
    RedisModuleApi api = ctx.api();
    try (CallArguments vector = vector(api, argv)) {
      int[] count = new int[1];
      long[] flagsArray = new long[1];
      long keys =
          api.getCommandKeysWithFlags(
              ctx.pointer(), vector.argv(), (int) vector.argc(), count, flagsArray);
      if (keys == 0) {
        checkErrno(api.backend().lastErrno());
        return List.of();
      }
      int[] positions = take(api, keys, count[0]);
      int[] flags = take(api, flagsArray[0], count[0]);
      List<KeyPosition> found = new ArrayList<>(positions.length);
      for (int i = 0; i < positions.length; i++) {
        found.add(new KeyPosition(positions[i], FlagBits.set(KeyFlag.class, flags[i])));
      }
      return List.copyOf(found);
    }
  }

  /**
   * The vector of {@code argv}; Redis reads {@code argv[0]} unchecked, so there must be one. It
   * also reads errno once: a backend's first read may link code (ffm), which would overwrite errno
   * if it ran between the call and the read that matters.
   */
  private static CallArguments vector(RedisModuleApi api, Object[] argv) {
    CallArguments vector = CallArguments.of(api, "", "", argv);
    if (vector.argc() == 0) {
      vector.close();
      throw new IllegalArgumentException("no command name: argv is empty");
    }
    api.backend().lastErrno();
    return vector;
  }

  private static void checkErrno(int errno) {
    switch (errno) {
      case 0 -> {} // the command has no keys, or none in these arguments
      case ENOENT -> throw new CommandKeysException(CommandKeysException.Reason.UNKNOWN_COMMAND);
      case EINVAL -> throw new CommandKeysException(CommandKeysException.Reason.WRONG_ARITY);
      default -> throw new IllegalStateException("GetCommandKeys failed with errno " + errno);
    }
  }

  /** The {@code count} ints Redis allocated at {@code address}, which this frees. */
  private static int[] take(RedisModuleApi api, long address, int count) {
    byte[] bytes = api.backend().readBytes(address, count * Integer.BYTES);
    api.free(address);
    int[] values = new int[count];
    ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).asIntBuffer().get(values);
    return values;
  }
}
