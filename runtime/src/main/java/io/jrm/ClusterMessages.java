package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The module's cluster message receivers, one per message type ({@link
 * Context#registerClusterMessageReceiver}). Every type Redis knows for the module calls the stub's
 * {@code cluster_message}, which passes the type back to {@link ModuleEntry#clusterMessage}. A
 * receiver removed from Java stays registered in Redis: 7.0's removal of the first receiver of a
 * type frees it while its list still points at it, so Java only forgets it.
 */
final class ClusterMessages {
  /** Message types are a {@code uint8_t}. */
  private static final int TYPES = 256;

  private static final ClusterMessageReceiver[] receivers = new ClusterMessageReceiver[TYPES];

  /** Whether Redis was given the stub's receiver at least once: it then keeps it for good. */
  private static boolean registered;

  private ClusterMessages() {}

  static void register(Context ctx, int type, @Nullable ClusterMessageReceiver receiver) {
    checkType(type);
    if (receiver != null && receivers[type] == null) {
      long function = ModuleEntry.callbacks()[ModuleEntry.CLUSTER_MESSAGE_CALLBACK];
      ctx.api().registerClusterMessageReceiver(ctx.pointer(), type, function);
      registered |= ctx.hasFlag(ContextFlag.CLUSTER); // Redis ignores it outside cluster mode
    }
    receivers[type] = receiver;
  }

  /** Whether Redis holds the stub's receiver for some type, so the module must stay loaded. */
  static boolean registered() {
    return registered;
  }

  static void checkType(int type) {
    if (type < 0 || type >= TYPES) {
      throw new IllegalArgumentException("a cluster message type is 0 to 255, not " + type);
    }
  }

  /** Runs the receiver of {@code type} for the message Redis passed to the stub. */
  static void fire(Context ctx, int type, long sender, long payload, int length) throws Exception {
    ClusterMessageReceiver receiver = receivers[type];
    if (receiver == null) {
      return; // removed from Java: Redis still calls
    }
    byte[] bytes = length == 0 ? new byte[0] : ctx.api().backend().readBytes(payload, length);
    receiver.receive(ctx, ClusterNodes.id(ctx.api().backend(), sender), type, bytes);
  }

  /** Sends {@code payload} to {@code targetId}, or to every node for null. */
  static boolean send(Context ctx, @Nullable String targetId, int type, byte[] payload) {
    checkType(type);
    Objects.requireNonNull(payload, "payload");
    byte[] target = targetId == null ? null : cString(targetId);
    return ctx.api().sendClusterMessage(ctx.pointer(), target, type, payload, payload.length)
        == ClusterNodes.OK;
  }
}
