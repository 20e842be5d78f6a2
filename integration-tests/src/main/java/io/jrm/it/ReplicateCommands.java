package io.jrm.it;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.KeyName;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.Replicate;

/**
 * Commands for ReplicationIT, one per {@code @RedisCommand(replicate = ...)} value. Each writes its
 * key through a call without {@code !}, which propagates nothing itself: what reaches replicas is
 * only what the declaration (or the handler) propagates.
 */
public final class ReplicateCommands {
  private ReplicateCommands() {}

  /**
   * JRMTEST.REPL.DEFAULT key value: a write command with the default declaration that returns its
   * reply; SET key value, or for value {@code refuse} an error (thrown) that writes nothing.
   */
  @RedisCommand(name = "jrmtest.repl.default", flags = "write")
  public static String byDefault(Context ctx, @KeyName RedisString key, RedisString value) {
    if (value.toString().equals("refuse")) {
      throw new RedisException("ERR refused");
    }
    setLocally(ctx, key, value);
    return "OK";
  }

  /** JRMTEST.REPL.NONE key value: SET key value on this server only. */
  @RedisCommand(
      name = "jrmtest.repl.none",
      flags = "write",
      firstKey = 1,
      replicate = Replicate.NONE)
  public static void none(Context ctx, RedisString[] argv) {
    setLocally(ctx, argv[1], argv[2]);
    ctx.replyWithSimpleString("OK");
  }

  /** JRMTEST.REPL.NONE.TRY key: a NONE command that tries to replicate, which is refused. */
  @RedisCommand(
      name = "jrmtest.repl.none.try",
      flags = "write",
      firstKey = 1,
      replicate = Replicate.NONE)
  public static void noneTrying(Context ctx, RedisString[] argv) {
    ctx.replicate("SET", argv[1], "replicated");
    ctx.replyWithSimpleString("OK");
  }

  /**
   * JRMTEST.REPL.MANUAL key value: SET key value here, and replicates SET key manual-value:
   * replicas get what the handler replicates, not the command.
   */
  @RedisCommand(
      name = "jrmtest.repl.manual",
      flags = "write",
      firstKey = 1,
      replicate = Replicate.MANUAL)
  public static void manual(Context ctx, RedisString[] argv) {
    setLocally(ctx, argv[1], argv[2]);
    ctx.replicate("SET", argv[1], "manual-" + argv[2]);
    ctx.replyWithSimpleString("OK");
  }

  /**
   * JRMTEST.REPL.INCR key: INCR key here, declared VERBATIM and calling replicateVerbatim too: a
   * replica that ran it twice would count 2.
   */
  @RedisCommand(
      name = "jrmtest.repl.incr",
      flags = "write",
      firstKey = 1,
      replicate = Replicate.VERBATIM)
  public static void incrementOnce(Context ctx, RedisString[] argv) {
    try (CallReply incr = ctx.call("INCR", argv[1])) {
      ctx.replicateVerbatim();
      ctx.replyWithLongLong(incr.integer());
    }
  }

  private static void setLocally(Context ctx, RedisString key, RedisString value) {
    try (CallReply set = ctx.call("SET", key, value)) {
      if (set.isError()) {
        throw new RedisException(set.string());
      }
    }
  }
}
