package io.jrm.example.hellocluster;

import io.jrm.ClusterFlag;
import io.jrm.ClusterNodeInfo;
import io.jrm.Context;
import io.jrm.LogLevel;
import io.jrm.RedisString;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Java port of Redis 7.0's {@code src/modules/hellocluster.c}: {@code HELLOCLUSTER.PINGALL}
 * sends a PING message over the cluster bus to this module on every other node, whose receiver logs
 * it, counts it in the key {@code pings_received} and answers PONG, which the sender logs; {@code
 * HELLOCLUSTER.LIST} replies each node's id and port. Redirections are off, so every node accepts
 * every key (its own {@code pings_received}).
 *
 * <p>A fourth module of this project (its own sources, src/hellocluster, built to
 * target/hellocluster/hellocluster.so), for a server started with {@code cluster-enabled yes}.
 */
@RedisModule(name = "hellocluster", version = 1)
public final class HelloCluster {
  private static final int MSGTYPE_PING = 1;
  private static final int MSGTYPE_PONG = 2;

  private HelloCluster() {}

  /** Turns redirections off and registers the two receivers; the module arguments are unused. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    ctx.setClusterFlags(Set.of(ClusterFlag.NO_REDIRECTION));
    ctx.registerClusterMessageReceiver(MSGTYPE_PING, HelloCluster::pingReceived);
    ctx.registerClusterMessageReceiver(MSGTYPE_PONG, HelloCluster::pongReceived);
  }

  /** HELLOCLUSTER.PINGALL: sends "Hey" to every other node and replies OK. */
  @RedisCommand(name = "hellocluster.pingall", flags = "readonly")
  public static void pingAll(Context ctx, RedisString[] argv) {
    ctx.sendClusterMessage(null, MSGTYPE_PING, bytes("Hey"));
    ctx.replyWithSimpleString("OK");
  }

  /** HELLOCLUSTER.LIST: one {@code [id, port]} pair per node, or an error outside cluster mode. */
  @RedisCommand(name = "hellocluster.list", flags = "readonly")
  public static void list(Context ctx, RedisString[] argv) {
    Optional<List<String>> ids = ctx.clusterNodesList();
    if (ids.isEmpty()) {
      ctx.replyWithError("Cluster not enabled");
      return;
    }
    ctx.replyWithArray(ids.get().size());
    for (String id : ids.get()) {
      ctx.replyWithArray(2);
      ctx.replyWithString(id);
      ctx.replyWithLongLong(ctx.clusterNodeInfo(id).map(ClusterNodeInfo::port).orElse(0));
    }
  }

  private static void pingReceived(Context ctx, String senderId, int type, byte[] payload) {
    log(ctx, "PING", type, senderId, payload);
    ctx.sendClusterMessage(null, MSGTYPE_PONG, bytes("Ohi!"));
    ctx.call("INCR", "pings_received").close(); // no client to tell the count
  }

  private static void pongReceived(Context ctx, String senderId, int type, byte[] payload) {
    log(ctx, "PONG", type, senderId, payload);
  }

  private static void log(Context ctx, String what, int type, String senderId, byte[] payload) {
    ctx.log(
        LogLevel.NOTICE,
        what
            + " (type "
            + type
            + ") RECEIVED from "
            + senderId
            + ": '"
            + new String(payload, StandardCharsets.UTF_8)
            + "'");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
