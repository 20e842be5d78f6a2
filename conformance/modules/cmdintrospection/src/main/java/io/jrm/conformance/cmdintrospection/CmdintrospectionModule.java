package io.jrm.conformance.cmdintrospection;

import io.jrm.ArgFlag;
import io.jrm.ArgType;
import io.jrm.CommandArg;
import io.jrm.CommandInfo;
import io.jrm.Context;
import io.jrm.KeyFlag;
import io.jrm.KeySpec;
import io.jrm.RedisString;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;

/**
 * The port of Redis's tests/modules/cmdintrospection.c, for unit moduleapi/cmdintrospection: a
 * command whose COMMAND INFO and COMMAND DOCS equal XADD's, set in code at load ({@link
 * CommandInfo}, with nested arguments), as the C module's versions are Redis's for the comparison.
 */
@RedisModule(name = "cmdintrospection")
public final class CmdintrospectionModule {
  private CmdintrospectionModule() {}

  /** CMDINTROSPECTION.XADD ...: replies OK; only its metadata matters. */
  @RedisCommand(name = "cmdintrospection.xadd", flags = "write deny-oom random fast")
  public static void xadd(Context ctx, RedisString[] argv) {
    ctx.replyWithSimpleString("OK");
  }

  /** Sets XADD's metadata on the command. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    ctx.command("cmdintrospection.xadd").orElseThrow().setCommandInfo(xaddInfo());
  }

  private static CommandInfo xaddInfo() {
    CommandArg trim =
        CommandArg.of("trim", ArgType.BLOCK)
            .flags(ArgFlag.OPTIONAL)
            .subargs(
                CommandArg.of("strategy", ArgType.ONEOF)
                    .subargs(
                        CommandArg.of("maxlen", ArgType.PURE_TOKEN).token("MAXLEN"),
                        CommandArg.of("minid", ArgType.PURE_TOKEN).token("MINID").since("6.2.0")),
                CommandArg.of("operator", ArgType.ONEOF)
                    .flags(ArgFlag.OPTIONAL)
                    .subargs(
                        CommandArg.of("equal", ArgType.PURE_TOKEN).token("="),
                        CommandArg.of("approximately", ArgType.PURE_TOKEN).token("~")),
                CommandArg.of("threshold", ArgType.STRING),
                CommandArg.of("count", ArgType.INTEGER)
                    .token("LIMIT")
                    .since("6.2.0")
                    .flags(ArgFlag.OPTIONAL));
    return CommandInfo.builder()
        .arity(-5)
        .summary("Appends a new entry to a stream")
        .since("5.0.0")
        .complexity(
            "O(1) when adding a new entry, O(N) when trimming where N being the number of entries"
                + " evicted.")
        .tips("nondeterministic_output")
        .history(
            "6.2.0",
            "Added the `NOMKSTREAM` option, `MINID` trimming strategy and the `LIMIT` option.")
        .history("7.0.0", "Added support for the `<ms>-*` explicit ID form.")
        .keySpec(
            KeySpec.index(1)
                .range(0, 1, 0)
                .flags(KeyFlag.RW, KeyFlag.UPDATE)
                .notes("UPDATE instead of INSERT because of the optional trimming feature"))
        .arg(CommandArg.of("key", ArgType.KEY).keySpecIndex(0))
        .arg(
            CommandArg.of("nomkstream", ArgType.PURE_TOKEN)
                .token("NOMKSTREAM")
                .since("6.2.0")
                .flags(ArgFlag.OPTIONAL))
        .arg(trim)
        .arg(
            CommandArg.of("id_or_auto", ArgType.ONEOF)
                .subargs(
                    CommandArg.of("auto_id", ArgType.PURE_TOKEN).token("*"),
                    CommandArg.of("id", ArgType.STRING)))
        .arg(
            CommandArg.of("field_value", ArgType.BLOCK)
                .flags(ArgFlag.MULTIPLE)
                .subargs(
                    CommandArg.of("field", ArgType.STRING), CommandArg.of("value", ArgType.STRING)))
        .build();
  }
}
