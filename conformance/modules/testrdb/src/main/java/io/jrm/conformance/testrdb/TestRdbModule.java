package io.jrm.conformance.testrdb;

import io.jrm.AuxPhase;
import io.jrm.Context;
import io.jrm.ModuleOption;
import io.jrm.RedisString;
import io.jrm.ServerEvent;
import io.jrm.WriteKey;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The port of Redis's tests/modules/testrdb.c (unit moduleapi/testrdb): a data type persisted in
 * the RDB, two global strings persisted as its aux data, and their handling while a diskless
 * replica loads asynchronously ({@code repl-diskless-load swapdb} with {@code
 * HANDLE_REPL_ASYNC_LOAD}).
 */
@RedisModule(name = "testrdb")
public final class TestRdbModule {
  /** The module argument: 0 saves no aux data, 1 the string after the keyspace, 2 both. */
  static long confAuxCount;

  /** The global strings, by phase. */
  private static final Map<AuxPhase, byte[]> globals = new EnumMap<>(AuxPhase.class);

  /** The strings an asynchronous load brought, kept apart until it completes. */
  private static final Map<AuxPhase, byte[]> loading = new EnumMap<>(AuxPhase.class);

  /** Whether an asynchronous replica load is under way (REPL_ASYNC_LOAD events). */
  private static boolean asyncLoading;

  private TestRdbModule() {}

  /** Sets the module options, reads the aux count argument, follows asynchronous loads. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    ctx.setModuleOptions(ModuleOption.HANDLE_IO_ERRORS, ModuleOption.HANDLE_REPL_ASYNC_LOAD);
    if (args.length > 0) {
      confAuxCount = args[0].toLongLong();
    }
    ctx.subscribeToServerEvent(
        ServerEvent.REPL_ASYNC_LOAD,
        (c, event) -> {
          switch (event.subEvent()) {
            case REPL_ASYNC_LOAD_STARTED -> {
              if (asyncLoading) {
                throw new IllegalStateException("an asynchronous load started twice");
              }
              asyncLoading = true;
            }
            case REPL_ASYNC_LOAD_ABORTED -> {
              loading.clear();
              asyncLoading = false;
            }
            case REPL_ASYNC_LOAD_COMPLETED -> {
              globals.clear();
              globals.putAll(loading);
              loading.clear();
              asyncLoading = false;
            }
            default -> throw new IllegalStateException("unexpected " + event.subEvent());
          }
        });
  }

  /** The global string of {@code phase}, null for none. */
  static byte @Nullable [] global(AuxPhase phase) {
    return globals.get(phase);
  }

  /** What aux_load read for {@code phase}: the string, or null for none. */
  static void loaded(AuxPhase phase, byte @Nullable [] string) {
    Map<AuxPhase, byte[]> target = asyncLoading ? loading : globals;
    if (string == null) {
      target.remove(phase);
    } else {
      target.put(phase, string);
    }
  }

  private static void setGlobal(Context ctx, RedisString[] argv, AuxPhase phase) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    globals.put(phase, argv[1].bytes());
    ctx.replyWithLongLong(1);
  }

  private static void replyWithGlobal(
      Context ctx, RedisString[] argv, Map<AuxPhase, byte[]> from, AuxPhase phase) {
    if (argv.length != 1) {
      ctx.wrongArity();
      return;
    }
    byte[] string = from.get(phase);
    ctx.replyWithStringBuffer(string == null ? new byte[0] : string);
  }

  /** TESTRDB.SET.BEFORE string: the global saved before the keyspace. */
  @RedisCommand(name = "testrdb.set.before", flags = "deny-oom")
  public static void setBefore(Context ctx, RedisString[] argv) {
    setGlobal(ctx, argv, AuxPhase.BEFORE_RDB);
  }

  /** TESTRDB.GET.BEFORE: that global, empty for none. */
  @RedisCommand(name = "testrdb.get.before")
  public static void getBefore(Context ctx, RedisString[] argv) {
    replyWithGlobal(ctx, argv, globals, AuxPhase.BEFORE_RDB);
  }

  /** TESTRDB.ASYNC_LOADING.GET.BEFORE: the global an asynchronous load brought so far. */
  @RedisCommand(name = "testrdb.async_loading.get.before")
  public static void asyncLoadingGetBefore(Context ctx, RedisString[] argv) {
    replyWithGlobal(ctx, argv, loading, AuxPhase.BEFORE_RDB);
  }

  /** TESTRDB.SET.AFTER string: the global saved after the keyspace. */
  @RedisCommand(name = "testrdb.set.after", flags = "deny-oom")
  public static void setAfter(Context ctx, RedisString[] argv) {
    setGlobal(ctx, argv, AuxPhase.AFTER_RDB);
  }

  /** TESTRDB.GET.AFTER: that global, empty for none. */
  @RedisCommand(name = "testrdb.get.after")
  public static void getAfter(Context ctx, RedisString[] argv) {
    replyWithGlobal(ctx, argv, globals, AuxPhase.AFTER_RDB);
  }

  /** TESTRDB.SET.KEY key string: a test__rdb value holding the string. */
  @RedisCommand(
      name = "testrdb.set.key",
      flags = "deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void setKey(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (WriteKey key = ctx.writeKey(argv[1])) {
      key.setValue(new TestRdbValue(argv[2].bytes()));
    }
    ctx.replyWithLongLong(1);
  }

  /** TESTRDB.GET.KEY key: the string of its test__rdb value. */
  @RedisCommand(name = "testrdb.get.key", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void getKey(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    TestRdbValue value;
    try (var key = ctx.readKey(argv[1])) {
      value = key.value(TestRdbValue.class);
    }
    if (value == null) {
      ctx.replyWithNull();
    } else {
      ctx.replyWithStringBuffer(value.string);
    }
  }
}
