package io.jrm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Asks the kernel for an unused loopback port. The socket is closed before redis-server binds, so
 * another process can steal the port in between; {@link RedisServer} retries for that.
 */
final class FreePorts {

  /** Never hand out the default Redis port: a system redis-server may be listening there. */
  private static final int DEFAULT_REDIS_PORT = 6379;

  private static final int MAX_PORT = 65535;

  private FreePorts() {}

  /**
   * Redis Cluster's bus listens at the client port plus this ({@code cluster-port} 0, the default).
   */
  static final int CLUSTER_BUS_OFFSET = 10000;

  /** Tries before giving up on a port pair: most ephemeral ports have a free, valid bus port. */
  private static final int CLUSTER_PORT_TRIES = 100;

  /** A free port whose cluster bus port ({@link #CLUSTER_BUS_OFFSET} above) is free too. */
  static int pickWithClusterBus() {
    for (int i = 0; i < CLUSTER_PORT_TRIES; i++) {
      int port = pick();
      if (port + CLUSTER_BUS_OFFSET <= MAX_PORT && isFree(port + CLUSTER_BUS_OFFSET)) {
        return port;
      }
    }
    throw new IllegalStateException(
        "Could not find a free port and cluster bus port on " + RedisServer.HOST);
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(RedisServer.HOST))) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }

  static int pick() {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(RedisServer.HOST))) {
        int port = socket.getLocalPort();
        if (port != DEFAULT_REDIS_PORT) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not find a free port on " + RedisServer.HOST, e);
      }
    }
  }
}
