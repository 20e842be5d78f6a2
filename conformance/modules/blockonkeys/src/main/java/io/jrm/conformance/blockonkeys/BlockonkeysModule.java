package io.jrm.conformance.blockonkeys;

import static io.jrm.Key.WRONGTYPE;

import io.jrm.BlockedClient;
import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.KeyType;
import io.jrm.ListEnd;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import io.jrm.annotations.Replicate;
import org.jspecify.annotations.Nullable;

/**
 * The port of Redis's tests/modules/blockonkeys.c (unit moduleapi/blockonkeys): clients blocked on
 * keys of the module's own type ({@link FixedSizeList}, signalled ready by FSL.PUSH) and on lists.
 *
 * <p>What C keeps as private data of a blocked client (the bound of FSL.BPOPGT, the destination of
 * FSL.BPOPPUSH, the count of BLOCKONKEYS.BLPOPN) the callbacks here capture. Where C reads past the
 * end of a list that exists but is empty, the port waits as for a missing one.
 */
@RedisModule(name = "blockonkeys")
public final class BlockonkeysModule {
  private static final String TIMED_OUT = "Request timedout";
  private static final String TIMEOUT_ERROR = "ERR Timeout";
  private static final BlockedClient.Callback REPLY_TIMED_OUT =
      (reply, data) -> reply.replyWithSimpleString(TIMED_OUT);
  private static final BlockedClient.Callback REPLY_TIMEOUT_ERROR =
      (reply, data) -> reply.replyWithError(TIMEOUT_ERROR);

  /** How long the BLOCKONKEYS commands wait, as in C. */
  private static final long BLOCKONKEYS_TIMEOUT_MILLIS = 3000;

  private BlockonkeysModule() {}

