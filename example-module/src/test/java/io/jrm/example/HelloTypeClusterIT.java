package io.jrm.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisCluster;
import io.jrm.testkit.RedisClusterTest;
import io.jrm.testkit.RedisServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.util.JedisClusterCRC16;
import redis.clients.jedis.util.SafeEncoder;

/**
 * HelloType values on a real cluster of three masters with a replica each: a value keeps its
 * content when its slot moves to another master ({@code MIGRATE}, through the type's RDB callbacks)
 * and when its master fails over to the replica (which got it by replication).
 */
@RedisClusterTest(
    masters = 3,
    replicasPerMaster = 1,
    modules = @LoadModule(path = "target/helloworld.so"))
class HelloTypeClusterIT {
  private static final ProtocolCommand INSERT = () -> SafeEncoder.encode("HELLOTYPE.INSERT");
  private static final ProtocolCommand RANGE = () -> SafeEncoder.encode("HELLOTYPE.RANGE");
  private static final int ELEMENTS = 50;

  @Test
  void aValueSurvivesResharding(RedisCluster cluster, JedisCluster jedis) {
    String key = "resharded";
    List<Object> content = fill(jedis, key);
    int slot = JedisClusterCRC16.getSlot(key);
    RedisServer source = cluster.masterOf(slot);
    RedisServer target =
        cluster.masters().stream().filter(m -> m != source).findFirst().orElseThrow();

    cluster.moveSlots(slot, slot, target);

    assertThat(cluster.masterOf(slot)).isSameAs(target);
    try (Jedis direct = target.client()) {
      assertThat(direct.exists(key)).isTrue(); // the value itself moved, not a copy left behind
    }
    try (Jedis direct = source.client()) {
      assertThat(direct.clusterCountKeysInSlot(slot)).isZero();
    }
    assertThat(range(jedis, key)).isEqualTo(content);
  }

  @Test
  void aValueSurvivesAFailoverAndTakesWritesAfter(RedisCluster cluster, JedisCluster jedis) {
    String key = "failed-over";
    List<Object> content = fill(jedis, key);
    RedisServer master = cluster.masterOf(JedisClusterCRC16.getSlot(key));

    RedisServer promoted = cluster.failover(master);

    assertThat(cluster.masterOf(JedisClusterCRC16.getSlot(key))).isSameAs(promoted);
    assertThat(range(jedis, key)).isEqualTo(content);
    jedis.sendCommand(key, INSERT, key, "-1");
    assertThat(range(jedis, key)).first().isEqualTo(-1L); // HelloType keeps its elements sorted
  }

  /** Inserts {@link #ELEMENTS} values into {@code key} and returns them as RANGE replies them. */
  private static List<Object> fill(JedisCluster jedis, String key) {
    for (int i = 0; i < ELEMENTS; i++) {
      jedis.sendCommand(key, INSERT, key, Integer.toString(i * 7 % ELEMENTS));
    }
    List<Object> content = range(jedis, key);
    assertThat(content).hasSize(ELEMENTS);
    return content;
  }

  private static List<Object> range(JedisCluster jedis, String key) {
    return new ArrayList<>((List<?>) jedis.sendCommand(key, RANGE, key, "0", "100"));
  }
}
