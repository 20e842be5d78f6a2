package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The database, keys, randomness and the server version, as Java sees them. */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class ServerApiIT {
  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  @Test
  void theDatabaseSizeKeyExistenceAndARandomKey(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.SERVER.KEYS", "k")).isEqualTo(Arrays.asList(0L, 0L, null));
    jedis.set("k", "v");
    assertThat(send(jedis, "JRMTEST.SERVER.KEYS", "k")).isEqualTo(List.of(1L, 1L, "k"));
    jedis.set("other", "v");
    List<?> keys = (List<?>) send(jedis, "JRMTEST.SERVER.KEYS", "missing");
    assertThat(keys.subList(0, 2)).isEqualTo(List.of(2L, 0L));
    assertThat(keys.get(2)).isIn("k", "other");
  }

  @Test
  void randomBytesAndHexCharsHaveTheirLengthAndDiffer(Jedis jedis) {
    List<?> first = (List<?>) send(jedis, "JRMTEST.SERVER.RANDOM", "16");
    List<?> second = (List<?>) send(jedis, "JRMTEST.SERVER.RANDOM", "16");
    assertThat((String) first.get(0)).hasSize(32).isNotEqualTo(second.get(0));
    assertThat((String) first.get(1)).matches("[0-9a-f]{16}").isNotEqualTo(second.get(1));
    assertThat(send(jedis, "JRMTEST.SERVER.RANDOM", "0")).isEqualTo(List.of("", ""));
  }

  @Test
  void theServerVersionIsRedissOwn(Jedis jedis) {
    String[] version = Info.field(jedis, "server", "redis_version").split("\\.");
    long expected =
        (Long.parseLong(version[0]) << 16)
            | (Long.parseLong(version[1]) << 8)
            | Long.parseLong(version[2]);
    assertThat(send(jedis, "JRMTEST.SERVER.VERSION")).isEqualTo(List.of(expected, 0L));
  }
}
