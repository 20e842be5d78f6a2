package io.jrm.example.hellohook;

import io.jrm.CallReply;
import io.jrm.ClientChangeEvent;
import io.jrm.Context;
import io.jrm.FlushEvent;
import io.jrm.RedisString;
import io.jrm.ServerEvent;
import io.jrm.SubEvent;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisModule;

/**
 * The Java port of Redis 7.0's {@code src/modules/hellohook.c}: no commands; it subscribes to the
 * client change and flush server events and prints a line to the server's standard output for each
 * (for FLUSHDB, with the number of keys the database held when the flush started).
 *
 * <p>A third module of this project (its own sources, src/hellohook, built to
 * target/hellohook/hellohook.so): {@code redis-server --loadmodule target/hellohook/hellohook.so},
 * then connect with {@code redis-cli} and run {@code FLUSHDB}.
 */
@RedisModule(name = "hellohook")
public final class HelloHook {
  private HelloHook() {}

  /** Subscribes to the two events; the module arguments are unused. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    ctx.subscribeToServerEvent(ServerEvent.CLIENT_CHANGE, HelloHook::clientChanged);
    ctx.subscribeToServerEvent(ServerEvent.FLUSHDB, HelloHook::flushed);
  }

  private static void clientChanged(Context ctx, ClientChangeEvent client) {
    System.out.printf(
        "Client %s event for client #%d %s:%d%n",
        client.subEvent() == SubEvent.CLIENT_CONNECTED ? "connection" : "disconnection",
        client.id(),
        client.address(),
        client.port());
  }

  private static void flushed(Context ctx, FlushEvent flush) {
    boolean all = flush.db() == -1;
    if (flush.subEvent() == SubEvent.FLUSHDB_START) {
      if (all) {
        System.out.println("FLUSHALL event started");
      } else {
        try (CallReply keys = ctx.call("DBSIZE")) {
          System.out.printf(
              "FLUSHDB event of database %d started (%d keys in DB)%n", flush.db(), keys.integer());
        }
      }
    } else if (all) {
      System.out.println("FLUSHALL event ended");
    } else {
      System.out.printf("FLUSHDB event of database %d ended%n", flush.db());
    }
  }
}
