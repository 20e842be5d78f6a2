package io.jrm.it;

import io.jrm.ConfigFlag;
import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.annotations.Config;
import io.jrm.annotations.RedisCommand;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Module configs of jrmtest, one of each type (ModuleConfigIT): {@code jrmtest.verbose}, {@code
 * jrmtest.limit} (a memory size), {@code jrmtest.greeting}, {@code jrmtest.mode}, {@code
 * jrmtest.features} (bit flags) and the immutable {@code jrmtest.shards}, with a setter that
 * refuses a value, one that fails, and an apply function that checks two values together.
 */
public final class ConfigCommands {
  private static volatile boolean verbose;
  private static volatile long limit;
  private static volatile long shards;
  private static volatile byte[] greeting = new byte[0];
  private static volatile int mode;
  private static volatile int features;
  private static int applied;

  /** A number between 0 and 9. */
  @Config(name = "level", min = 0, max = 9)
  static volatile long level = 3;

  /** A string. */
  @Config(name = "motto")
  static volatile String motto = "keep calm";

  /** An enum, hidden from CONFIG GET patterns. */
  @Config(name = "tone", flags = "hidden")
  static volatile Tone tone = Tone.CALM;

  /** The values of jrmtest.tone. */
  enum Tone {
    /** The default. */
    CALM,
    /** The other one. */
    LOUD
  }

  private ConfigCommands() {}

  /** Registers the code configs; called by the module's @OnLoad. */
  static void register(Context ctx) {
    Map<String, Integer> modes = new LinkedHashMap<>();
    modes.put("fast", 0);
    modes.put("safe", 1);
    Map<String, Integer> flags = new LinkedHashMap<>();
    flags.put("compress", 1);
    flags.put("encrypt", 2);
    flags.put("audit", 4);
    ctx.registerBoolConfig(
        "verbose", false, Set.of(), n -> verbose, (n, v) -> verbose = v, ConfigCommands::check);
    ctx.registerNumericConfig(
        "limit",
        1024,
        EnumSet.of(ConfigFlag.MEMORY),
        0,
        1L << 30,
        n -> limit,
        (n, v) -> limit = v,
        ConfigCommands::check);
    ctx.registerNumericConfig(
        "shards",
        1,
        EnumSet.of(ConfigFlag.IMMUTABLE),
        1,
        64,
        n -> shards,
        (n, v) -> shards = v,
        null);
    ctx.registerStringConfig(
        "greeting",
        "hello".getBytes(StandardCharsets.UTF_8),
        Set.of(),
        n -> greeting,
        ConfigCommands::setGreeting,
        null);
    ctx.registerEnumConfig("mode", 0, Set.of(), modes, n -> mode, (n, v) -> mode = v, null);
    ctx.registerEnumConfig(
        "features",
        1,
        EnumSet.of(ConfigFlag.BITFLAGS),
        flags,
        n -> features,
        (n, v) -> features = v,
        null);
  }

  /** Refuses an empty greeting with a reason; "crash" makes the setter fail unexpectedly. */
  private static void setGreeting(String name, byte[] value) {
    String text = new String(value, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      throw new IllegalArgumentException("greeting must not be empty");
    }
    if (text.equals("crash")) {
      throw new IllegalStateException("a bug in the setter");
    }
    greeting = value;
  }

  /** The apply function of verbose and limit: verbose needs a limit of at least 1mb. */
  private static void check(Context ctx) {
    applied++;
    if (verbose && limit < (1L << 20)) {
      throw new IllegalArgumentException("verbose needs a limit of at least 1mb");
    }
  }

  /**
   * JRMTEST.CONFIG.VALUES: what Java holds: verbose, limit, shards, greeting, mode, features, how
   * many times an apply function ran, level, motto and tone.
   */
  @RedisCommand(name = "jrmtest.config.values", flags = "readonly fast")
  public static void values(Context ctx, RedisString[] argv) {
    ctx.replyWithArray(10);
    ctx.replyWithLongLong(verbose ? 1 : 0);
    ctx.replyWithLongLong(limit);
    ctx.replyWithLongLong(shards);
    ctx.replyWithStringBuffer(greeting);
    ctx.replyWithLongLong(mode);
    ctx.replyWithLongLong(features);
    ctx.replyWithLongLong(applied);
    ctx.replyWithLongLong(level);
    ctx.replyWithString(motto);
    ctx.replyWithString(tone.name());
  }
}
