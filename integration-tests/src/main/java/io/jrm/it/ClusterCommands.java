package io.jrm.it;

import io.jrm.ClusterNodeInfo;
import io.jrm.Context;
import io.jrm.annotations.RedisCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands of the jrmtest module ({@code JRMTEST.CLUSTER.*}) for {@code ClusterIT}: what the node
 * knows of the cluster, and cluster bus messages sent and received on demand (a payload {@code
 * throw} makes the receiver throw).
 */
public final class ClusterCommands {
  /** {@code <type> <sender> <payload>} per message received, oldest first. */
  private static final List<String> received = new ArrayList<>();

  private ClusterCommands() {}

  /** JRMTEST.CLUSTER.SELF: this node's id ("" outside cluster mode), the size, the list's size. */
  @RedisCommand(name = "jrmtest.cluster.self", flags = "readonly")
  public static List<Object> self(Context ctx) {
    return List.of(
        ctx.myClusterId().orElse(""),
        ctx.clusterSize(),
        (long) ctx.clusterNodesList().map(List::size).orElse(-1));
  }

  /** JRMTEST.CLUSTER.NODE id: ip, master id ("" for none), port and sorted flags; [] if unknown. */
  @RedisCommand(name = "jrmtest.cluster.node", flags = "readonly")
  public static List<Object> node(Context ctx, String id) {
    return ctx.clusterNodeInfo(id).map(ClusterCommands::describe).orElse(List.of());
  }

  private static List<Object> describe(ClusterNodeInfo node) {
    return List.of(
        node.ip(),
        node.masterId() == null ? "" : node.masterId(),
        (long) node.port(),
        node.flags().stream().map(Enum::name).sorted().toList());
  }

  /** JRMTEST.CLUSTER.LISTEN type: records every message of {@code type}. */
  @RedisCommand(name = "jrmtest.cluster.listen", flags = "readonly")
  public static String listen(Context ctx, long type) {
    ctx.registerClusterMessageReceiver((int) type, ClusterCommands::record);
    return "OK";
  }

  /** JRMTEST.CLUSTER.UNLISTEN type: stops receiving {@code type}. */
  @RedisCommand(name = "jrmtest.cluster.unlisten", flags = "readonly")
  public static String unlisten(Context ctx, long type) {
    ctx.registerClusterMessageReceiver((int) type, null);
    return "OK";
  }

  /** JRMTEST.CLUSTER.SEND target type payload: {@code *} targets every node; 1 when sent. */
  @RedisCommand(name = "jrmtest.cluster.send", flags = "readonly")
  public static long send(Context ctx, String target, long type, byte[] payload) {
    return ctx.sendClusterMessage(target.equals("*") ? null : target, (int) type, payload) ? 1 : 0;
  }

  /** JRMTEST.CLUSTER.RECEIVED: the messages received since the last call. */
  @RedisCommand(name = "jrmtest.cluster.received", flags = "readonly")
  public static List<String> received(Context ctx) {
    List<String> messages = new ArrayList<>(received);
    received.clear();
    return messages;
  }

  private static void record(Context ctx, String sender, int type, byte[] payload) {
    String text = new String(payload, StandardCharsets.UTF_8);
    received.add(type + " " + sender + " " + text);
    if (text.equals("throw")) {
      throw new IllegalStateException("a receiver that throws");
    }
  }
}
