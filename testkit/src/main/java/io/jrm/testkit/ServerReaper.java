package io.jrm.testkit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills servers that are still alive when the JVM exits, so a crashed or interrupted test run
 * (Ctrl-C, System.exit, a forgotten close()) does not leave orphaned redis-server processes.
 */
final class ServerReaper {

  private static final Set<RedisServer> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ServerReaper::reapAll, "jrm-redis-reaper"));
  }

  private ServerReaper() {}

  static void register(RedisServer server) {
    LIVE.add(server);
  }

  static void unregister(RedisServer server) {
    LIVE.remove(server);
  }

  private static void reapAll() {
    for (RedisServer server : LIVE) {
      server.killQuietly();
    }
  }
}
