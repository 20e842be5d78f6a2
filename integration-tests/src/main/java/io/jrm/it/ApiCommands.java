package io.jrm.it;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.LogLevel;
import io.jrm.NativeBuffer;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Commands of the jrmtest module ({@code JRMTEST.API.*}) that exercise the API one function or one
 * rule at a time: native memory, strings, automatic memory, the context, calls and replication.
 * Each replies with what the tests need to see; tests live in {@code MemoryIT}, {@code StringsIT},
 * {@code AutoMemoryIT}, {@code ContextIT}, {@code CallIT} and {@code ReplicationIT}.
 *
 * <p>State kept between commands sits in static fields: the module's class loader holds one module
 * only, and commands run one at a time on Redis's main thread.
 */
public final class ApiCommands {
  /** Memory held across commands, to see it in {@code used_memory} and to use it after free. */
  private static NativeBuffer held;

  /** A pool buffer kept past its command, which must refuse to be used. */
  private static NativeBuffer keptPool;

  /** A created string retained across commands. */
  private static RedisString retained;

  /** An argv string retained across commands. */
  private static RedisString retainedArgument;

  /** A created string kept without retain(): dead once its command returns. */
  private static RedisString escaped;

  private ApiCommands() {}

  // Native memory

  /** JRMTEST.API.MEM.ALLOC text: [size, the text written into fresh memory and read back]. */
  @RedisCommand(name = "jrmtest.api.mem.alloc", flags = "readonly")
  public static void memAlloc(Context ctx, RedisString[] argv) {
    byte[] text = argv[1].bytes();
    try (NativeBuffer buffer = ctx.alloc(text.length)) {
      buffer.write(0, text);
      ctx.replyWithArray(2);
      ctx.replyWithLongLong(buffer.size());
      ctx.replyWithStringBuffer(buffer.read(0, text.length));
    }
  }

  /** JRMTEST.API.MEM.CALLOC count size: [size, how many of its bytes are not zero]. */
  @RedisCommand(name = "jrmtest.api.mem.calloc", flags = "readonly")
  public static void memCalloc(Context ctx, RedisString[] argv) {
    try (NativeBuffer buffer = ctx.calloc(argv[1].toLongLong(), argv[2].toLongLong())) {
      byte[] bytes = buffer.read(0, Math.toIntExact(buffer.size()));
      long nonZero = 0;
      for (byte b : bytes) {
        if (b != 0) {
          nonZero++;
        }
      }
      ctx.replyWithArray(2);
      ctx.replyWithLongLong(buffer.size());
      ctx.replyWithLongLong(nonZero);
    }
  }

  /**
   * JRMTEST.API.MEM.REALLOC text newsize: writes text, resizes, fills any new tail with '+';
   * replies [size, the whole buffer].
   */
  @RedisCommand(name = "jrmtest.api.mem.realloc", flags = "readonly")
  public static void memRealloc(Context ctx, RedisString[] argv) {
    byte[] text = argv[1].bytes();
    int newSize = Math.toIntExact(argv[2].toLongLong());
    try (NativeBuffer buffer = ctx.alloc(text.length)) {
      buffer.write(0, text);
      buffer.realloc(newSize);
      if (newSize > text.length) {
        byte[] tail = new byte[newSize - text.length];
        Arrays.fill(tail, (byte) '+');
        buffer.write(text.length, tail);
      }
      ctx.replyWithArray(2);
      ctx.replyWithLongLong(buffer.size());
      ctx.replyWithStringBuffer(buffer.read(0, newSize));
    }
  }

  /** JRMTEST.API.MEM.STRDUP text: [size, every byte of the copy, its NUL included]. */
  @RedisCommand(name = "jrmtest.api.mem.strdup", flags = "readonly")
  public static void memStrdup(Context ctx, RedisString[] argv) {
    try (NativeBuffer buffer = ctx.strdup(argv[1].toString())) {
      ctx.replyWithArray(2);
      ctx.replyWithLongLong(buffer.size());
      ctx.replyWithStringBuffer(buffer.read(0, Math.toIntExact(buffer.size())));
    }
  }

