package io.jrm.conformance.datatype;

import io.jrm.Context;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.WriteKey;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;

/**
 * The port of Redis's tests/modules/datatype.c (unit moduleapi/datatype): values to and from
 * strings, ModuleTypeReplaceValue, COPY through the type's copy method, and yielding while a value
 * loads slowly.
 */
@RedisModule(name = "datatype")
public final class DatatypeModule {
  /** The encver the last load got, which DATATYPE.RESTORE replies. */
  static volatile int loadEncver;

  /** While set, every load yields to clients until it is cleared (DATATYPE.SLOW_LOADING). */
  static volatile boolean slowLoading;

  /** Whether a load is yielding now (DATATYPE.IS_IN_SLOW_LOADING). */
  static volatile boolean inSlowLoading;

  private DatatypeModule() {}

  /** One millisecond between two yields of a slow load, as C's usleep(1000). */
  static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      slowLoading = false; // nothing interrupts Redis's main thread; end the wait if it happens
    }
  }

  /** DATATYPE.SET key int string. */
  @RedisCommand(
      name = "datatype.set",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void set(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    long intval;
    try {
      intval = argv[2].toLongLong();
    } catch (RedisException notANumber) {
      ctx.replyWithError("Invalid integer value");
      return;
    }
    try (WriteKey key = ctx.writeKey(argv[1])) {
      key.setValue(new DataTypeValue(intval, argv[3].bytes()));
    }
    ctx.replyWithSimpleString("OK");
  }

  /** DATATYPE.GET key: [int, string], or a null array for an empty key. */
  @RedisCommand(name = "datatype.get", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void get(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    DataTypeValue value;
    try (var key = ctx.readKey(argv[1])) {
      value = key.value(DataTypeValue.class);
    }
    if (value == null) {
      ctx.replyWithNullArray();
      return;
    }
    ctx.replyWithArray(2);
    ctx.replyWithLongLong(value.intval);
    ctx.replyWithStringBuffer(value.strval);
  }

  /**
   * DATATYPE.RESTORE key encoded encver: loads with SaveDataTypeToString's format, replies the
   * encver.
   */
  @RedisCommand(
      name = "datatype.restore",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void restore(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    long encver;
    try {
      encver = argv[3].toLongLong();
    } catch (RedisException notANumber) {
      ctx.replyWithError("Invalid integer value");
      return;
    }
    DataTypeValue value = ctx.loadDataType(argv[2], DataTypeValue.class, (int) encver);
    if (value == null) {
      ctx.replyWithError("Invalid data");
      return;
    }
    try (WriteKey key = ctx.writeKey(argv[1])) {
      key.setValue(value);
    }
    ctx.replyWithLongLong(loadEncver);
  }

  /** DATATYPE.DUMP key: the value as SaveDataTypeToString writes it. */
  @RedisCommand(name = "datatype.dump", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void dump(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    DataTypeValue value;
    try (var key = ctx.readKey(argv[1])) {
      value = key.value(DataTypeValue.class);
    }
    if (value == null) {
      ctx.replyWithError("Failed to save");
      return;
    }
    try (RedisString encoded = ctx.saveDataTypeToString(value)) {
      ctx.replyWithString(encoded);
    }
  }

  /**
   * DATATYPE.SWAP a b: swaps the values of two keys with ModuleTypeReplaceValue. C stores a's value
   * in both keys for a moment; one Java object belongs to one key, so b first takes a placeholder
   * (failing, and changing nothing, when b holds no such value), a takes b's value, and b a's.
   */
  @RedisCommand(name = "datatype.swap", flags = "write", firstKey = 1, lastKey = 2, keyStep = 1)
  public static void swap(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (WriteKey a = ctx.writeKey(argv[1]);
        WriteKey b = ctx.writeKey(argv[2])) {
      DataTypeValue fromB = b.replaceValue(new DataTypeValue(0, new byte[0]));
      DataTypeValue fromA = a.replaceValue(fromB);
      b.replaceValue(fromA);
    } catch (RedisException notSwapped) {
      ctx.replyWithError("ERR failed");
      return;
    }
    ctx.replyWithSimpleString("OK");
  }

  /** DATATYPE.SLOW_LOADING 0|1: makes every load yield until turned off. */
  @RedisCommand(
      name = "datatype.slow_loading",
      flags = "allow-loading",
      firstKey = 0,
      lastKey = 0,
      keyStep = 0)
  public static void slowLoading(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    try {
      slowLoading = argv[1].toLongLong() != 0;
    } catch (RedisException notANumber) {
      ctx.replyWithError("Invalid integer value");
      return;
    }
    ctx.replyWithSimpleString("OK");
  }

  /** DATATYPE.IS_IN_SLOW_LOADING: 1 while a load yields. */
  @RedisCommand(
      name = "datatype.is_in_slow_loading",
      flags = "allow-loading",
      firstKey = 0,
      lastKey = 0,
      keyStep = 0)
  public static void isInSlowLoading(Context ctx, RedisString[] argv) {
    if (argv.length != 1) {
      ctx.wrongArity();
      return;
    }
    ctx.replyWithLongLong(inSlowLoading ? 1 : 0);
  }
}
