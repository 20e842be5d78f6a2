package io.jrm.it;

import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.annotations.CommandMetadata;
import io.jrm.annotations.KeyName;
import io.jrm.annotations.KeySpec;
import io.jrm.annotations.RedisCommand;
import java.util.Optional;

/**
 * Commands of the jrmtest module ({@code JRMTEST.META.*}) for {@code CommandMetadataIT}: what
 * COMMAND INFO and COMMAND DOCS show of typed parameters, of {@code @CommandMetadata} and of a
 * subcommand.
 */
public final class CommandMetadataCommands {
  private CommandMetadataCommands() {}

  /** The metadata of Redis's GET, on a typed handler: COMMAND INFO must match GET's. */
  @RedisCommand(name = "jrmtest.meta.get", flags = "readonly fast")
  @CommandMetadata(
      summary = "Get the value of a key",
      since = "1.0.0",
      complexity = "O(1)",
      keySpecs = @KeySpec(flags = "RO access", index = 1),
      args = @CommandMetadata.Arg(name = "key", type = "key", keySpecIndex = 0))
  public static void get(Context ctx, @KeyName RedisString key) {
    ctx.replyWithSimpleString("OK");
  }

  /** Typed parameters alone: one key, a number, an optional word; arity -3, key 1. */
  @RedisCommand(name = "jrmtest.meta.typed")
  public static void typed(
      Context ctx, @KeyName RedisString key, long count, Optional<String> mode) {
    ctx.replyWithSimpleString("OK");
  }

  /** JRMTEST.META.BOX NAME: a subcommand, which replies its full name. */
  @RedisCommand(name = "jrmtest.meta.box|name")
  public static void boxName(Context ctx, RedisString[] argv) {
    ctx.replyWithSimpleString(ctx.currentCommandName().orElseThrow());
  }
}
