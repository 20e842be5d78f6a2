package io.jrm.example;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.LogLevel;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.KeyName;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import io.jrm.annotations.Replicate;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Java port of Redis 7.0's {@code src/modules/helloworld.c}: the same sixteen commands, with
 * the same names, flags, key positions, arguments, replies and side effects, written with JRM.
 *
 * <p>Build with {@code mvn package}, then {@code redis-server --loadmodule target/helloworld.so}
 * and try {@code redis-cli HELLO.SIMPLE}.
 *
 * <p>The commands are spread over three classes by theme; the annotation processor collects the
 * {@code @RedisCommand} methods of every class of the module, and only this one carries
 * {@code @RedisModule}:
 *
 * <ul>
 *   <li>this class: the module itself, and the commands built on {@link Context#call} and on
 *       replies ({@code hello.simple}, {@code hello.push.call}, {@code hello.push.call2}, {@code
 *       hello.list.sum.len}, {@code hello.rand.array}, {@code hello.repl1}, {@code hello.leftpad});
 *   <li>{@link HelloLists}: lists through the low-level key API ({@code hello.push.native}, {@code
 *       hello.list.splice}, {@code hello.list.splice.auto}, {@code hello.repl2});
 *   <li>{@link HelloKeys}: strings, expiry, sorted sets and hashes through the low-level key API
 *       ({@code hello.toggle.case}, {@code hello.more.expire}, {@code hello.zsumrange}, {@code
 *       hello.lexrange}, {@code hello.hcopy}).
 * </ul>
 *
 * <p>{@link MoreExamples} shows what helloworld does not ({@code example.*} commands).
 *
 * <p>Two native data types ({@code @DataType}) live in the same module: {@link HelloType} with
 * {@link HelloTypeCommands}, the port of {@code src/modules/hellotype.c} ({@code hellotype.*},
 * RDB-compatible with the C module), and {@link TopK} with {@link TopKCommands}, a top-K
 * heavy-hitters counter ({@code hellotopk.*}): the one to copy for a type of your own, with nested
 * persisted classes, an encoding version upgrade and replication.
 *
 * <h2>Replication</h2>
 *
 * <p>As in C, only three commands reach replicas and the AOF: {@code hello.repl1} (its calls with
 * the {@code !} flag and its {@link Context#replicate}), and {@code hello.repl2} and {@code
 * hello.toggle.case} ({@link Context#replicateVerbatim()}). The others that write, {@code
 * hello.push.*}, {@code hello.list.splice*}, {@code hello.more.expire} and {@code hello.hcopy},
 * change the master only, like the C module: they are declared {@code replicate =
 * Replicate.MANUAL}, since a {@code write} command is otherwise propagated verbatim once it has
 * succeeded, which a module of your own would want.
 *
 * <h2>Where the port differs from the C module</h2>
 *
 * <p>Everything was checked to be byte-for-byte identical to the C module, in replies, data,
 * keyspace notifications, keyspace hit/miss counters and the replication stream, including its odd
 * answers on bad input (for example {@code hello.push.call} on a key of another type replies {@code
 * -9223372036854775808}, as C reads RPUSH's error reply as an integer). The exceptions are the
 * inputs on which the C module crashes the server, and the limits of Java:
 *
 * <ol>
 *   <li>{@code hello.list.sum.len} on a key of another type: C takes LRANGE's error reply for an
 *       array and crashes the server; the port replies LRANGE's {@code WRONGTYPE} error.
 *   <li>{@code hello.list.splice} and {@code hello.list.splice.auto} with the same key as source
 *       and destination: C opens the key twice, and when a pop empties the list the second handle
 *       points to the freed list, which crashes the server. The port opens the key once, so the
 *       command rotates the list: {@code count} times, the last element becomes the first.
 *   <li>{@code hello.leftpad} to a length beyond what a Java array holds (about 2 GB): C allocates
 *       it, the port replies {@code ERR padding length too large}.
 *   <li>The module arguments are written to the Redis log, where C prints them to standard output.
 *   <li>{@code COMMAND INFO} shows the arity of the commands with typed parameters (3 for {@code
 *       hello.push.call}) where C's is -1: a wrong count gets the same error, from Redis before the
 *       handler runs (inside {@code MULTI} when it is queued, as for Redis's own commands).
 * </ol>
 *
 * <p>Some oddities of the C module are kept, since they are harmless: {@code hello.lexrange}
 * replies {@code invalid range} without an {@code ERR} code and takes {@code min_age} and {@code
 * max_age} without using them; {@code hello.zsumrange} and {@code hello.lexrange} open their key
 * for writing although they only read (which keeps them out of the keyspace hit/miss counters);
 * {@code hello.repl1} ignores its arguments and declares no keys although it writes {@code foo} and
 * {@code bar}.
 */
@RedisModule(name = "helloworld", version = 1)
public final class HelloWorld {
  /** The longest reply {@code hello.leftpad} builds: the largest Java byte array. */
  private static final long MAX_PADDED_LENGTH = Integer.MAX_VALUE - 8;

  private HelloWorld() {}

  /**
   * Logs the module arguments, one line each: {@code --loadmodule helloworld.so a b} logs {@code
   * ARGV[0] = a} and {@code ARGV[1] = b}. (C prints them to standard output instead.)
   */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    for (int i = 0; i < args.length; i++) {
      ctx.log(LogLevel.NOTICE, "Module loaded with ARGV[" + i + "] = " + args[i]);
    }
  }

  /**
   * HELLO.SIMPLE: replies with the number of the database the client has selected, something Redis
   * itself has no command for. About the simplest command there is: one call for information, one
   * reply. Extra arguments are ignored.
   *
   * <p>This is the raw form of a handler: {@code (Context, RedisString[] argv)} gets the arguments
   * as the client sent them, the command name first, and counts them itself. Use it when a typed
   * signature cannot say what the command accepts, as here: C ignores extra arguments, and {@code
   * simple(Context ctx)} would reply {@code WrongArity} to them. {@code hello.repl1}, which ignores
   * its arguments too, and {@code example.mlen}, whose first argument says how many keys follow,
   * take it as well.
   */
  @RedisCommand(name = "hello.simple", flags = "readonly")
  public static long simple(Context ctx, RedisString[] argv) {
    return ctx.selectedDb();
  }

  /**
   * HELLO.PUSH.CALL key value: RPUSH done the high-level way, by calling the RPUSH command rather
   * than working on the key (compare {@code hello.push.native}); replies with the new length of the
   * list. Calling commands is the simple choice when speed matters less, or when the key API has no
   * equivalent.
   */
  @RedisCommand(name = "hello.push.call", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static long pushCall(Context ctx, @KeyName RedisString key, RedisString value) {
    try (CallReply reply = ctx.call("RPUSH", key, value)) {
      // C's CallReplyInteger gives LLONG_MIN for RPUSH's WRONGTYPE error reply, and the C module
      // replies that; the port answers the same. Your own module would let integer() throw.
      return reply.isError() ? Long.MIN_VALUE : reply.integer();
    }
  }

  /**
   * HELLO.PUSH.CALL2 key value: like {@code hello.push.call}, but hands RPUSH's reply to the client
   * as it is, errors included: a returned {@link CallReply} is forwarded, then freed.
   */
  @RedisCommand(name = "hello.push.call2", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static CallReply pushCall2(Context ctx, @KeyName RedisString key, RedisString value) {
    return ctx.call("RPUSH", key, value);
  }

  /**
   * HELLO.LIST.SUM.LEN key: the total length, in bytes, of the elements of a list, read with
   * LRANGE: an example of walking an array reply. A missing key sums to 0. It replies through its
   * {@code Context} because its reply is either LRANGE's error, forwarded, or an integer.
   */
  @RedisCommand(name = "hello.list.sum.len", flags = "readonly")
  public static void listSumLen(Context ctx, @KeyName RedisString key) {
    try (CallReply reply = ctx.call("LRANGE", key, 0L, -1L)) {
      if (reply.isError()) {
        ctx.replyWithCallReply(reply);
        return;
      }
      long sum = 0;
      for (long i = 0, items = reply.length(); i < items; i++) {
        sum += reply.arrayElement(i).length();
      }
      ctx.replyWithLongLong(sum);
    }
  }

  /**
   * HELLO.RAND.ARRAY count: an array of {@code count} random integers from 0 to 2^31-1: how to
   * reply with an array, a header with the length followed by that many elements, streamed rather
   * than built as a Java array, which could not hold every count C accepts.
   *
   * <p>{@code count} is a {@code RedisString}, parsed here, and not a {@code long}: a typed {@code
   * long} would reply {@code ERR value is not an integer or out of range} where C replies {@code
   * ERR invalid count}. The other ports parse their numbers the same way, for their own errors.
   */
  @RedisCommand(name = "hello.rand.array", flags = "readonly")
  public static void randArray(Context ctx, RedisString countArg) {
    long count = parseNonNegative(countArg, "ERR invalid count");
    ctx.replyWithArray(count);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (long i = 0; i < count; i++) {
      ctx.replyWithLongLong(random.nextInt() & Integer.MAX_VALUE); // C's rand(): 0..RAND_MAX
    }
  }

  /**
   * HELLO.REPL1: increments the keys {@code foo} and {@code bar} and replies 0, to show what
   * replicas and the AOF receive. Calls with the {@code !} flag are replicated when they change
   * data, and {@link Context#replicate} adds a command of our choosing; Redis sends the calls
   * first, so the stream is {@code MULTI}, {@code INCR foo}, {@code INCR bar}, {@code ECHO foo},
   * {@code EXEC}. An INCR that fails (say {@code foo} holds text) is left out and the reply is 0
   * all the same. Arguments are ignored, as in C, hence the raw form.
   */
  @RedisCommand(name = "hello.repl1", flags = "write")
  public static long repl1(Context ctx, RedisString[] argv) {
    // Auto memory frees the two call replies when the command returns: no need to close them.
    ctx.autoMemory();
    ctx.replicate("ECHO", "foo");
    ctx.callWithFlags("!", "INCR", "foo");
    ctx.callWithFlags("!", "INCR", "bar");
    return 0;
  }

  /**
   * HELLO.LEFTPAD str len ch: {@code str} padded on the left with the character {@code ch} up to
   * {@code len} bytes, like the npm package of March 2016 fame. A string already that long comes
   * back as it is.
   *
   * <p>C builds the result in memory from {@code PoolAlloc}, which Redis frees when the command
   * returns; the Java counterpart of such scratch memory is simply a Java array, which the garbage
   * collector frees. {@code example.repeat} in {@link MoreExamples} shows {@link Context#poolAlloc}
   * itself.
   */
  // C declares str a key (1, 1, 1) although it is not one: the port keeps those positions, written
  // out rather than derived from a @KeyName that would call str a key.
  @RedisCommand(name = "hello.leftpad", firstKey = 1, lastKey = 1, keyStep = 1)
  public static byte[] leftPad(Context ctx, byte[] str, RedisString len, byte[] ch) {
    long padTo = parseNonNegative(len, "ERR invalid padding length");
    if (str.length >= padTo) {
      return str;
    }
    if (ch.length != 1) {
      throw new RedisException("ERR padding must be a single char");
    }
    if (padTo > MAX_PADDED_LENGTH) {
      throw new RedisException("ERR padding length too large");
    }
    byte[] padded = new byte[(int) padTo];
    int pad = padded.length - str.length;
    Arrays.fill(padded, 0, pad, ch[0]);
    System.arraycopy(str, 0, padded, pad, str.length);
    return padded;
  }

  /**
   * {@code arg} as a number of 0 or more; a RedisException with {@code error} for anything else.
   */
  static long parseNonNegative(RedisString arg, String error) {
    long value;
    try {
      value = arg.toLongLong();
    } catch (RedisException notANumber) {
      throw new RedisException(error);
    }
    if (value < 0) {
      throw new RedisException(error);
    }
    return value;
  }
}
