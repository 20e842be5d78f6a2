package io.jrm.conformance.publish;

import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;

/**
 * The port of Redis's tests/modules/publish.c (unit moduleapi/publish): a message to a classic
 * channel and to a shard channel.
 */
@RedisModule(name = "publish")
public final class PublishModule {
  private PublishModule() {}

  /** PUBLISH.CLASSIC channel message: replies how many subscribers received it. */
  @RedisCommand(name = "publish.classic")
  public static void classic(Context ctx, RedisString[] argv) {
    publish(ctx, argv, false);
  }

  /** PUBLISH.SHARD channel message: replies how many shard subscribers received it. */
  @RedisCommand(name = "publish.shard")
  public static void shard(Context ctx, RedisString[] argv) {
    publish(ctx, argv, true);
  }

  private static void publish(Context ctx, RedisString[] argv, boolean shard) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    RedisString channel = argv[1];
    RedisString message = argv[2];
    ctx.replyWithLongLong(
        shard ? ctx.publishMessageShard(channel, message) : ctx.publishMessage(channel, message));
  }
}
