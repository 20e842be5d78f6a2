package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisCluster;
import io.jrm.testkit.RedisClusterTest;
import io.jrm.testkit.RedisServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The cluster API (docs/cluster.md) on a real cluster of two masters with a replica each: what a
 * node knows of the others, and messages over the cluster bus to one node or to all.
 */
@RedisClusterTest(
    masters = 2,
    replicasPerMaster = 1,
    modules = @LoadModule(path = "${jrm.test.module}"))
class ClusterIT {
  /** Bounds the wait for messages to cross the cluster bus. */
  private static final int POLLS = 200;

  private static final long POLL_MILLIS = 50;
  private static final String UNKNOWN_ID = "0".repeat(40);

  private final RedisCluster cluster;

  ClusterIT(RedisCluster cluster) {
    this.cluster = cluster;
  }

  @BeforeEach
  void forgetEarlierMessages() {
    cluster.nodes().forEach(node -> ask(node, "JRMTEST.CLUSTER.RECEIVED"));
  }

  @Test
  void eachNodeKnowsItsIdAndEveryNode() {
    for (RedisServer node : cluster.nodes()) {
      assertThat(ask(node, "JRMTEST.CLUSTER.SELF"))
          .isEqualTo(List.of(cluster.nodeId(node), 4L, 4L));
    }
  }

  @Test
  void nodeInfoTellsAddressPortRoleAndMaster() {
    RedisServer master = cluster.masters().get(0);
    RedisServer replica = cluster.replicasOf(master).get(0);
    String masterId = cluster.nodeId(master);
    assertThat(ask(master, "JRMTEST.CLUSTER.NODE", masterId))
        .isEqualTo(List.of("127.0.0.1", "", (long) master.port(), List.of("MASTER", "MYSELF")));
    assertThat(ask(master, "JRMTEST.CLUSTER.NODE", cluster.nodeId(replica)))
        .isEqualTo(List.of("127.0.0.1", masterId, (long) replica.port(), List.of("REPLICA")));
    assertThat(ask(master, "JRMTEST.CLUSTER.NODE", UNKNOWN_ID)).isEqualTo(List.of());
    assertThat(ask(master, "JRMTEST.CLUSTER.NODE", "not-an-id")).isEqualTo(List.of());
  }

  @Test
  void aMessageReachesItsTargetOrEveryOtherNode() throws Exception {
    List<RedisServer> nodes = cluster.nodes();
    RedisServer sender = nodes.get(0);
    RedisServer target = nodes.get(1);
    nodes.forEach(node -> ask(node, "JRMTEST.CLUSTER.LISTEN", "7"));
    String from = "7 " + cluster.nodeId(sender) + " ";

    assertThat(ask(sender, "JRMTEST.CLUSTER.SEND", cluster.nodeId(target), "7", "to-one"))
        .isEqualTo(1L);
    assertThat(ask(sender, "JRMTEST.CLUSTER.SEND", "*", "7", "to-all")).isEqualTo(1L);
    assertThat(ask(sender, "JRMTEST.CLUSTER.SEND", UNKNOWN_ID, "7", "to-nobody")).isEqualTo(0L);

    assertThat(receive(target, m -> m.size() == 2))
        .containsExactly(from + "to-one", from + "to-all");
    for (RedisServer other : nodes.subList(2, nodes.size())) {
      assertThat(receive(other, m -> !m.isEmpty())).containsExactly(from + "to-all");
    }
    assertThat(ask(sender, "JRMTEST.CLUSTER.RECEIVED")).isEqualTo(List.of());
  }

  @Test
  void aReceiverThatThrowsIsLoggedAndTheNodeGoesOn() throws Exception {
    RedisServer sender = cluster.nodes().get(0);
    RedisServer target = cluster.nodes().get(1);
    ask(target, "JRMTEST.CLUSTER.LISTEN", "8");
    ask(sender, "JRMTEST.CLUSTER.SEND", cluster.nodeId(target), "8", "throw");
    assertThat(receive(target, m -> !m.isEmpty())).hasSize(1);
    assertThat(target.logTail(50))
        .contains("cluster message receiver of type 8 threw")
        .contains("a receiver that throws");
    assertThat(ask(target, "PING")).isEqualTo("PONG");
  }

  @Test
  void aRemovedReceiverGetsNothingMore() throws Exception {
    RedisServer sender = cluster.nodes().get(0);
    RedisServer target = cluster.nodes().get(1);
    ask(target, "JRMTEST.CLUSTER.LISTEN", "9");
    ask(target, "JRMTEST.CLUSTER.LISTEN", "10");
    ask(target, "JRMTEST.CLUSTER.UNLISTEN", "9");
    String targetId = cluster.nodeId(target);
    ask(sender, "JRMTEST.CLUSTER.SEND", targetId, "9", "removed");
    ask(sender, "JRMTEST.CLUSTER.SEND", targetId, "10", "after");
    // One link carries both in order: once the second has arrived, the first would have too.
    assertThat(receive(target, m -> !m.isEmpty()))
        .containsExactly("10 " + cluster.nodeId(sender) + " after");
  }

  @Test
  void messageTypesOutOfRangeAreRefused() {
    RedisServer node = cluster.nodes().get(0);
    for (String[] command :
        List.of(
            new String[] {"JRMTEST.CLUSTER.LISTEN", "256"},
            new String[] {"JRMTEST.CLUSTER.SEND", "*", "-1", "x"})) {
      assertThatThrownBy(() -> ask(node, command))
          .isInstanceOf(JedisDataException.class)
          .hasMessageContaining("a cluster message type is 0 to 255");
    }
  }

  /** The messages {@code node} receives until {@code done} holds of them (bounded). */
  private static List<Object> receive(RedisServer node, Predicate<List<Object>> done)
      throws InterruptedException {
    List<Object> messages = new ArrayList<>();
    for (int i = 0; i < POLLS && !done.test(messages); i++) {
      messages.addAll((List<?>) ask(node, "JRMTEST.CLUSTER.RECEIVED"));
      if (!done.test(messages)) {
        Thread.sleep(POLL_MILLIS);
      }
    }
    return messages;
  }

  private static Object ask(RedisServer node, String... command) {
    try (Jedis jedis = node.client()) {
      return send(jedis, command[0], Arrays.copyOfRange(command, 1, command.length));
    }
  }
}