  /** JRMTEST.API.MEM.HOLD size: allocates size bytes that outlive the command. */
  @RedisCommand(name = "jrmtest.api.mem.hold", flags = "readonly")
  public static void memHold(Context ctx, RedisString[] argv) {
    if (held != null) {
      held.close(); // a test that failed half way must not leak into the next
    }
    long size = argv[1].toLongLong();
    held = ctx.alloc(size);
    // Touch both ends, so that a wrong size would show as a bounds error here.
    held.write(0, "start".getBytes(StandardCharsets.UTF_8));
    held.write(size - 3, "end".getBytes(StandardCharsets.UTF_8));
    ctx.replyWithSimpleString("OK");
  }

  /** JRMTEST.API.MEM.READHELD: the first 5 bytes of the held memory, in a later command. */
  @RedisCommand(name = "jrmtest.api.mem.readheld", flags = "readonly")
  public static void memReadHeld(Context ctx, RedisString[] argv) {
    ctx.replyWithStringBuffer(held.read(0, 5));
  }

  /** JRMTEST.API.MEM.RELEASE: frees the held memory, twice (the second close does nothing). */
  @RedisCommand(name = "jrmtest.api.mem.release", flags = "readonly")
  public static void memRelease(Context ctx, RedisString[] argv) {
    held.close();
    held.close();
    ctx.replyWithSimpleString("OK");
  }

  /** JRMTEST.API.MEM.AFTERFREE: reads a buffer it has just freed; must fail, not crash. */
  @RedisCommand(name = "jrmtest.api.mem.afterfree", flags = "readonly")
  public static void memAfterFree(Context ctx, RedisString[] argv) {
    NativeBuffer buffer = ctx.alloc(8);
    buffer.close();
    ctx.replyWithStringBuffer(buffer.read(0, 8));
  }

  /** JRMTEST.API.MEM.BOUNDS offset length: reads from an 8-byte buffer; replies the length read. */
  @RedisCommand(name = "jrmtest.api.mem.bounds", flags = "readonly")
  public static void memBounds(Context ctx, RedisString[] argv) {
    try (NativeBuffer buffer = ctx.calloc(1, 8)) {
      ctx.replyWithLongLong(
          buffer.read(argv[1].toLongLong(), Math.toIntExact(argv[2].toLongLong())).length);
    }
  }

  /**
   * JRMTEST.API.MEM.POOL size: scratch memory of size bytes, filled with 'p' and read back; replies
   * [size, address is 0 (1 or 0), contents].
   */
  @RedisCommand(name = "jrmtest.api.mem.pool", flags = "readonly")
  public static void memPool(Context ctx, RedisString[] argv) {
    int size = Math.toIntExact(argv[1].toLongLong());
    NativeBuffer buffer = ctx.poolAlloc(size);
    byte[] fill = new byte[size];
    Arrays.fill(fill, (byte) 'p');
    buffer.write(0, fill);
    buffer.close(); // does nothing for a pool buffer: it stays usable until the command returns
    ctx.replyWithArray(3);
    ctx.replyWithLongLong(buffer.size());
    ctx.replyWithLongLong(buffer.address() == 0 ? 1 : 0);
    ctx.replyWithStringBuffer(buffer.read(0, size));
  }

  /** JRMTEST.API.MEM.POOLKEEP: keeps a pool buffer past its command. */
  @RedisCommand(name = "jrmtest.api.mem.poolkeep", flags = "readonly")
  public static void memPoolKeep(Context ctx, RedisString[] argv) {
    keptPool = ctx.poolAlloc(16);
    keptPool.write(0, "kept".getBytes(StandardCharsets.UTF_8));
    ctx.replyWithSimpleString("OK");
  }

  /** JRMTEST.API.MEM.POOLREAD: reads the kept pool buffer; must fail, Redis freed it. */
  @RedisCommand(name = "jrmtest.api.mem.poolread", flags = "readonly")
  public static void memPoolRead(Context ctx, RedisString[] argv) {
    ctx.replyWithStringBuffer(keptPool.read(0, 4));
  }

  // Strings

