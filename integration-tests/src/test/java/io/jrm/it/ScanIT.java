package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** Scans ({@code Context.scan}, {@code Key.scan}) as a client sees them. */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class ScanIT {
  private static final int KEYS = 1000;

  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  @Test
  void theCallbackMayDeleteKeysWhileTheScanGoesOn(Jedis jedis) {
    for (int i = 0; i < KEYS; i++) {
      jedis.set((i % 2 == 0 ? "drop:" : "keep:") + i, "v");
    }
    assertThat(send(jedis, "JRMTEST.SCAN.DELETE", "drop:")).isEqualTo((long) KEYS / 2);
    assertThat(jedis.dbSize()).isEqualTo(KEYS / 2);
    assertThat(jedis.keys("drop:*")).isEmpty();
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void aKeysElementsAreScannedWithTheirValues(Jedis jedis) {
    jedis.hset("h", "f", "v");
    jedis.sadd("s", "m");
    jedis.zadd("z", 2, "e");
    assertThat(send(jedis, "JRMTEST.SCAN.ELEMENTS", "h")).isEqualTo(List.of("f", "v"));
    assertThat(send(jedis, "JRMTEST.SCAN.ELEMENTS", "s")).isEqualTo(List.of("m", "-"));
    assertThat(send(jedis, "JRMTEST.SCAN.ELEMENTS", "z")).isEqualTo(List.of("e", "2"));
    assertThat(send(jedis, "JRMTEST.SCAN.ELEMENTS", "missing")).isEqualTo(List.of());
  }

  @Test
  void scanningAStringIsAWrongTypeError(Jedis jedis) {
    jedis.set("str", "v");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.SCAN.ELEMENTS", "str"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageStartingWith("WRONGTYPE");
  }
}
