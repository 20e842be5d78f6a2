package io.jrm.it.noonload;

import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;

/**
 * A module without an {@code @OnLoad} method, built beside jrmtest (a project builds one module, so
 * it has a source folder and an output folder of its own): its module arguments are ignored.
 */
@RedisModule(name = "noonload", version = 1)
public final class NoOnLoadModule {
  private NoOnLoadModule() {}

  /** Replies {@code +PONG}, to show the module serves. */
  @RedisCommand(name = "noonload.ping", flags = "readonly fast")
  public static void ping(Context ctx, RedisString[] argv) {
    ctx.replyWithSimpleString("PONG");
  }
}
