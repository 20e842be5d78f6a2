package io.jrm.example;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.HashFlag;
import io.jrm.ListEnd;
import io.jrm.LogLevel;
import io.jrm.NativeBuffer;
import io.jrm.ReadKey;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.SimpleString;
import io.jrm.WriteKey;
import io.jrm.annotations.KeyName;
import io.jrm.annotations.RedisCommand;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Examples of what helloworld does not show, as {@code example.*} commands of the same module:
 *
 * <ul>
 *   <li>{@code example.mlen}: a command that reports its own keys ({@code getkeys-api}), for keys
 *       whose positions depend on the arguments;
 *   <li>{@code example.truncate}: resizing a string key ({@link WriteKey#stringTruncate});
 *   <li>{@code example.join}: building a string by appending to it ({@link RedisString#append});
 *   <li>{@code example.hset} and {@code example.hexists}: hash fields set only if missing or only
 *       if present, and existence checks ({@link HashFlag});
 *   <li>{@code example.zincrby}: adding to a score ({@link WriteKey#zsetIncrby});
 *   <li>{@code example.pop.ends}: popping from both ends of a list ({@link WriteKey#listPop});
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
   *
   * <p>It takes the raw {@code (Context, RedisString[])} form, as typed parameters cannot say that
   * {@code numkeys} tells how many keys follow, and replies through its {@code Context}, since it
   * must not reply at all to a key position request.
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
      try (ReadKey key = ctx.readKey(argv[i])) {
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
  @RedisCommand(name = "example.truncate", flags = "write deny-oom")
  public static long truncate(Context ctx, @KeyName RedisString keyName, long length) {
    if (length < 0) {
      throw new RedisException("ERR invalid length");
    }
    try (WriteKey key = ctx.writeKey(keyName)) {
      key.stringTruncate(length);
      return key.valueLength();
    }
  }

  /**
   * EXAMPLE.JOIN separator str [str ...]: the strings joined with the separator between them, built
   * by appending to one new string. It replies through its {@code Context} because the string is
   * freed when the command is done with it, before a returned value would be sent.
   */
  @RedisCommand(name = "example.join")
  public static void join(Context ctx, byte[] separator, RedisString first, RedisString... rest) {
    try (RedisString joined = ctx.createString(first)) {
      for (RedisString str : rest) {
        joined.append(separator).append(str.bytes());
      }
      ctx.replyWithString(joined);
    }
  }

  /** The conditions of {@code example.hset}, matched ignoring case as Redis keywords are. */
  public enum Condition {
    /** Set only a field that does not exist yet. */
    NX(HashFlag.NX),
    /** Set only a field that exists. */
    XX(HashFlag.XX);

    private final HashFlag flag;

    Condition(HashFlag flag) {
      this.flag = flag;
    }
  }

  /**
   * EXAMPLE.HSET key NX|XX field value: sets a hash field only if it does not exist yet ({@code
   * NX}) or only if it does ({@code XX}). Replies 1 when the field was set, 0 when not. Another
   * word than NX or XX replies {@code ERR syntax error, expected one of: NX, XX}.
   */
  @RedisCommand(name = "example.hset", flags = "write deny-oom")
  public static long hset(
      Context ctx,
      @KeyName RedisString keyName,
      Condition condition,
      RedisString field,
      RedisString value) {
    try (WriteKey key = ctx.writeKey(keyName)) {
      // COUNT_ALL: count a new field too, not only an updated one.
      return key.hashSet(EnumSet.of(condition.flag, HashFlag.COUNT_ALL), field, value);
    }
  }

  /**
   * EXAMPLE.HEXISTS key field [field ...]: an array with 1 for each field the hash has and 0 for
   * each it has not, checked in one call. It keeps the raw form: {@code argv} already holds the
   * fields as the one array {@link ReadKey#hashMultiExists} takes.
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
    try (ReadKey key = ctx.readKey(argv[1])) {
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
  @RedisCommand(name = "example.zincrby", flags = "write deny-oom")
  public static double zincrby(
      Context ctx, @KeyName RedisString keyName, double increment, RedisString member) {
    try (WriteKey key = ctx.writeKey(keyName)) {
      OptionalDouble score = key.zsetIncrby(increment, member);
      return score.getAsDouble(); // always present without ZaddFlags
    }
  }

  /**
   * EXAMPLE.POP.ENDS key: pops the first and the last element of a list, and replies with both in
   * an array; an end with nothing left to pop is a null (a one-element list gives its element and a
   * null, a missing key two nulls).
   */
  @RedisCommand(name = "example.pop.ends", flags = "write")
  public static List<RedisString> popEnds(Context ctx, @KeyName RedisString keyName) {
    // Auto memory frees the key and the popped elements when the command returns, after the
    // returned list is sent; closing them here would free them before.
    ctx.autoMemory();
    WriteKey key = ctx.writeKey(keyName);
    return Arrays.asList(key.listPop(ListEnd.HEAD), key.listPop(ListEnd.TAIL)); // nulls allowed
  }

  /**
   * EXAMPLE.DBSIZE.OF db: the number of keys in database {@code db}, whichever the client has
   * selected. Selecting a database lasts beyond the command, so the command selects the client's
   * one again before it returns.
   */
  @RedisCommand(name = "example.dbsize.of", flags = "readonly")
  public static long dbsizeOf(Context ctx, long db) {
    if (db < 0 || db > Integer.MAX_VALUE) {
      throw new RedisException("ERR DB index is out of range");
    }
    int clientDb = ctx.selectedDb();
    ctx.selectDb((int) db); // ERR DB index is out of range when there is no such database
    try (CallReply size = ctx.call("DBSIZE")) {
      return size.integer();
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
  public static byte[] repeat(Context ctx, byte[] str, long times) {
    if (times < 0) {
      throw new RedisException("ERR invalid count");
    }
    if (str.length == 0 || times == 0) {
      return new byte[0];
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
    return buffer.read(0, length);
  }

  /**
   * EXAMPLE.LOG level message: writes {@code message} to the Redis log at {@code level}: {@code
   * debug}, {@code verbose}, {@code notice} or {@code warning}. Redis keeps the lines at or above
   * its {@code loglevel}. Replies OK; another level replies {@code ERR syntax error, expected one
   * of: DEBUG, VERBOSE, NOTICE, WARNING}.
   */
  @RedisCommand(name = "example.log")
  public static SimpleString log(Context ctx, LogLevel level, String message) {
    ctx.log(level, message);
    return SimpleString.OK;
  }
}
