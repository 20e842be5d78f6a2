package io.jrm.example;

import static io.jrm.example.HelloWorld.parseNonNegative;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.HashFlag;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.ListEnd;
import io.jrm.LogLevel;
import io.jrm.NativeBuffer;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Examples of what helloworld does not show, as {@code example.*} commands of the same module:
 *
 * <ul>
 *   <li>{@code example.mlen}: a command that reports its own keys ({@code getkeys-api}), for keys
 *       whose positions depend on the arguments;
 *   <li>{@code example.truncate}: resizing a string key ({@link Key#stringTruncate});
 *   <li>{@code example.join}: building a string by appending to it ({@link RedisString#append});
 *   <li>{@code example.hset} and {@code example.hexists}: hash fields set only if missing or only
 *       if present, and existence checks ({@link HashFlag});
 *   <li>{@code example.zincrby}: adding to a score ({@link Key#zsetIncrby});
 *   <li>{@code example.pop.ends}: popping from both ends of a list ({@link Key#listPop});
 *   <li>{@code example.dbsize.of}: working in another database ({@link Context#selectDb});
 *   <li>{@code example.repeat}: scratch memory Redis frees by itself ({@link Context#poolAlloc});
 *   <li>{@code example.log}: the Redis log, at each level ({@link Context#log}).
 * </ul>
 */
public final class MoreExamples {
  /** The longest string {@code example.repeat} builds. */
  private static final long MAX_REPEAT_LENGTH = 16L * 1024 * 1024;

  private MoreExamples() {}

  /**
   * EXAMPLE.MLEN numkeys key [key ...]: the sum of the lengths of the keys (a string's length in
   * bytes, an aggregate's number of elements; 0 for a missing key), like EVAL's {@code numkeys}
   * telling which arguments are keys. Since no fixed first/last/step describes these keys, the
   * command has the {@code getkeys-api} flag and names them itself when Redis asks ({@code COMMAND
   * GETKEYS}, cluster routing, ACL checks): then it reports their positions and does not reply.
   */
  @RedisCommand(name = "example.mlen", flags = "readonly getkeys-api")
  public static void mlen(Context ctx, RedisString[] argv) {
    if (ctx.isKeysPositionRequest()) {
      long numKeys = argv.length < 2 ? -1 : numKeys(argv[1]);
      if (numKeys >= 0 && numKeys <= argv.length - 2) {
        for (int i = 0; i < numKeys; i++) {
          ctx.keyAtPos(2 + i);
        }
      }
      return; // malformed arguments: no keys; the call itself will then fail
    }
    if (argv.length < 2) {
      ctx.wrongArity();
      return;
    }
    long numKeys = numKeys(argv[1]);
    if (numKeys < 0) {
      throw new RedisException("ERR invalid numkeys");
    }
    if (numKeys != argv.length - 2) {
      ctx.wrongArity();
      return;
    }
    long sum = 0;
    for (int i = 2; i < argv.length; i++) {
      try (Key key = ctx.openKey(argv[i], KeyMode.READ)) {
        sum += key.valueLength();
      }
    }
    ctx.replyWithLongLong(sum);
  }

  private static long numKeys(RedisString arg) {
    try {
      return arg.toLongLong();
    } catch (RedisException notANumber) {
      return -1;
    }
  }

  /**
   * EXAMPLE.TRUNCATE key length: cuts a string key to {@code length} bytes, or pads it with zero
   * bytes up to it; a missing key becomes a string of {@code length} zero bytes (or stays missing
   * for 0). Replies with the new length.
   */
  @RedisCommand(
      name = "example.truncate",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void truncate(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    long length = parseNonNegative(argv[2], "ERR invalid length");
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      key.stringTruncate(length);
      ctx.replyWithLongLong(key.valueLength());
    }
  }

  /**
   * EXAMPLE.JOIN separator str [str ...]: the strings joined with the separator between them, built
   * by appending to one new string.
   */
  @RedisCommand(name = "example.join")
  public static void join(Context ctx, RedisString[] argv) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    byte[] separator = argv[1].bytes();
    try (RedisString joined = ctx.createString(argv[2])) {
      for (int i = 3; i < argv.length; i++) {
        joined.append(separator).append(argv[i].bytes());
      }
      ctx.replyWithString(joined);
    }
  }

  /**
   * EXAMPLE.HSET key NX|XX field value: sets a hash field only if it does not exist yet ({@code
   * NX}) or only if it does ({@code XX}). Replies 1 when the field was set, 0 when not.
   */
  @RedisCommand(
      name = "example.hset",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void hset(Context ctx, RedisString[] argv) {
    if (argv.length != 5) {
      ctx.wrongArity();
      return;
    }
    HashFlag condition =
        switch (argv[2].toString().toUpperCase(Locale.ROOT)) {
          case "NX" -> HashFlag.NX;
          case "XX" -> HashFlag.XX;
          default -> throw new RedisException("ERR syntax error: expected NX or XX");
        };
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      // COUNT_ALL: count a new field too, not only an updated one.
      int set = key.hashSet(EnumSet.of(condition, HashFlag.COUNT_ALL), argv[3], argv[4]);
      ctx.replyWithLongLong(set);
    }
  }

  /**
   * EXAMPLE.HEXISTS key field [field ...]: an array with 1 for each field the hash has and 0 for
   * each it has not, checked in one call.
   */
  @RedisCommand(
      name = "example.hexists",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void hexists(Context ctx, RedisString[] argv) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    RedisString[] fields = Arrays.copyOfRange(argv, 2, argv.length);
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      boolean[] exists = key.hashMultiExists(fields);
      ctx.replyWithArray(exists.length);
      for (boolean exist : exists) {
        ctx.replyWithLongLong(exist ? 1 : 0);
      }
    }
  }

  /**
   * EXAMPLE.ZINCRBY key increment member: adds {@code increment} to the score of {@code member} (a
   * new member starts from 0), as ZINCRBY does, and replies with the new score.
   */
  @RedisCommand(
      name = "example.zincrby",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void zincrby(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    double increment = argv[2].toDouble(); // ERR value is not a valid float otherwise
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      OptionalDouble score = key.zsetIncrby(increment, argv[3]);
      ctx.replyWithDouble(score.getAsDouble()); // always present without ZaddFlags
    }
  }

  /**
   * EXAMPLE.POP.ENDS key: pops the first and the last element of a list, and replies with both in
   * an array; an end with nothing left to pop is a null (a one-element list gives its element and a
   * null, a missing key two nulls).
   */
  @RedisCommand(name = "example.pop.ends", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void popEnds(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE);
        RedisString head = key.listPop(ListEnd.HEAD);
        RedisString tail = key.listPop(ListEnd.TAIL)) {
      ctx.replyWithArray(2);
      replyWithStringOrNull(ctx, head);
      replyWithStringOrNull(ctx, tail);
    }
  }

  private static void replyWithStringOrNull(Context ctx, RedisString str) {
    if (str == null) {
      ctx.replyWithNull();
    } else {
      ctx.replyWithString(str);
    }
  }

  /**
   * EXAMPLE.DBSIZE.OF db: the number of keys in database {@code db}, whichever the client has
   * selected. Selecting a database lasts beyond the command, so the command selects the client's
   * one again before it returns.
   */
  @RedisCommand(name = "example.dbsize.of", flags = "readonly")
  public static void dbsizeOf(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    long db = argv[1].toLongLong();
    if (db < 0 || db > Integer.MAX_VALUE) {
      throw new RedisException("ERR DB index is out of range");
    }
    int clientDb = ctx.selectedDb();
    ctx.selectDb((int) db); // ERR DB index is out of range when there is no such database
    try (CallReply size = ctx.call("DBSIZE")) {
      ctx.replyWithLongLong(size.integer());
    } finally {
      ctx.selectDb(clientDb);
    }
  }

  /**
   * EXAMPLE.REPEAT str times: {@code str} repeated {@code times} times, assembled in scratch memory
   * from {@link Context#poolAlloc}, which Redis frees when the command returns: the buffer needs no
   * close. The result is at most 16 MB.
   */
  @RedisCommand(name = "example.repeat")
  public static void repeat(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    byte[] str = argv[1].bytes();
    long times = parseNonNegative(argv[2], "ERR invalid count");
    if (str.length == 0 || times == 0) {
      ctx.replyWithStringBuffer(new byte[0]);
      return;
    }
    if (times > MAX_REPEAT_LENGTH / str.length) {
      throw new RedisException("ERR the result would be longer than 16 MB");
    }
    int length = (int) (str.length * times);
    NativeBuffer buffer = ctx.poolAlloc(length);
    buffer.write(0, str);
    // Double what is there until the buffer is full: a few large copies rather than many small.
    for (int filled = str.length; filled < length; ) {
      int chunk = Math.min(filled, length - filled);
      buffer.write(filled, buffer.read(0, chunk));
      filled += chunk;
    }
    ctx.replyWithStringBuffer(buffer.read(0, length));
  }

  /**
   * EXAMPLE.LOG level message: writes {@code message} to the Redis log at {@code level}: {@code
   * debug}, {@code verbose}, {@code notice} or {@code warning}. Redis keeps the lines at or above
   * its {@code loglevel}. Replies OK.
   */
  @RedisCommand(name = "example.log")
  public static void log(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    String name = argv[1].toString();
    LogLevel level = null;
    for (LogLevel candidate : LogLevel.values()) {
      if (candidate.redisName().equalsIgnoreCase(name)) {
        level = candidate;
      }
    }
    if (level == null) {
      throw new RedisException(
          "ERR unknown log level '" + name + "': use debug, verbose, notice or warning");
    }
    ctx.log(level, argv[2].toString());
    ctx.replyWithSimpleString("OK");
  }
}
