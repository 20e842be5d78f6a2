package io.jrm.it;

import io.jrm.BlockedClient;
import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.Reply;
import io.jrm.SimpleString;
import io.jrm.annotations.RedisCommand;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Commands of the jrmtest module ({@code JRMTEST.RET.*}) whose handlers return their reply, one per
 * return type, and the misuses: replying through the context as well, blocking. Tests live in
 * {@code ReturnedReplyIT}.
 */
public final class ReturnedReplyCommands {
  private ReturnedReplyCommands() {}

  /** JRMTEST.RET.LONG: 42. */
  @RedisCommand(name = "jrmtest.ret.long", flags = "readonly fast")
  public static long returnsLong(Context ctx, RedisString[] argv) {
    return 42;
  }

  /** JRMTEST.RET.INT: -7. */
  @RedisCommand(name = "jrmtest.ret.int", flags = "readonly fast")
  public static int returnsInt(Context ctx, RedisString[] argv) {
    return -7;
  }

  /** JRMTEST.RET.DOUBLE: 1.5. */
  @RedisCommand(name = "jrmtest.ret.double", flags = "readonly fast")
  public static double returnsDouble(Context ctx, RedisString[] argv) {
    return 1.5;
  }

  /** JRMTEST.RET.BOOLEAN true|false: the argument. */
  @RedisCommand(name = "jrmtest.ret.boolean", flags = "readonly fast")
  public static boolean returnsBoolean(Context ctx, RedisString[] argv) {
    return Boolean.parseBoolean(argv[1].toString());
  }

  /** JRMTEST.RET.STRING: a bulk string of UTF-8. */
  @RedisCommand(name = "jrmtest.ret.string", flags = "readonly fast")
  public static String returnsString(Context ctx, RedisString[] argv) {
    return "héllo";
  }

  /** JRMTEST.RET.SIMPLE: +OK. */
  @RedisCommand(name = "jrmtest.ret.simple", flags = "readonly fast")
  public static SimpleString returnsSimpleString(Context ctx, RedisString[] argv) {
    return SimpleString.OK;
  }

  /** JRMTEST.RET.BYTES: three bytes, one a zero. */
  @RedisCommand(name = "jrmtest.ret.bytes", flags = "readonly fast")
  public static byte[] returnsBytes(Context ctx, RedisString[] argv) {
    return new byte[] {'a', 0, 'b'};
  }

  /** JRMTEST.RET.REDISSTRING value: the argument. */
  @RedisCommand(name = "jrmtest.ret.redisstring", flags = "readonly fast")
  public static RedisString returnsRedisString(Context ctx, RedisString[] argv) {
    return argv[1];
  }

  /** JRMTEST.RET.BIGNUMBER: 2^70. */
  @RedisCommand(name = "jrmtest.ret.bignumber", flags = "readonly fast")
  public static BigInteger returnsBigInteger(Context ctx, RedisString[] argv) {
    return BigInteger.TWO.pow(70);
  }

  /** JRMTEST.RET.NULL.LONG: a null Long, the null reply. */
  @RedisCommand(name = "jrmtest.ret.null.long", flags = "readonly fast")
  public static Long returnsNullLong(Context ctx, RedisString[] argv) {
    return null;
  }

  /** JRMTEST.RET.NULL.STRING: a null String, the null reply. */
  @RedisCommand(name = "jrmtest.ret.null.string", flags = "readonly fast")
  public static String returnsNullString(Context ctx, RedisString[] argv) {
    return null;
  }

  /** JRMTEST.RET.LIST: a nested list of mixed elements. */
  @RedisCommand(name = "jrmtest.ret.list", flags = "readonly fast")
  public static List<?> returnsList(Context ctx, RedisString[] argv) {
    List<Object> list = new ArrayList<>();
    list.add("a");
    list.add(1L);
    list.add(List.of(2.5, true));
    list.add(null);
    list.add(new SimpleString("fine"));
    return list;
  }

  /** JRMTEST.RET.ARRAY: a String[][]. */
  @RedisCommand(name = "jrmtest.ret.array", flags = "readonly fast")
  public static String[][] returnsArray(Context ctx, RedisString[] argv) {
    return new String[][] {{"x", "y"}, {}};
  }

  /** JRMTEST.RET.LONGS: a long[]. */
  @RedisCommand(name = "jrmtest.ret.longs", flags = "readonly fast")
  public static long[] returnsLongs(Context ctx, RedisString[] argv) {
    return new long[] {3, -4};
  }

