package io.jrm.it;

import static io.jrm.it.TypeServers.awaitBgsave;
import static io.jrm.it.TypeServers.builder;
import static io.jrm.it.TypeServers.client;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * Values created and deleted over and over, with persistence off: the Java heap must stay flat,
 * whether forks happen or not (JRM's lists of values to serialize or record at the next fork must
 * not keep the freed ones).
 */
@Timeout(120)
class ValueChurnIT {
  private static final int BATCH = 1_000;

  /** 1,000 values of a type with aofRewrite and 1,000 without, created, then deleted. */
  private static void churn(Jedis jedis, int batches, boolean forks) throws InterruptedException {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      keys.add("a:" + i);
      keys.add("r:" + i);
    }
    for (int b = 0; b < batches; b++) {
      send(jedis, "JRMTEST.TYPE.FILL", "aof", "a:", String.valueOf(BATCH), "1");
      send(jedis, "JRMTEST.TYPE.FILL", "rich", "r:", String.valueOf(BATCH), "1");
      if (forks && b % 50 == 25) {
        assertThat(jedis.bgsave()).isEqualTo("Background saving started");
        assertThat(awaitBgsave(jedis, Duration.ofSeconds(20))).isEqualTo("ok");
      }
      assertThat(jedis.del(keys.toArray(String[]::new))).isEqualTo(2L * BATCH);
    }
  }

  private static long heapUsed(Jedis jedis) {
    return (Long) send(jedis, "JRMTEST.HEAP.USED");
  }

  @ParameterizedTest(name = "forks {0}")
  @ValueSource(booleans = {false, true})
  void theJavaHeapStaysFlatUnderCreateAndDelete(boolean forks) throws InterruptedException {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      churn(jedis, 20, forks); // warm-up: classes loaded, lists at their working size
      long before = heapUsed(jedis);
      churn(jedis, 200, forks); // 400,000 values created and freed
      long after = heapUsed(jedis);
      System.out.println(
          "ValueChurnIT: heap used " + before + " -> " + after + " bytes (forks " + forks + ")");
      // A leak of one list entry and its slot per value would be about 15 MB here.
      assertThat(after - before)
          .as("heap growth over 400,000 values created and freed")
          .isLessThan(2_000_000);
    }
  }
}
