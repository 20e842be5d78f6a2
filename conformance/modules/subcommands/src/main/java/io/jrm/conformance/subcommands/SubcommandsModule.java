package io.jrm.conformance.subcommands;

import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.annotations.CommandMetadata;
import io.jrm.annotations.KeySpec;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;

/**
 * The port of Redis's tests/modules/subcommands.c, for unit moduleapi/subcommands: subcommands of
 * the containers {@code subcommands.bitarray} and {@code subcommands.sub} (a {@code parent|sub}
 * name makes its container), with key specs, and the current command's full name.
 */
@RedisModule(name = "subcommands")
public final class SubcommandsModule {
  private SubcommandsModule() {}

  /** SUBCOMMANDS.BITARRAY SET key ...: replies OK. */
  @RedisCommand(name = "subcommands.bitarray|set")
  @CommandMetadata(keySpecs = @KeySpec(flags = "RW update", index = 1))
  public static void set(Context ctx, RedisString[] argv) {
    ctx.replyWithSimpleString("OK");
  }

  /** SUBCOMMANDS.BITARRAY GET key [a b]: replies OK; more arguments are a wrong arity. */
  @RedisCommand(name = "subcommands.bitarray|get")
  @CommandMetadata(keySpecs = @KeySpec(flags = "RO access", index = 1))
  public static void get(Context ctx, RedisString[] argv) {
    if (argv.length > 4) {
      ctx.wrongArity();
      return;
    }
    ctx.replyWithSimpleString("OK");
  }

  /** SUBCOMMANDS.PARENT_GET_FULLNAME: replies its own name. */
  @RedisCommand(name = "subcommands.parent_get_fullname")
  public static void parentGetFullname(Context ctx, RedisString[] argv) {
    ctx.replyWithSimpleString(ctx.currentCommandName().orElseThrow());
  }

  /** SUBCOMMANDS.SUB GET_FULLNAME: replies its full name, {@code subcommands.sub|get_fullname}. */
  @RedisCommand(name = "subcommands.sub|get_fullname")
  public static void subGetFullname(Context ctx, RedisString[] argv) {
    ctx.replyWithSimpleString(ctx.currentCommandName().orElseThrow());
  }
}