  /** JRMTEST.RET.MAP: {a: 1, b: [x]}, in that order. */
  @RedisCommand(name = "jrmtest.ret.map", flags = "readonly fast")
  public static Map<String, Object> returnsMap(Context ctx, RedisString[] argv) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", List.of("x"));
    return map;
  }

  /** JRMTEST.RET.SET: the set {p, q}, in that order. */
  @RedisCommand(name = "jrmtest.ret.set", flags = "readonly fast")
  public static Set<String> returnsSet(Context ctx, RedisString[] argv) {
    return new LinkedHashSet<>(Arrays.asList("p", "q"));
  }

  /** JRMTEST.RET.CALL command args...: the reply of the command, forwarded in the caller's RESP. */
  @RedisCommand(name = "jrmtest.ret.call")
  public static CallReply returnsCallReply(Context ctx, RedisString[] argv) {
    return ctx.callWithFlags(
        "0", argv[1].toString(), (Object[]) Arrays.copyOfRange(argv, 2, argv.length));
  }

  /**
   * JRMTEST.RET.REPLY kind: a {@link Reply} of {@code kind} (integer, simple, bulk, error, null,
   * array, map, set, double, bool, bignumber, verbatim).
   */
  @RedisCommand(name = "jrmtest.ret.reply", flags = "readonly fast")
  public static Reply returnsReply(Context ctx, RedisString[] argv) {
    return switch (argv[1].toString()) {
      case "integer" -> new Reply.Integer(5);
      case "simple" -> new SimpleString("yes");
      case "bulk" -> new Reply.Bulk("bulk");
      case "error" -> new Reply.Error("ERR chosen");
      case "null" -> Reply.NULL;
      case "array" -> new Reply.Array(List.of(new Reply.Integer(1), "two"));
      case "map" -> new Reply.Map(Map.of("k", new Reply.Bool(false)));
      case "set" -> new Reply.Set(List.of(7L));
      case "double" -> new Reply.Double(-0.25);
      case "bool" -> new Reply.Bool(true);
      case "bignumber" -> new Reply.BigNumber(new BigInteger("-12345678901234567890"));
      case "verbatim" -> new Reply.Verbatim("mkd", "# hi");
      default -> throw new RedisException("ERR no such kind");
    };
  }

  /** JRMTEST.RET.THROW: a returning handler that throws, as a void one may. */
  @RedisCommand(name = "jrmtest.ret.throw", flags = "readonly fast")
  public static String throwsInstead(Context ctx, RedisString[] argv) {
    throw new RedisException("ERR thrown instead");
  }

  /** JRMTEST.RET.TWICE: replies 1 through the context, then returns a second reply. */
  @RedisCommand(name = "jrmtest.ret.twice", flags = "readonly fast")
  public static String repliesTwice(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(1);
    return "second";
  }

  /** JRMTEST.RET.INSIDE: starts an array of 2 through the context, then returns 5. */
  @RedisCommand(name = "jrmtest.ret.inside", flags = "readonly fast")
  public static long returnsInsideAnArray(Context ctx, RedisString[] argv) {
    ctx.replyWithArray(2);
    ctx.replyWithLongLong(1);
    return 5;
  }

  /**
   * JRMTEST.RET.BLOCKED: blocks the client, unblocks it at once (the callback replies), then
   * returns a reply of its own, which is refused.
   */
  @RedisCommand(name = "jrmtest.ret.blocked", flags = "readonly")
  public static String blocksAndReturns(Context ctx, RedisString[] argv) {
    BlockedClient client =
        ctx.blockClient(
            (reply, data) -> reply.replyWithString("from the callback"),
            (reply, data) -> reply.replyWithNull(),
            0);
    client.unblock(null);
    return "from the handler";
  }

  /** JRMTEST.RET.BADELEMENT: a list whose second element is no reply type. */
  @RedisCommand(name = "jrmtest.ret.badelement", flags = "readonly fast")
  public static List<Object> returnsABadElement(Context ctx, RedisString[] argv) {
    return List.of(1L, Thread.currentThread(), 3L);
  }

  /**
   * JRMTEST.RET.POSTPONED.MAP: a map of postponed length with one key, then an error: the error
   * becomes the key's value.
   */
  @RedisCommand(name = "jrmtest.ret.postponed.map", flags = "readonly fast")
  public static void postponedMapThenError(Context ctx, RedisString[] argv) {
    ctx.replyWithMap(Context.POSTPONED_LENGTH);
    ctx.replyWithString("k");
    throw new RedisException("ERR half a map");
  }

  /** JRMTEST.RET.POSTPONED.SET: a set of postponed length, set to 2 after 2 elements. */
  @RedisCommand(name = "jrmtest.ret.postponed.set", flags = "readonly fast")
  public static void postponedSet(Context ctx, RedisString[] argv) {
    ctx.replyWithSet(Context.POSTPONED_LENGTH);
    ctx.replyWithLongLong(1);
    ctx.replyWithString("z");
    ctx.replySetSetLength(2);
  }
}
