package io.jrm;

/**
 * What a module runs for the cluster bus messages of one type ({@link
 * Context#registerClusterMessageReceiver}): on Redis's main thread, as the message arrives from
 * another node. Its context has no client (a reply throws {@link IllegalStateException}) and may
 * call commands, open keys and send cluster messages.
 */
@FunctionalInterface
public interface ClusterMessageReceiver {
  /**
   * Runs once per message of the registered type. A Throwable is caught and logged: Redis goes on.
   *
   * @param ctx the context of the message, valid until it returns
   * @param senderId the id of the node that sent it (40 hexadecimal characters)
   * @param type the message's type, 0 to 255
   * @param payload the message's bytes (a copy)
   * @throws Exception anything; it is logged, not passed to Redis
   */
  void receive(Context ctx, String senderId, int type, byte[] payload) throws Exception;
}
