package io.jrm.conformance.stream;

import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.KeyType;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.StreamEntry;
import io.jrm.StreamField;
import io.jrm.StreamId;
import io.jrm.StreamIterator;
import io.jrm.StreamIteratorFlag;
import io.jrm.StreamTrimFlag;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.Arrays;
import java.util.NoSuchElementException;

/** The port of Redis's tests/modules/stream.c (unit moduleapi/stream): streams through a key. */
@RedisModule(name = "stream")
public final class StreamModule {
  private StreamModule() {}

  /** STREAM.ADD key field value [field value ...]: adds an entry with a new id, replies the id. */
  @RedisCommand(name = "stream.add", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void add(Context ctx, RedisString[] argv) {
    if (argv.length < 2 || argv.length % 2 != 0) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.WRITE)) {
      StreamId id = key.streamAdd(Arrays.copyOfRange(argv, 2, argv.length));
      try (RedisString written = ctx.createString(id)) {
        ctx.replyWithString(written);
      }
    } catch (RedisException failed) {
      ctx.replyWithError("ERR StreamAdd failed");
    }
  }

  /**
   * STREAM.ADDN key n field value [field value ...]: adds the entry n times, each with a new id;
   * replies how many were added.
   */
  @RedisCommand(name = "stream.addn", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void addn(Context ctx, RedisString[] argv) {
    if (argv.length < 3 || argv.length % 2 == 0) {
      ctx.wrongArity();
      return;
    }
    long n;
    try {
      n = argv[2].toLongLong();
    } catch (RedisException notANumber) {
      ctx.replyWithError("N must be a number");
      return;
    }
    RedisString[] fieldsAndValues = Arrays.copyOfRange(argv, 3, argv.length);
    try (Key key = ctx.openKey(argv[1], KeyMode.WRITE)) {
      long added = 0;
      try {
        for (; added < n; added++) {
          key.streamAdd(fieldsAndValues);
        }
      } catch (RedisException failed) {
        // as C: the count so far
      }
      ctx.replyWithLongLong(added);
    }
  }

  /** STREAM.DELETE key id: deletes the entry; OK, or an error when there is none. */
  @RedisCommand(name = "stream.delete", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void delete(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    StreamId id;
    try {
      id = argv[2].toStreamId();
    } catch (RedisException invalid) {
      ctx.replyWithError("Invalid stream ID");
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.WRITE)) {
      if (key.streamDelete(id)) {
        ctx.replyWithSimpleString("OK");
      } else {
        ctx.replyWithError("ERR StreamDelete failed");
      }
    } catch (RedisException wrongType) {
      ctx.replyWithError("ERR StreamDelete failed");
    }
  }

  /**
   * STREAM.RANGE key start end: the entries from start to end, backwards when start is the greater,
   * each as [id, [field, value, ...]]. An entry with a field named "selfdestruct" is deleted after
   * it is replied, through the iterator.
   */
  @RedisCommand(name = "stream.range", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void range(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    StreamId start;
    StreamId end;
    try {
      start = argv[2].toStreamId();
      end = argv[3].toStreamId();
    } catch (RedisException invalid) {
      ctx.replyWithError("Invalid stream ID");
      return;
    }
    StreamIteratorFlag[] flags = {};
    if (compare(start, end) > 0) {
      StreamId swap = start;
      start = end;
      end = swap;
      flags = new StreamIteratorFlag[] {StreamIteratorFlag.REVERSE};
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      if (key.type() != KeyType.STREAM) {
        ctx.replyWithError("ERR StreamIteratorStart failed");
        return;
      }
      try (StreamIterator entries = key.streamIteratorStart(start, end, flags)) {
        checkNoCurrentEntry(entries);
        replyEntries(ctx, entries);
      }
    }
  }

  /** C's asserts before the walk: no entry to delete, no field to read yet. */
  private static void checkNoCurrentEntry(StreamIterator entries) {
    try {
      entries.delete();
      throw new IllegalStateException("StreamIteratorDelete succeeded with no current entry");
    } catch (NoSuchElementException expected) {
      // as C's ENOENT
    }
    checkNoMoreFields(entries);
  }

  private static void checkNoMoreFields(StreamIterator entries) {
    StreamField extra = entries.nextField();
    if (extra != null) {
      extra.close();
      throw new IllegalStateException("StreamIteratorNextField read past the entry's fields");
    }
  }

  private static void replyEntries(Context ctx, StreamIterator entries) {
    ctx.replyWithArray(Context.POSTPONED_LENGTH);
    long length = 0;
    for (StreamEntry entry : entries) {
      try (entry;
          RedisString id = ctx.createString(entry.id())) {
        ctx.replyWithArray(2);
        ctx.replyWithString(id);
        ctx.replyWithArray(entry.fields().size() * 2L);
        boolean selfDestruct = false;
        for (StreamField field : entry.fields()) {
          ctx.replyWithString(field.field());
          ctx.replyWithString(field.value());
          selfDestruct |= field.field().toString().equals("selfdestruct");
        }
        if (selfDestruct) {
          entries.delete();
        }
        checkNoMoreFields(entries);
      }
      length++;
    }
    ctx.replySetArrayLength(length);
  }

  private static int compare(StreamId a, StreamId b) {
    int ms = Long.compareUnsigned(a.ms(), b.ms());
    return ms != 0 ? ms : Long.compareUnsigned(a.seq(), b.seq());
  }

  /**
   * STREAM.TRIM key (MAXLEN (=|~) length | MINID (=|~) id): trims exactly or approximately, replies
   * how many entries went.
   */
  @RedisCommand(name = "stream.trim", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void trim(Context ctx, RedisString[] argv) {
    if (argv.length != 5) {
      ctx.wrongArity();
      return;
    }
    String by = argv[2].toString();
    boolean byId = by.equalsIgnoreCase("minid");
    if (!byId && !by.equalsIgnoreCase("maxlen")) {
      ctx.replyWithError("ERR Invalid arguments");
      return;
    }
    StreamId minId = null;
    long maxLength = 0;
    try {
      if (byId) {
        minId = argv[4].toStreamId();
      } else {
        maxLength = argv[4].toLongLong();
      }
    } catch (RedisException invalid) {
      ctx.replyWithError(byId ? "ERR Invalid stream ID" : "ERR Maxlen must be a number");
      return;
    }
    String mark = argv[3].toString();
    StreamTrimFlag[] flags;
    if (mark.equals("~")) {
      flags = new StreamTrimFlag[] {StreamTrimFlag.APPROX};
    } else if (mark.equals("=")) {
      flags = new StreamTrimFlag[0];
    } else {
      ctx.replyWithError("ERR Invalid approx-or-exact mark");
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.WRITE)) {
      if (key.type() != KeyType.STREAM) {
        ctx.replyWithError("ERR Trimming failed"); // C's trims fail on an empty key
        return;
      }
      ctx.replyWithLongLong(
          byId ? key.streamTrimById(minId, flags) : key.streamTrimByLength(maxLength, flags));
    } catch (RuntimeException failed) {
      ctx.replyWithError("ERR Trimming failed");
    }
  }
}
