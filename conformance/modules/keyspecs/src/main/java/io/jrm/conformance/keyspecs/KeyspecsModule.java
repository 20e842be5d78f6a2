package io.jrm.conformance.keyspecs;

import io.jrm.Context;
import io.jrm.KeyFlag;
import io.jrm.RedisString;
import io.jrm.annotations.CommandMetadata;
import io.jrm.annotations.KeySpec;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.EnumSet;
import java.util.Set;

/**
 * The port of Redis's tests/modules/keyspecs.c, for unit moduleapi/keyspecs: commands that differ
 * only in their key specs (every begin search and find keys kind), which COMMAND INFO, COMMAND
 * GETKEYS and ACL DRYRUN read.
 */
@RedisModule(name = "keyspecs")
public final class KeyspecsModule {
  private KeyspecsModule() {}

  /** Every command: OK, or for a key-position request every other argument from the first. */
  /** The flags every key of a position request gets, as in the C module. */
  private static final Set<KeyFlag> READ_ACCESS = EnumSet.of(KeyFlag.RO, KeyFlag.ACCESS);

  private static void reply(Context ctx, RedisString[] argv) {
    if (ctx.isKeysPositionRequest()) {
      for (int i = 1; i < argv.length; i += 2) {
        ctx.keyAtPosWithFlags(i, READ_ACCESS);
      }
      return;
    }
    ctx.replyWithSimpleString("OK");
  }

  /** No spec, only the legacy triple (like MSET). */
  @RedisCommand(name = "kspec.none", firstKey = 1, lastKey = -1, keyStep = 2)
  public static void none(Context ctx, RedisString[] argv) {
    reply(ctx, argv);
  }

  /** No spec, the legacy triple and getkeys-api. */
  @RedisCommand(
      name = "kspec.nonewithgetkeys",
      flags = "getkeys-api",
      firstKey = 1,
      lastKey = -1,
      keyStep = 2)
  public static void noneWithGetkeys(Context ctx, RedisString[] argv) {
    reply(ctx, argv);
  }

  /** Two consecutive one-key specs, which Redis glues into the triple 1 2 1. */
  @RedisCommand(name = "kspec.tworanges")
  @CommandMetadata(
      arity = -2,
      keySpecs = {
        @KeySpec(flags = "RO access", index = 1, lastKey = 0),
        @KeySpec(flags = "RW update", index = 2)
      })
  public static void twoRanges(Context ctx, RedisString[] argv) {
    reply(ctx, argv);
  }

  /** Two one-key specs with a gap: the triple covers the first only. */
  @RedisCommand(name = "kspec.tworangeswithgap")
  @CommandMetadata(
      arity = -2,
      keySpecs = {
        @KeySpec(flags = "RO access", index = 1, lastKey = 0),
        @KeySpec(flags = "RW update", index = 3)
      })
  public static void twoRangesWithGap(Context ctx, RedisString[] argv) {
    reply(ctx, argv);
  }

  /** A keyword spec only, which clears the legacy triple. */
  @RedisCommand(name = "kspec.keyword", firstKey = 3, lastKey = -1, keyStep = 1)
  @CommandMetadata(
      keySpecs = @KeySpec(flags = "RO access", keyword = "KEYS", startFrom = 1, lastKey = -1))
  public static void keyword(Context ctx, RedisString[] argv) {
    reply(ctx, argv);
  }

  /** A one-key range first, then keyword specs (one with a key count). */
  @RedisCommand(name = "kspec.complex1", firstKey = 1, lastKey = 1, keyStep = 1)
  @CommandMetadata(
      keySpecs = {
        @KeySpec(flags = "RO", index = 1),
        @KeySpec(flags = "RW update", keyword = "STORE", startFrom = 2),
        @KeySpec(
            flags = "RO access",
            keyword = "KEYS",
            startFrom = 2,
            keyNumIndex = 0,
            firstKey = 1)
      })
  public static void complex1(Context ctx, RedisString[] argv) {
    reply(ctx, argv);
  }

  /** More specs than Redis keeps statically, the first not legacy. */
  @RedisCommand(name = "kspec.complex2")
  @CommandMetadata(
      keySpecs = {
        @KeySpec(flags = "RW update", keyword = "STORE", startFrom = 5, lastKey = 0),
        @KeySpec(flags = "RO access", index = 1, lastKey = 0),
        @KeySpec(flags = "RO access", index = 2, lastKey = 0),
        @KeySpec(flags = "RW update", index = 3, keyNumIndex = 0, firstKey = 1),
        @KeySpec(flags = "RW update", keyword = "MOREKEYS", startFrom = 5, lastKey = -1)
      })
  public static void complex2(Context ctx, RedisString[] argv) {
    reply(ctx, argv);
  }
}
