package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisCluster;
import io.jrm.testkit.RedisClusterTest;
import io.jrm.testkit.RedisServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** The hellocluster module on a real cluster of three masters: node lists and bus messages. */
@RedisClusterTest(masters = 3, modules = @LoadModule(path = "target/hellocluster/hellocluster.so"))
class HelloClusterIT {
  /** Bounds the wait for the messages of a PINGALL to cross the cluster bus. */
  private static final int POLLS = 200;

  private static final long POLL_MILLIS = 50;

  @Test
  void everyNodeListsEveryNodeWithItsPort(RedisCluster cluster) {
    Map<String, Long> expected =
        cluster.nodes().stream()
            .collect(Collectors.toMap(cluster::nodeId, node -> (long) node.port()));
    for (RedisServer node : cluster.nodes()) {
      try (Jedis jedis = node.client()) {
        List<?> nodes = (List<?>) send(jedis, "HELLOCLUSTER.LIST");
        Map<Object, Object> listed =
            nodes.stream()
                .map(pair -> (List<?>) pair)
                .collect(Collectors.toMap(pair -> pair.get(0), pair -> pair.get(1)));
        assertThat(listed).isEqualTo(expected);
      }
    }
  }

  @Test
  void pingAllReachesTheOtherNodesWhichAnswerPong(RedisCluster cluster) throws Exception {
    RedisServer sender = cluster.nodes().get(0);
    List<RedisServer> others = cluster.nodes().subList(1, cluster.nodes().size());
    try (Jedis jedis = sender.client()) {
      assertThat(send(jedis, "HELLOCLUSTER.PINGALL")).isEqualTo("OK");
    }
    String senderId = cluster.nodeId(sender);
    Function<RedisServer, String> pongLine =
        other -> "PONG (type 2) RECEIVED from " + cluster.nodeId(other) + ": 'Ohi!'";
    for (int i = 0;
        i < POLLS
            && !others.stream().allMatch(o -> counted(o) && logged(sender, pongLine.apply(o)));
        i++) {
      Thread.sleep(POLL_MILLIS);
    }
    for (RedisServer other : others) {
      // No redirections: each node counts the pings it received in its own key.
      try (Jedis jedis = other.client()) {
        assertThat(jedis.get("pings_received")).isEqualTo("1");
      }
      assertThat(other.logTail(50)).contains("PING (type 1) RECEIVED from " + senderId + ": 'Hey'");
      assertThat(sender.logTail(50)).contains(pongLine.apply(other));
    }
    try (Jedis jedis = sender.client()) {
      assertThat(jedis.get("pings_received")).isNull(); // a node does not message itself
    }
  }

  @Test
  void outsideClusterModeTheListIsAnError() {
    try (RedisServer server =
            RedisServer.builder().module(Path.of("target/hellocluster/hellocluster.so")).start();
        Jedis jedis = server.client()) {
      assertThatThrownBy(() -> send(jedis, "HELLOCLUSTER.LIST"))
          .isInstanceOf(JedisDataException.class)
          .hasMessage("Cluster not enabled");
      assertThat(send(jedis, "HELLOCLUSTER.PINGALL")).isEqualTo("OK"); // sends nothing, as in C
    }
  }

  private static boolean counted(RedisServer node) {
    try (Jedis jedis = node.client()) {
      return "1".equals(jedis.get("pings_received"));
    }
  }

  private static boolean logged(RedisServer node, String line) {
    return node.logTail(50).contains(line);
  }
}
