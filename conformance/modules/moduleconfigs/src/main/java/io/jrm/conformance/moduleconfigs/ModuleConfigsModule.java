package io.jrm.conformance.moduleconfigs;

import io.jrm.ConfigApply;
import io.jrm.ConfigFlag;
import io.jrm.Context;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisModule;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The port of Redis's tests/modules/moduleconfigs.c, for unit moduleapi/moduleconfigs: one config
 * of each type and flag the unit sets, gets and rewrites, two apply functions that refuse some
 * combinations, and a {@code noload} argument that skips LoadConfigs.
 */
@RedisModule(name = "moduleconfigs")
public final class ModuleConfigsModule {
  private static volatile boolean mutableBool;
  private static volatile boolean immutableBool;
  private static volatile long numeric;
  private static volatile long memory;
  private static volatile byte[] string = new byte[0];
  private static volatile int enumValue;
  private static volatile int flags;

  private ModuleConfigsModule() {}

  /** Registers the configs, then loads them unless the first argument is {@code noload}. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    ConfigApply bothBools =
        c -> {
          if (mutableBool && immutableBool) {
            throw new RedisException("Bool configs cannot both be yes.");
          }
        };
    ConfigApply numbersDiffer =
        c -> {
          if (numeric == memory) {
            throw new RedisException("These configs cannot equal each other.");
          }
        };
    ctx.registerBoolConfig(
        "mutable_bool", true, Set.of(), n -> mutableBool, (n, v) -> mutableBool = v, bothBools);
    ctx.registerBoolConfig(
        "immutable_bool",
        false,
        Set.of(ConfigFlag.IMMUTABLE),
        n -> immutableBool,
        (n, v) -> immutableBool = v,
        bothBools);
    ctx.registerStringConfig(
        "string",
        "secret password".getBytes(StandardCharsets.UTF_8),
        Set.of(),
        n -> string,
        (n, v) -> {
          if (new String(v, StandardCharsets.UTF_8).equalsIgnoreCase("rejectisfreed")) {
            throw new RedisException("Cannot set string to 'rejectisfreed'");
          }
          string = v;
        },
        null);
    Map<String, Integer> names = new LinkedHashMap<>();
    names.put("none", 0);
    names.put("five", 5);
    names.put("one", 1);
    names.put("two", 2);
    names.put("four", 4);
    ctx.registerEnumConfig(
        "enum", 1, Set.of(), names, n -> enumValue, (n, v) -> enumValue = v, null);
    ctx.registerEnumConfig(
        "flags", 3, EnumSet.of(ConfigFlag.BITFLAGS), names, n -> flags, (n, v) -> flags = v, null);
    ctx.registerNumericConfig(
        "memory_numeric",
        1024,
        EnumSet.of(ConfigFlag.MEMORY),
        0,
        3000000,
        n -> memory,
        (n, v) -> memory = v,
        numbersDiffer);
    ctx.registerNumericConfig(
        "numeric", -1, Set.of(), -5, 2000, n -> numeric, (n, v) -> numeric = v, numbersDiffer);
    if (args.length > 0 && args[0].toString().equalsIgnoreCase("noload")) {
      return; // Redis then unloads the module: its configs were never loaded
    }
    ctx.loadConfigs();
  }
}
