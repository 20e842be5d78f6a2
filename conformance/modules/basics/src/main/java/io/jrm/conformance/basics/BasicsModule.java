package io.jrm.conformance.basics;

import io.jrm.CallReply;
import io.jrm.CallReplyType;
import io.jrm.Context;
import io.jrm.ContextFlag;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.KeyspaceEventClass;
import io.jrm.LogLevel;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.Reply;
import io.jrm.StringDma;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import io.jrm.annotations.Replicate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The port of Redis's tests/modules/basics.c (module test), for unit moduleapi/basics: TEST.BASICS
 * calls every other TEST.* command through {@code Call} and checks their replies, and those
 * exercise calls and their RESP3 replies, strings, keys, context flags and keyspace notifications.
 */
@RedisModule(name = "test")
public final class BasicsModule {
  private static final String OK = "OK";
  private static final String ERR = "ERR";

  private BasicsModule() {}

  /** Counts string, set, hash and missed-key events per key in the hash "notifications". */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    ctx.subscribeToKeyspaceEvents(
        EnumSet.of(
            KeyspaceEventClass.HASH,
            KeyspaceEventClass.SET,
            KeyspaceEventClass.STRING,
            KeyspaceEventClass.KEY_MISS),
        (c, type, event, key) -> {
          c.log(LogLevel.NOTICE, "Got event type " + type + ", event " + event + ", key " + key);
          c.call("HINCRBY", "notifications", key, "1").close();
        });
  }

  /** TEST.CALL: RPUSH of a string and a number, read back with LRANGE. */
  @RedisCommand(name = "test.call", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static void call(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    ctx.call("DEL", "mylist");
    ctx.call("RPUSH", "mylist", ctx.createString("foo"), 1234L);
    CallReply reply = ctx.call("LRANGE", "mylist", "0", "-1");
    boolean ok =
        reply.length() == 2
            && matches(reply.arrayElement(0), "foo")
            && matches(reply.arrayElement(1), "1234");
    ctx.replyWithSimpleString(ok ? OK : ERR);
  }

  /** TEST.CALLRESP3ATTRIBUTE: DEBUG PROTOCOL attrib read in RESP3, attribute included. */
  @RedisCommand(
      name = "test.callresp3attribute",
      flags = "write deny-oom",
      replicate = Replicate.MANUAL)
  public static void callResp3Attribute(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    CallReply reply = ctx.callWithFlags("3", "DEBUG", "PROTOCOL", "attrib");
    ctx.replyWithSimpleString(attributeMatches(ctx, reply) ? OK : ERR);
  }

  private static boolean attributeMatches(Context ctx, CallReply reply) {
    if (reply.type() != CallReplyType.STRING
        || forwards(ctx, reply)
        || !matches(reply, "Some real reply following the attribute")) {
      return false;
    }
    CallReply attribute = reply.attribute();
    if (attribute == null
        || attribute.type() != CallReplyType.ATTRIBUTE
        || forwards(ctx, attribute)
        || attribute.length() != 1) {
      return false;
    }
    Map.Entry<CallReply, CallReply> entry = attribute.attributeElement(0);
    CallReply value = entry.getValue();
    return matches(entry.getKey(), "key-popularity")
        && value.type() == CallReplyType.ARRAY
        && value.length() == 2
        && matches(value.arrayElement(0), "key:123")
        && matches(value.arrayElement(1), "90");
  }

  /** TEST.GETRESP: the client's protocol, 2 or 3. */
  @RedisCommand(name = "test.getresp", flags = "readonly")
  public static void getResp(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(ctx.flags().contains(ContextFlag.RESP3) ? 3 : 2);
  }

  /** TEST.RMCALLAUTOMODE: HGETALL in the caller's protocol (flag 0), forwarded as it came. */
  @RedisCommand(name = "test.rmcallautomode", flags = "write", replicate = Replicate.MANUAL)
  public static void rmCallAutoMode(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    fillMyHash(ctx);
    ctx.replyWithCallReply(ctx.callWithFlags("0", "HGETALL", "myhash"));
  }

  private static void fillMyHash(Context ctx) {
    ctx.call("DEL", "myhash");
    ctx.call("HSET", "myhash", "f1", "v1", "f2", "v2");
  }

  /** TEST.CALLRESP3MAP: HGETALL read in RESP3 as a map. */
  @RedisCommand(name = "test.callresp3map", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static void callResp3Map(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    fillMyHash(ctx);
    CallReply reply = ctx.callWithFlags("3", "HGETALL", "myhash");
    boolean ok = reply.type() == CallReplyType.MAP && !forwards(ctx, reply) && reply.length() == 2;
    if (ok) {
      Map.Entry<CallReply, CallReply> first = reply.mapElement(0);
      Map.Entry<CallReply, CallReply> second = reply.mapElement(1);
      ok =
          matches(first.getKey(), "f1")
              && matches(second.getKey(), "f2")
              && matches(first.getValue(), "v1")
              && matches(second.getValue(), "v2");
    }
    ctx.replyWithSimpleString(ok ? OK : ERR);
  }

  /** TEST.CALLRESP3BOOL: DEBUG PROTOCOL true and false read in RESP3. */
  @RedisCommand(name = "test.callresp3bool", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static void callResp3Bool(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    CallReply yes = protocol(ctx, "true");
    boolean ok = yes.type() == CallReplyType.BOOL && !forwards(ctx, yes) && yes.bool();
    if (ok) {
      CallReply no = protocol(ctx, "false");
      ok = no.type() == CallReplyType.BOOL && !no.bool();
    }
    ctx.replyWithSimpleString(ok ? OK : ERR);
  }

  /** TEST.CALLRESP3NULL: DEBUG PROTOCOL null read in RESP3. */
  @RedisCommand(name = "test.callresp3null", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static void callResp3Null(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    CallReply reply = protocol(ctx, "null");
    boolean ok = reply.type() == CallReplyType.NULL && !forwards(ctx, reply);
    ctx.replyWithSimpleString(ok ? OK : ERR);
  }

  /** TEST.CALLREPLYWITHNESTEDREPLY: forwards the first element of an LRANGE. */
  @RedisCommand(
      name = "test.callreplywithnestedreply",
      flags = "write deny-oom",
      replicate = Replicate.MANUAL)
  public static void callReplyWithNestedReply(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    CallReply reply = testList(ctx);
    if (reply.type() != CallReplyType.ARRAY || reply.length() < 1) {
      ctx.replyWithSimpleString(ERR);
      return;
    }
    ctx.replyWithCallReply(reply.arrayElement(0));
  }

  /** TEST.CALLREPLYWITHARRAYREPLY: forwards a whole LRANGE. */
  @RedisCommand(
      name = "test.callreplywitharrayreply",
      flags = "write deny-oom",
      replicate = Replicate.MANUAL)
  public static void callReplyWithArrayReply(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    CallReply reply = testList(ctx);
    if (reply.type() != CallReplyType.ARRAY) {
      ctx.replyWithSimpleString(ERR);
      return;
    }
    ctx.replyWithCallReply(reply);
  }

  /** The list ["test", "1234"] made anew, read back with LRANGE. */
  private static CallReply testList(Context ctx) {
    ctx.call("DEL", "mylist");
    ctx.call("RPUSH", "mylist", "test", 1234L);
    return ctx.call("LRANGE", "mylist", "0", "-1");
  }

  /** TEST.CALLRESP3DOUBLE: DEBUG PROTOCOL double read in RESP3. */
  @RedisCommand(
      name = "test.callresp3double",
      flags = "write deny-oom",
      replicate = Replicate.MANUAL)
  public static void callResp3Double(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    CallReply reply = protocol(ctx, "double");
    boolean ok =
        reply.type() == CallReplyType.DOUBLE
            && !forwards(ctx, reply)
            && reply.doubleValue() == 3.141;
    ctx.replyWithSimpleString(ok ? OK : ERR);
  }

  /** TEST.CALLREPLYWITHBIGNUMBERREPLY: DEBUG PROTOCOL bignum, its digits as a bulk string. */
  @RedisCommand(
      name = "test.callreplywithbignumberreply",
      flags = "write deny-oom",
      replicate = Replicate.MANUAL)
  public static void callResp3BigNumber(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    CallReply reply = protocol(ctx, "bignum");
    if (reply.type() != CallReplyType.BIG_NUMBER || forwards(ctx, reply)) {
      ctx.replyWithSimpleString(ERR);
      return;
    }
    ctx.replyWithString(reply.bigNumber().toString());
  }

  /** TEST.CALLREPLYWITHVERBATIMSTRINGREPLY: DEBUG PROTOCOL verbatim as "format:text". */
  @RedisCommand(
      name = "test.callreplywithverbatimstringreply",
      flags = "write deny-oom",
      replicate = Replicate.MANUAL)
  public static void callResp3Verbatim(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    CallReply reply = protocol(ctx, "verbatim");
    if (reply.type() != CallReplyType.VERBATIM_STRING || forwards(ctx, reply)) {
      ctx.replyWithSimpleString(ERR);
      return;
    }
    Reply.Verbatim verbatim = reply.verbatim();
    ctx.replyWithString(ctx.createStringPrintf("%s:%s", verbatim.format(), verbatim.text()));
  }

  /** TEST.CALLRESP3SET: SMEMBERS read in RESP3 as a set, in any order. */
  @RedisCommand(name = "test.callresp3set", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static void callResp3Set(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    ctx.call("DEL", "myset");
    ctx.call("sadd", "myset", "v1", "v2");
    CallReply reply = ctx.callWithFlags("3", "smembers", "myset");
    boolean ok = reply.type() == CallReplyType.SET && !forwards(ctx, reply) && reply.length() == 2;
    for (int i = 0; ok && i < 2; i++) {
      CallReply member = reply.setElement(i);
      ok = matches(member, "v1") || matches(member, "v2");
    }
    ctx.replyWithSimpleString(ok ? OK : ERR);
  }

  /** DEBUG PROTOCOL {@code type}, read in RESP3. */
  private static CallReply protocol(Context ctx, String type) {
    return ctx.callWithFlags("3", "DEBUG", "PROTOCOL", type);
  }

  /**
   * Whether Redis forwards {@code reply} to this command's client. A RESP3-only reply must be
   * refused to TEST.BASICS's RESP2 call; a refusal sends nothing, so the command replies after it.
   */
  private static boolean forwards(Context ctx, CallReply reply) {
    try {
      ctx.replyWithCallReply(reply);
      return true;
    } catch (RedisException refused) {
      return false;
    }
  }

  /** TEST.STRING.APPEND: "foo" with "bar" appended. */
  @RedisCommand(name = "test.string.append", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static void stringAppend(Context ctx, RedisString[] argv) {
    try (RedisString s = ctx.createString("foo")) {
      ctx.replyWithString(s.append("bar"));
    }
  }

  /** TEST.STRING.APPEND.AM: as TEST.STRING.APPEND, the string retained under auto memory. */
  @RedisCommand(
      name = "test.string.append.am",
      flags = "write deny-oom",
      replicate = Replicate.MANUAL)
  public static void stringAppendAm(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    try (RedisString s = ctx.createString("foo").retain()) {
      s.trimStringAllocation(); // mostly nothing to trim: the call is what the C test exercises
      ctx.replyWithString(s.append("bar"));
    }
  }

  /** TEST.STRING.PRINTF a b [...]: a formatted string naming the count and first two arguments. */
  @RedisCommand(name = "test.string.printf", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static void stringPrintf(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    ctx.replyWithString(
        ctx.createStringPrintf(
            "Got %d args. argv[1]: %s, argv[2]: %s", argv.length, argv[1], argv[2]));
  }

  /** TEST.UNLINK: sets key "unlinked", unlinks it, checks with EXISTS before and after. */
  @RedisCommand(name = "test.unlink", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static void unlink(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    try (Key key = ctx.openKey(ctx.createString("unlinked"), KeyMode.READ_WRITE)) {
      key.stringSet(ctx.createString("Foobar"));
      if (ctx.call("EXISTS", "unlinked").integer() != 1) {
        ctx.replyWithError("Key does not exist before unlink");
        return;
      }
      if (!key.unlink()) {
        ctx.replyWithError("Could not unlink key");
        return;
      }
      if (ctx.call("EXISTS", "unlinked").integer() != 0) {
        ctx.replyWithError("Could not verify key to be unlinked");
        return;
      }
    }
    ctx.replyWithSimpleString(OK);
  }

  /** TEST.NESTEDCALLREPLYARRAY: SCAN of database 1 holding one list, its key read back. */
  @RedisCommand(
      name = "test.nestedcallreplyarray",
      flags = "write deny-oom",
      replicate = Replicate.MANUAL)
  public static void nestedCallReplyArray(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    RedisString expected = ctx.createString("mykey");
    ctx.selectDb(1);
    ctx.call("LPUSH", expected, "myvalue");
    CallReply scan = ctx.call("SCAN", 0L);
    check(scan.type() == CallReplyType.ARRAY && scan.length() == 2, "SCAN is [cursor, keys]");
    CallReply cursor = scan.arrayElement(0);
    check(cursor.type() == CallReplyType.STRING, "the cursor is a string");
    check(cursor.toRedisString().toLongLong() == 0, "the scan is done in one call");
    CallReply keys = scan.arrayElement(1);
    check(keys.type() == CallReplyType.ARRAY && keys.length() == 1, "one key");
    CallReply key = keys.arrayElement(0);
    check(key.type() == CallReplyType.STRING, "the key is a string");
    check(key.toRedisString().compareTo(expected) == 0, "the key is mykey");
    ctx.replyWithSimpleString(OK);
  }

  /** C's RedisModule_Assert, as an exception: Java never stops the server for a failed check. */
  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("assertion failed: " + what);
    }
  }

  /** TEST.STRING.TRUNCATE: "abcde" grown to 8 (NUL padded), shrunk to 4, then to 0. */
  @RedisCommand(
      name = "test.string.truncate",
      flags = "write deny-oom",
      replicate = Replicate.MANUAL)
  public static void stringTruncate(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    ctx.call("SET", "foo", "abcde");
    try (Key key = ctx.openKey(ctx.createString("foo"), KeyMode.READ_WRITE)) {
      String failure = truncateFailure(key, 8, new byte[] {'a', 'b', 'c', 'd', 'e', 0, 0, 0});
      if (failure == null) {
        failure = truncateFailure(key, 4, new byte[] {'a', 'b', 'c', 'd'});
      }
      if (failure == null) {
        failure = truncateFailure(key, 0, new byte[0]);
      }
      if (failure != null) {
        ctx.replyWithError(failure);
        return;
      }
    }
    ctx.replyWithSimpleString(OK);
  }

  /** Truncates the key's string to {@code length}: null when it then holds {@code expected}. */
  private static String truncateFailure(Key key, int length, byte[] expected) {
    try {
      key.stringTruncate(length);
    } catch (RedisException e) {
      return "Could not truncate string value (" + length + ")";
    }
    StringDma dma = key.stringDma(KeyMode.READ);
    if (dma.length() != length) {
      return "Failed to resize string value (" + length + ")";
    }
    if (!Arrays.equals(dma.bytes(), expected)) {
      return "Failed to truncate string value (" + length + ")";
    }
    return null;
  }

  /** TEST.NOTIFY: writes and misses, then checks the counts the event listener kept. */
  @RedisCommand(name = "test.notify", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static void notifications(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    ctx.call("FLUSHDB");
    ctx.call("SET", "foo", "bar");
    ctx.call("SET", "foo", "baz");
    ctx.call("SADD", "bar", "x");
    ctx.call("SADD", "bar", "y");
    ctx.call("HSET", "baz", "x", "y");
    // list events are not subscribed to: no counts for l
    ctx.call("LPUSH", "l", "y");
    ctx.call("LPUSH", "l", "y");
    // two misses, two "keymiss" events
    ctx.call("GET", "nosuchkey");
    ctx.call("SMEMBERS", "nosuchkey");
    String failure = countFailure(ctx, "foo", "2");
    for (String[] expected : new String[][] {{"bar", "2"}, {"baz", "1"}, {"l", null}}) {
      if (failure == null) {
        failure = countFailure(ctx, expected[0], expected[1]);
      }
    }
    if (failure == null) {
      failure = countFailure(ctx, "nosuchkey", "2");
    }
    ctx.call("FLUSHDB");
    if (failure != null) {
      ctx.log(LogLevel.WARNING, "Failed NOTIFY Test. Reason: " + failure);
    }
    ctx.replyWithSimpleString(failure == null ? OK : ERR);
  }

  /** Null when the listener counted {@code expected} events of {@code key} (null: none). */
  private static String countFailure(Context ctx, String key, String expected) {
    CallReply count = ctx.call("HGET", "notifications", key);
    if (expected == null) {
      return count.type() == CallReplyType.NULL ? null : "Wrong reply for " + key;
    }
    if (count.type() != CallReplyType.STRING) {
      return "Wrong or no reply for " + key;
    }
    String got = count.string();
    return expected.equals(got) ? null : "Got reply '" + got + "'. expected '" + expected + "'";
  }

  /** TEST.CTXFLAGS: the context flags follow CONFIG SET of appendonly, save, maxmemory. */
  @RedisCommand(name = "test.ctxflags", flags = "readonly")
  public static void ctxFlags(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    String failure;
    try {
      failure = ctxFlagsFailure(ctx);
    } finally {
      config(ctx, "appendonly", "no");
      config(ctx, "save", "");
      config(ctx, "maxmemory", "0");
      config(ctx, "maxmemory-policy", "noeviction");
    }
    if (failure != null) {
      ctx.log(LogLevel.WARNING, "Failed CTXFLAGS Test. Reason: " + failure);
    }
    ctx.replyWithSimpleString(failure == null ? OK : ERR);
  }

  /** The first flag that is not as the configuration says, or null. */
  private static String ctxFlagsFailure(Context ctx) {
    Set<ContextFlag> flags = ctx.flags();
    if (flags.isEmpty()) {
      return "Got no flags";
    }
    if (flags.contains(ContextFlag.LUA)) {
      return "Lua flag was set";
    }
    if (flags.contains(ContextFlag.MULTI)) {
      return "Multi flag was set";
    }
    if (flags.contains(ContextFlag.AOF)) {
      return "AOF Flag was set";
    }
    if (!config(ctx, "appendonly", "yes").contains(ContextFlag.AOF)) {
      return "AOF Flag not set after config set";
    }
    if (config(ctx, "save", "").contains(ContextFlag.RDB)) {
      return "RDB Flag was set";
    }
    flags = config(ctx, "save", "900 1");
    if (!flags.contains(ContextFlag.RDB)) {
      return "RDB Flag was not set after config set";
    }
    if (!flags.contains(ContextFlag.MASTER)) {
      return "Master flag was not set";
    }
    if (flags.contains(ContextFlag.REPLICA)) {
      return "Slave flag was set";
    }
    if (flags.contains(ContextFlag.READONLY)) {
      return "Read-only flag was set";
    }
    if (flags.contains(ContextFlag.CLUSTER)) {
      return "Cluster flag was set";
    }
    if (config(ctx, "maxmemory", "0").contains(ContextFlag.MAXMEMORY)) {
      return "Maxmemory flag was set";
    }
    flags = config(ctx, "maxmemory", "100000000");
    if (!flags.contains(ContextFlag.MAXMEMORY)) {
      return "Maxmemory flag was not set after config set";
    }
    if (flags.contains(ContextFlag.EVICT)) {
      return "Eviction flag was set";
    }
    if (!config(ctx, "maxmemory-policy", "allkeys-lru").contains(ContextFlag.EVICT)) {
      return "Eviction flag was not set after config set";
    }
    return null;
  }

  /** CONFIG SET {@code name value}; returns the context flags after it. */
  private static Set<ContextFlag> config(Context ctx, String name, String value) {
    ctx.call("config", "set", name, value);
    return ctx.flags();
  }

  /**
   * TEST.BASICS: runs the other tests through {@code Call}, then four calls Redis must refuse, and
   * replies ALL TESTS PASSED or points at the server log.
   */
  @RedisCommand(name = "test.basics", flags = "write", replicate = Replicate.MANUAL)
  public static void basics(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    boolean passed = basicsPass(ctx);
    ctx.replyWithSimpleString(
        passed ? "ALL TESTS PASSED" : "SOME TEST DID NOT PASS! Check server logs");
  }

  private static boolean basicsPass(Context ctx) {
    if (!integerReply(ctx, test(ctx, "", "dbsize"), 0)
        || !stringReply(ctx, test(ctx, "", "ping"), "PONG")) {
      return false;
    }
    String[][] okTests = {
      {"test.call", OK},
      {"test.callresp3map", OK},
      {"test.callresp3set", OK},
      {"test.callresp3double", OK},
      {"test.callresp3bool", OK},
      {"test.callresp3null", OK},
      {"test.callreplywithnestedreply", "test"},
      {"test.callreplywithbignumberreply", "1234567999999999999999999999999999999"},
      {"test.callreplywithverbatimstringreply", "txt:This is a verbatim\nstring"},
      {"test.ctxflags", OK},
      {"test.string.append", "foobar"},
      {"test.string.truncate", OK},
      {"test.unlink", OK},
      {"test.nestedcallreplyarray", OK},
      {"test.string.append.am", "foobar"},
    };
    for (String[] test : okTests) {
      if (!stringReply(ctx, test(ctx, "", test[0]), test[1])) {
        return false;
      }
    }
    if (!stringReply(
            ctx,
            test(ctx, "", "test.string.printf", "foo", "bar"),
            "Got 3 args. argv[1]: foo, argv[2]: bar")
        || !stringReply(ctx, test(ctx, "", "test.notify"), OK)) {
      return false;
    }
    CallReply array = test(ctx, "", "test.callreplywitharrayreply");
    if (array.type() != CallReplyType.ARRAY
        || array.length() != 2
        || !stringReply(ctx, array.arrayElement(0), "test")
        || !stringReply(ctx, array.arrayElement(1), "1234")) {
      return false;
    }
    return errorReply(
            ctx, test(ctx, "", "foo"), "ERR unknown command 'foo', with args beginning with: ")
        && errorReply(
            ctx, test(ctx, "", "set", "x"), "ERR wrong number of arguments for 'set' command")
        && errorReply(
            ctx, test(ctx, "S", "shutdown"), "ERR command 'shutdown' is not allowed on script mode")
        && errorReply(
            ctx,
            test(ctx, "W", "set", "x", "1"),
            "ERR Write command 'set' was called while write is not allowed.");
  }

  /** Logs the test's name and calls it (errors come back as replies). */
  private static CallReply test(Context ctx, String flags, String name, Object... args) {
    ctx.log(LogLevel.WARNING, "Testing " + name);
    return ctx.callWithFlags(flags, name, args);
  }

  private static boolean errorReply(Context ctx, CallReply reply, String expected) {
    if (reply.type() != CallReplyType.ERROR) {
      return false;
    }
    String got = reply.string();
    if (!expected.equals(got)) {
      ctx.log(
          LogLevel.WARNING,
          "Unexpected Error reply reply '" + got + "' (instead of '" + expected + "')");
      return false;
    }
    return true;
  }

  private static boolean stringReply(Context ctx, CallReply reply, String expected) {
    if (!typeIs(ctx, reply, CallReplyType.STRING)) {
      return false;
    }
    String got = reply.string();
    if (!expected.equals(got)) {
      ctx.log(
          LogLevel.WARNING,
          "Unexpected string reply '" + got + "' (instead of '" + expected + "')");
      return false;
    }
    return true;
  }

  private static boolean integerReply(Context ctx, CallReply reply, long expected) {
    if (!typeIs(ctx, reply, CallReplyType.INTEGER)) {
      return false;
    }
    long got = reply.integer();
    if (got != expected) {
      ctx.log(
          LogLevel.WARNING,
          "Unexpected integer reply '" + got + "' (instead of '" + expected + "')");
      return false;
    }
    return true;
  }

  /** Whether the reply has the type, logging an error reply's text or the other type if not. */
  private static boolean typeIs(Context ctx, CallReply reply, CallReplyType type) {
    if (reply.type() == CallReplyType.ERROR) {
      ctx.log(LogLevel.WARNING, "Test error reply: " + reply.string());
      return false;
    }
    if (reply.type() != type) {
      ctx.log(LogLevel.WARNING, "Unexpected reply type " + reply.type());
      return false;
    }
    return true;
  }

  /** Whether the reply, as a string (CreateStringFromCallReply), is {@code expected}. */
  private static boolean matches(CallReply reply, String expected) {
    return expected.equals(reply.toRedisString().toString());
  }
}