  /**
   * JRMTEST.API.STR.CREATE kind value: a new string from value by one of the CreateString variants:
   * bytes, text (through a Java String), long, copy, format ("%s|%d" of value and 7).
   */
  @RedisCommand(name = "jrmtest.api.str.create", flags = "readonly")
  public static void strCreate(Context ctx, RedisString[] argv) {
    RedisString value = argv[2];
    try (RedisString created =
        switch (argv[1].toString()) {
          case "bytes" -> ctx.createString(value.bytes());
          case "text" -> ctx.createString(value.toString());
          case "long" -> ctx.createString(value.toLongLong());
          case "copy" -> ctx.createString(value);
          case "format" -> ctx.createStringPrintf("%s|%d", value, 7);
          default -> throw new RedisException("ERR kind is bytes, text, long, copy or format");
        }) {
      ctx.replyWithString(created);
    }
  }

  /**
   * JRMTEST.API.STR.PARSE value: [value as a long long, value as a double], each an error element
   * when the strict parser refuses it.
   */
  @RedisCommand(name = "jrmtest.api.str.parse", flags = "readonly")
  public static void strParse(Context ctx, RedisString[] argv) {
    ctx.replyWithArray(2);
    try {
      ctx.replyWithLongLong(argv[1].toLongLong());
    } catch (RedisException e) {
      ctx.replyWithError(e.getMessage());
    }
    try {
      ctx.replyWithDouble(argv[1].toDouble());
    } catch (RedisException e) {
      ctx.replyWithError(e.getMessage());
    }
  }

  /** JRMTEST.API.STR.COMPARE a b: a.compareTo(b) of argv strings and of created copies. */
  @RedisCommand(name = "jrmtest.api.str.compare", flags = "readonly")
  public static void strCompare(Context ctx, RedisString[] argv) {
    try (RedisString a = ctx.createString(argv[1].bytes());
        RedisString b = ctx.createString(argv[2].bytes())) {
      ctx.replyWithArray(2);
      ctx.replyWithLongLong(argv[1].compareTo(argv[2]));
      ctx.replyWithLongLong(a.compareTo(b));
    }
  }

  /**
   * JRMTEST.API.STR.APPEND base piece...: a created copy of base with every piece appended, as
   * bytes and as Java text in turn.
   */
  @RedisCommand(name = "jrmtest.api.str.append", flags = "readonly")
  public static void strAppend(Context ctx, RedisString[] argv) {
    try (RedisString str = ctx.createString(argv[1].bytes())) {
      for (int i = 2; i < argv.length; i++) {
        if (i % 2 == 0) {
          str.append(argv[i].bytes());
        } else {
          str.append(argv[i].toString());
        }
      }
      ctx.replyWithString(str);
    }
  }

  /** JRMTEST.API.STR.APPENDARGV value: appends to a string of argv, which is refused. */
  @RedisCommand(name = "jrmtest.api.str.appendargv", flags = "readonly")
  public static void strAppendArgv(Context ctx, RedisString[] argv) {
    ctx.replyWithString(argv[1].append("!"));
  }