  /** FSL.PUSH key int: pushes int, which must be greater than the last element, at the tail. */
  @RedisCommand(
      name = "fsl.push",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void push(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    long element = parse(argv[2], "ERR invalid integer");
    FixedSizeList fsl = fsl(ctx, argv[1], KeyMode.READ_WRITE, true);
    if (fsl.isFull()) {
      throw new RedisException("ERR list is full");
    }
    if (!fsl.isEmpty() && fsl.last() >= element) {
      throw new RedisException("ERR new element has to be greater than the head element");
    }
    fsl.push(element);
    ctx.signalKeyAsReady(argv[1]);
    ctx.replicateVerbatim();
    ctx.replyWithSimpleString("OK");
  }

  /**
   * FSL.BPOP key timeout [NO_TO_CB]: pops the last element, blocking until there is one; with
   * NO_TO_CB the client has no timeout callback, so CLIENT UNBLOCK cannot unblock it.
   */
  @RedisCommand(
      name = "fsl.bpop",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void bpop(Context ctx, RedisString[] argv) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    long timeout = parseTimeout(argv[2]);
    boolean timeoutCallback = true;
    if (argv.length == 4) {
      if (!argv[3].toString().equalsIgnoreCase("NO_TO_CB")) {
        throw new RedisException("ERR invalid argument");
      }
      timeoutCallback = false;
    }
    FixedSizeList fsl = fsl(ctx, argv[1], KeyMode.READ_WRITE, false);
    if (fsl == null || fsl.isEmpty()) {
      ctx.blockClientOnKeys(
          BlockonkeysModule::popReady, timeoutCallback ? REPLY_TIMED_OUT : null, timeout, argv[1]);
    } else {
      popAndReply(ctx, fsl);
    }
  }

  /** FSL.BPOP's reply callback: pops the last element, if any. */
  private static void popReady(Context ctx, RedisString key) {
    FixedSizeList fsl = readyFsl(ctx, key, false);
    if (fsl != null && !fsl.isEmpty()) {
      popAndReply(ctx, fsl);
    }
  }

  /** FSL.BPOPGT key gt timeout: pops the last element once it is greater than gt. */
  @RedisCommand(
      name = "fsl.bpopgt",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void bpopgt(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    long bound = parse(argv[2], "ERR invalid integer");
    long timeout = parseTimeout(argv[3]);
    FixedSizeList fsl = fsl(ctx, argv[1], KeyMode.READ_WRITE, false);
    if (fsl == null || fsl.isEmpty() || fsl.last() <= bound) {
      ctx.blockClientOnKeys(
          (reply, key) -> popGreaterReady(reply, key, bound), REPLY_TIMED_OUT, timeout, argv[1]);
    } else {
      popAndReply(ctx, fsl);
    }
  }

  /** FSL.BPOPGT's reply callback: pops the last element if it is greater than bound. */
  private static void popGreaterReady(Context ctx, RedisString key, long bound) {
    FixedSizeList fsl = readyFsl(ctx, key, false);
    if (fsl != null && !fsl.isEmpty() && fsl.last() > bound) {
      popAndReply(ctx, fsl);
    }
  }

  /**
   * FSL.BPOPPUSH src dst timeout: moves the last element of src to the tail of dst, blocking until
   * src has one, and signals dst ready.
   */
  @RedisCommand(
      name = "fsl.bpoppush",
      flags = "write",
      firstKey = 1,
      lastKey = 2,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void bpoppush(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    long timeout = parseTimeout(argv[3]);
    FixedSizeList src = fsl(ctx, argv[1], KeyMode.READ_WRITE, false);
    if (src == null || src.isEmpty()) {
      // The bytes, not argv's string: it is reused once this command returns.
      byte[] dst = argv[2].bytes();
      ctx.blockClientOnKeys(
          (reply, key) -> popPushReady(reply, key, dst), REPLY_TIMED_OUT, timeout, argv[1]);
    } else {
      movePopped(ctx, src, fsl(ctx, argv[2], KeyMode.READ_WRITE, true), argv[2]);
    }
  }

  /** FSL.BPOPPUSH's reply callback: moves the last element of the ready key to dst, if any. */
  private static void popPushReady(Context ctx, RedisString key, byte[] dst) {
    FixedSizeList src = readyFsl(ctx, key, false);
    if (src == null || src.isEmpty()) {
      return;
    }
    try (RedisString dstName = ctx.createString(dst)) {
      FixedSizeList target = readyFsl(ctx, dstName, true);
      if (target != null) {
        movePopped(ctx, src, target, dstName);
      }
    }
  }

  private static void movePopped(
      Context ctx, FixedSizeList src, FixedSizeList dst, RedisString dstName) {
    long element = src.pop();
    dst.push(element);
    ctx.signalKeyAsReady(dstName);
    // As in C, the possibly blocking command replicates: it finds the element there.
    ctx.replicateVerbatim();
    ctx.replyWithLongLong(element);
  }

  /** FSL.GETALL key: every element, head first. */
  @RedisCommand(name = "fsl.getall", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void getall(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    FixedSizeList fsl = fsl(ctx, argv[1], KeyMode.READ, false);
    if (fsl == null) {
      ctx.replyWithArray(0);
      return;
    }
    ctx.replyWithArray(fsl.elements.size());
    for (long element : fsl.elements) {
      ctx.replyWithLongLong(element);
    }
  }

  /**
   * BLOCKONKEYS.POPALL key: blocks on an empty key for up to 3 seconds, then pops every element of
   * the list there.
   */
  @RedisCommand(
      name = "blockonkeys.popall",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void popall(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      if (key.type() != KeyType.EMPTY) {
        throw new RedisException("ERR Key not empty");
      }
    }
    ctx.blockClientOnKeys(
        BlockonkeysModule::popAllReady, REPLY_TIMEOUT_ERROR, BLOCKONKEYS_TIMEOUT_MILLIS, argv[1]);
  }

  /** BLOCKONKEYS.POPALL's reply callback: pops the whole list from its head. */
  private static void popAllReady(Context ctx, RedisString name) {
    try (Key key = ctx.openKey(name, KeyMode.READ_WRITE)) {
      if (key.type() != KeyType.LIST) {
        ctx.replyWithError("ERR Not a list");
        return;
      }
      ctx.replyWithArray(Context.POSTPONED_LENGTH);
      long length = 0;
      for (RedisString element; (element = key.listPop(ListEnd.HEAD)) != null; length++) {
        ctx.replyWithString(element);
        element.close();
      }
      ctx.replicateVerbatim();
      ctx.replySetArrayLength(length);
    }
  }

  /** BLOCKONKEYS.LPUSH key value [value ...]: LPUSH through the module API. */
  @RedisCommand(
      name = "blockonkeys.lpush",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void lpush(Context ctx, RedisString[] argv) {
    lpush(ctx, argv, false);
  }

  /** BLOCKONKEYS.LPUSH_UNBLOCK key value [value ...]: LPUSH, then signals the key ready. */
  @RedisCommand(
      name = "blockonkeys.lpush_unblock",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void lpushUnblock(Context ctx, RedisString[] argv) {
    lpush(ctx, argv, true);
  }

  private static void lpush(Context ctx, RedisString[] argv, boolean signal) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      requireListOrEmpty(key);
      for (int i = 2; i < argv.length; i++) {
        key.listPush(ListEnd.HEAD, argv[i]);
      }
    }
    if (signal) {
      ctx.signalKeyAsReady(argv[1]);
    }
    ctx.replicateVerbatim();
    ctx.replyWithSimpleString("OK");
  }

  /**
   * BLOCKONKEYS.BLPOPN key n: pops n elements from the head of the list once it has that many,
   * waiting up to 3 seconds.
   */
  @RedisCommand(
      name = "blockonkeys.blpopn",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void blpopn(Context ctx, RedisString[] argv) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    long count = parse(argv[2], "ERR Invalid N");
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      requireListOrEmpty(key);
      if (popCount(ctx, key, count)) {
        return;
      }
    }
    ctx.blockClientOnKeys(
        (reply, key) -> popCountReady(reply, key, count),
        REPLY_TIMEOUT_ERROR,
        BLOCKONKEYS_TIMEOUT_MILLIS,
        argv[1]);
  }

  /** BLOCKONKEYS.BLPOPN's reply callback: pops count elements once the list has them. */
  private static void popCountReady(Context ctx, RedisString name, long count) {
    try (Key key = ctx.openKey(name, KeyMode.READ_WRITE)) {
      if (!popCount(ctx, key, count) && key.type() != KeyType.LIST && key.type() != KeyType.EMPTY) {
        ctx.replyWithError(WRONGTYPE);
      }
    }
  }

  /** Replies count elements popped from the head when the list has them; false otherwise. */
  private static boolean popCount(Context ctx, Key key, long count) {
    // C compares the length with count as unsigned: a negative count is never reached.
    if (key.type() != KeyType.LIST || Long.compareUnsigned(key.valueLength(), count) < 0) {
      return false;
    }
    ctx.replyWithArray(count);
    for (long i = 0; i < count; i++) {
      try (RedisString element = key.listPop(ListEnd.HEAD)) {
        ctx.replyWithString(element);
      }
    }
    ctx.replicateVerbatim();
    return true;
  }

  private static void requireListOrEmpty(Key key) {
    if (key.type() != KeyType.EMPTY && key.type() != KeyType.LIST) {
      throw new RedisException(WRONGTYPE);
    }
  }

  /**
   * The list at {@code name}, created when empty if {@code create}, else null for an empty key. A
   * key of another type is counted in the key fsl_wrong_type, as in C, and refused with WRONGTYPE.
   */
  private static @Nullable FixedSizeList fsl(
      Context ctx, RedisString name, KeyMode mode, boolean create) {
    try (Key key = ctx.openKey(name, mode)) {
      FixedSizeList fsl;
      try {
        fsl = key.value(FixedSizeList.class);
      } catch (RedisException wrongType) {
        ctx.call("INCR", "fsl_wrong_type").close();
        throw wrongType;
      }
      if (fsl == null && create) {
        fsl = new FixedSizeList();
        key.setValue(fsl);
      }
      return fsl;
    }
  }

  /**
   * The list at a ready key, as {@link #fsl} but null for a key of another type: the callback then
   * returns without replying, and its client waits on.
   */
  private static @Nullable FixedSizeList readyFsl(Context ctx, RedisString name, boolean create) {
    try {
      return fsl(ctx, name, KeyMode.READ_WRITE, create);
    } catch (RedisException wrongType) {
      return null;
    }
  }

  private static void popAndReply(Context ctx, FixedSizeList fsl) {
    ctx.replyWithLongLong(fsl.pop());
    // As in C, the possibly blocking command replicates: it finds the element there.
    ctx.replicateVerbatim();
  }

  private static long parseTimeout(RedisString arg) {
    long timeout = parse(arg, "ERR invalid timeout");
    if (timeout < 0) {
      throw new RedisException("ERR invalid timeout");
    }
    return timeout;
  }

  private static long parse(RedisString arg, String error) {
    try {
      return arg.toLongLong();
    } catch (RedisException notANumber) {
      throw new RedisException(error);
    }
  }
}
