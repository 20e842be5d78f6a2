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

  private FreePorts() {}

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