  /**
   * JRMTEST.API.STR.APPENDSHARED key: stores a created string with SET, then appends to it; Redis
   * refuses, as the key holds a reference to the same string.
   */
  @RedisCommand(
      name = "jrmtest.api.str.appendshared",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void strAppendShared(Context ctx, RedisString[] argv) {
    try (RedisString value = ctx.createString("shared");
        CallReply set = ctx.call("SET", argv[1], value)) {
      ctx.replyWithString(value.append("!"));
    }
  }

  /**
   * JRMTEST.API.STR.RETAIN text: under auto memory, creates a string from text and retains it and
   * argv[1] for later commands.
   */
  @RedisCommand(name = "jrmtest.api.str.retain", flags = "readonly")
  public static void strRetain(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    releaseRetained();
    retained = ctx.createString("created:" + argv[1]).retain();
    retainedArgument = argv[1].retain();
    retainedArgument.retain(); // retaining twice changes nothing: one close still frees it
    ctx.replyWithSimpleString("OK");
  }

  /**
   * JRMTEST.API.STR.RETAINED [suffix]: under auto memory, in a later command: [the retained string,
   * with suffix appended if given, the retained argument].
   */
  @RedisCommand(name = "jrmtest.api.str.retained", flags = "readonly")
  public static void strRetained(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    if (argv.length > 1) {
      retained.append(argv[1].bytes());
    }
    // Read before replying, so that a dead string fails the whole reply, not an element of it.
    byte[] created = retained.bytes();
    byte[] argument = retainedArgument.bytes();
    ctx.replyWithArray(2);
    ctx.replyWithStringBuffer(created);
    ctx.replyWithStringBuffer(argument);
  }

  /** JRMTEST.API.STR.RELEASE: frees the retained strings, under auto memory. */
  @RedisCommand(name = "jrmtest.api.str.release", flags = "readonly")
  public static void strRelease(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    retained.close();
    retainedArgument.close();
    retained.close(); // the second close does nothing
    ctx.replyWithSimpleString("OK");
  }

  /**
   * JRMTEST.API.STR.RETAINCYCLE n: under auto memory, n times: create a string, retain it and
   * argv[1], close both; what remains must be nothing.
   */
  @RedisCommand(name = "jrmtest.api.str.retaincycle", flags = "readonly")
  public static void strRetainCycle(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    long n = argv[1].toLongLong();
    for (long i = 0; i < n; i++) {
      ctx.createString("cycle-" + i).retain().close();
      argv[1].retain().close();
    }
    ctx.replyWithLongLong(n);
  }

  private static void releaseRetained() {
    if (retained != null) {
      retained.close();
      retainedArgument.close();
    }
  }

  /**
   * JRMTEST.API.STR.ESCAPE: the first call keeps a created string without retaining it (auto memory
   * frees it); the second uses it, which must fail.
   */
  @RedisCommand(name = "jrmtest.api.str.escape", flags = "readonly")
  public static void strEscape(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    if (escaped == null) {
      escaped = ctx.createString("escaping");
      ctx.replyWithSimpleString("KEPT");
    } else {
      RedisString str = escaped;
      escaped = null;
      ctx.replyWithString(str);
    }
  }

  /**
   * JRMTEST.API.STR.FREEEARLY n: under auto memory, creates and frees n strings at once, then uses
   * a freed one; replies with the error that use raised. Redis must not free them again at the end.
   */
  @RedisCommand(name = "jrmtest.api.str.freeearly", flags = "readonly")
  public static void strFreeEarly(Context ctx, RedisString[] argv) {
    ctx.autoMemory();
    long n = argv[1].toLongLong();
    RedisString last = null;
    for (long i = 0; i < n; i++) {
      last = ctx.createString("early-" + i);
      last.close();
    }
    last.close(); // closing twice does nothing
    try {
      ctx.replyWithString(last);
    } catch (IllegalStateException e) {
      ctx.replyWithSimpleString(e.getMessage());
    }
  }

  // Automatic memory

  /**
   * JRMTEST.API.AUTO.STRINGS n auto|manual|leak: creates n strings, left to auto memory, closed
   * with try-with-resources, or leaked on purpose (to show the leak is measurable).
   */
  @RedisCommand(name = "jrmtest.api.auto.strings", flags = "readonly")
  public static void autoStrings(Context ctx, RedisString[] argv) {
    long n = argv[1].toLongLong();
    String mode = argv[2].toString();
    if (mode.equals("auto")) {
      ctx.autoMemory();
    }
    for (long i = 0; i < n; i++) {
      if (mode.equals("manual")) {
        try (RedisString str = ctx.createString("value-" + i)) {
          str.bytes();
        }
      } else {
        ctx.createString("value-" + i);
      }
    }
    ctx.replyWithLongLong(n);
  }

  /** JRMTEST.API.AUTO.REPLIES n auto|manual key: n GET calls, left to auto memory or closed. */
  @RedisCommand(
      name = "jrmtest.api.auto.replies",
      flags = "readonly",
      firstKey = 3,
      lastKey = 3,
      keyStep = 1)
  public static void autoReplies(Context ctx, RedisString[] argv) {
    long n = argv[1].toLongLong();
    boolean auto = argv[2].toString().equals("auto");
    if (auto) {
      ctx.autoMemory();
    }
    long bytes = 0;
    for (long i = 0; i < n; i++) {
      if (auto) {
        bytes += ctx.call("GET", argv[3]).length();
      } else {
        try (CallReply reply = ctx.call("GET", argv[3])) {
          bytes += reply.length();
        }
      }
    }
    ctx.replyWithLongLong(bytes);
  }

  /** JRMTEST.API.AUTO.KEYS n auto|manual key: opens key n times, left to auto memory or closed. */
  @RedisCommand(
      name = "jrmtest.api.auto.keys",
      flags = "readonly",
      firstKey = 3,
      lastKey = 3,
      keyStep = 1)
  public static void autoKeys(Context ctx, RedisString[] argv) {
    long n = argv[1].toLongLong();
    boolean auto = argv[2].toString().equals("auto");
    if (auto) {
      ctx.autoMemory();
    }
    String type = "";
    for (long i = 0; i < n; i++) {
      if (auto) {
        type = ctx.openKey(argv[3], KeyMode.READ).type().name();
      } else {
        try (Key key = ctx.openKey(argv[3], KeyMode.READ)) {
          type = key.type().name();
        }
      }
    }
    ctx.replyWithString(type);
  }

  // Context

  /** JRMTEST.API.CTX.CLIENTID: the id of the calling client. */
  @RedisCommand(name = "jrmtest.api.ctx.clientid", flags = "readonly fast")
  public static void ctxClientId(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(ctx.clientId());
  }

  /** JRMTEST.API.CTX.SELECT db: selects db for the client; replies the db selected then. */
  @RedisCommand(name = "jrmtest.api.ctx.select", flags = "readonly fast")
  public static void ctxSelect(Context ctx, RedisString[] argv) {
    ctx.selectDb(Math.toIntExact(argv[1].toLongLong()));
    ctx.replyWithLongLong(ctx.selectedDb());
  }

  /** JRMTEST.API.CTX.MILLIS: Redis's clock. */
  @RedisCommand(name = "jrmtest.api.ctx.millis", flags = "readonly fast")
  public static void ctxMillis(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(ctx.milliseconds());
  }

  /** JRMTEST.API.CTX.LOG level message: one log line at level (debug, verbose, notice, warning). */
  @RedisCommand(name = "jrmtest.api.ctx.log", flags = "readonly fast")
  public static void ctxLog(Context ctx, RedisString[] argv) {
    ctx.log(LogLevel.valueOf(argv[1].toString().toUpperCase(Locale.ROOT)), argv[2].toString());
    ctx.replyWithSimpleString("OK");
  }

  /**
   * JRMTEST.API.GETKEYS arg... [KEYS key...]: the arguments after a KEYS token are its keys,
   * whatever argv[1] is; asked for key positions it reports them, else it replies with them.
   */
  @RedisCommand(
      name = "jrmtest.api.getkeys",
      flags = "readonly getkeys-api",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void getKeys(Context ctx, RedisString[] argv) {
    List<Integer> keys = new ArrayList<>();
    boolean afterToken = false;
    for (int i = 1; i < argv.length; i++) {
      if (afterToken) {
        keys.add(i);
      } else if (argv[i].toString().equalsIgnoreCase("KEYS")) {
        afterToken = true;
      }
    }
    if (ctx.isKeysPositionRequest()) {
      keys.forEach(ctx::keyAtPos);
      return;
    }
    ctx.replyWithArray(keys.size());
    keys.forEach(i -> ctx.replyWithString(argv[i]));
  }

  // Calls

  /**
   * JRMTEST.API.CALL.SPECIFIERS key: one RPUSH with an argument of every specifier (c, b, s, l, v),
   * then the list.
   */
  @RedisCommand(
      name = "jrmtest.api.call.specifiers",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void callSpecifiers(Context ctx, RedisString[] argv) {
    try (RedisString v1 = ctx.createString("v1");
        RedisString v2 = ctx.createString(new byte[] {'v', 0, '2'});
        CallReply push =
            ctx.call(
                "RPUSH",
                argv[1],
                "c-text",
                new byte[] {'b', 0, (byte) 0xff},
                -42L,
                7,
                new RedisString[] {v1, v2});
        CallReply range = ctx.call("LRANGE", argv[1], 0, -1)) {
      push.integer(); // throws the error if RPUSH failed
      ctx.replyWithCallReply(range);
    }
  }

  /**
   * JRMTEST.API.CALL.FLAGS flags command arg...: runs the command with those RM_Call flags; replies
   * [reply type, reply as RESP]. Not flagged write or deny-oom, so that Redis itself lets it run
   * when writes or memory are refused: the call's own flags are under test.
   */
  @RedisCommand(name = "jrmtest.api.call.flags")
  public static void callFlags(Context ctx, RedisString[] argv) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    Object[] args = Arrays.copyOfRange(argv, 3, argv.length, Object[].class);
    try (CallReply reply = ctx.callWithFlags(argv[1].toString(), argv[2].toString(), args)) {
      ctx.replyWithArray(2);
      ctx.replyWithString(reply.type().name());
      ctx.replyWithStringBuffer(reply.proto());
    }
  }

  /**
   * JRMTEST.API.CALL.FORWARD flags command arg...: runs the command with those RM_Call flags and
   * forwards its reply as it is ({@code ReplyWithCallReply}).
   */
  @RedisCommand(name = "jrmtest.api.call.forward")
  public static void callForward(Context ctx, RedisString[] argv) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    Object[] args = Arrays.copyOfRange(argv, 3, argv.length, Object[].class);
    try (CallReply reply = ctx.callWithFlags(argv[1].toString(), argv[2].toString(), args)) {
      // Looking at the reply first makes Redis parse it, and so know whether it is RESP3.
      reply.type();
      ctx.replyWithCallReply(reply);
    }
  }

  // Replication

  /**
   * JRMTEST.API.REPL.INCR key marker: INCR key replicated ("!"), a SET of marker that is only
   * replicated (Replicate), INCR key again; replies the last INCR. Replicas and the AOF get all
   * three in MULTI/EXEC; the master itself never sets marker.
   */
  @RedisCommand(
      name = "jrmtest.api.repl.incr",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 2,
      keyStep = 1)
  public static void replIncr(Context ctx, RedisString[] argv) {
    try (CallReply first = ctx.callWithFlags("!", "INCR", argv[1])) {
      first.integer();
    }
    ctx.replicate("SET", argv[2], "replicated-only");
    try (CallReply second = ctx.callWithFlags("!", "INCR", argv[1])) {
      ctx.replyWithLongLong(second.integer());
    }
  }

  /**
   * JRMTEST.API.REPL.VERBATIM key value: SET through a call that is not replicated, then propagates
   * this very command, which replicas run themselves.
   */
  @RedisCommand(
      name = "jrmtest.api.repl.verbatim",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void replVerbatim(Context ctx, RedisString[] argv) {
    try (CallReply set = ctx.call("SET", argv[1], argv[2])) {
      if (set.isError()) {
        throw new RedisException(set.string());
      }
    }
    ctx.replicateVerbatim();
    ctx.replyWithSimpleString("OK");
  }

  /**
   * JRMTEST.API.SHARED.CALL name text: applies the string function another Java module exported
   * under name (noonload's NOONLOAD.EXPORT) to text; a null reply when none is exported.
   */
  @RedisCommand(name = "jrmtest.api.shared.call", flags = "readonly")
  @SuppressWarnings("unchecked") // exported as a UnaryOperator<String>
  public static String sharedCall(Context ctx, String name, String text) {
    return ctx.sharedApi(name, UnaryOperator.class)
        .map(function -> ((UnaryOperator<String>) function).apply(text))
        .orElse(null);
  }

  /** JRMTEST.API.SHARED.BUSY name: whether a loaded module has that name. */
  @RedisCommand(name = "jrmtest.api.shared.busy", flags = "readonly")
  public static boolean sharedBusy(Context ctx, String name) {
    return ctx.isModuleNameBusy(name);
  }
}
