package io.jrm.it;

import static io.jrm.it.TypeServers.assertCleanLog;
import static io.jrm.it.TypeServers.awaitBgsave;
import static io.jrm.it.TypeServers.builder;
import static io.jrm.it.TypeServers.client;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.RedisServer;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Long doubles in a data type's RDB encoding ({@code SaveLongDouble}, {@code LoadLongDouble}, the
 * {@code jrmtest-e} type): a value goes to RDB as the long double nearest it and comes back as that
 * long double's exact value, through every path a value is written by: Java in the server (SAVE,
 * DUMP), the replay of its prepared form in a forked child (BGSAVE), and that form read back in
 * Java (COPY).
 */
class LongDoublePersistenceIT {
  /**
   * The long double nearest 1.1 (x87: 10145709240540253389 / 2^63), exactly. A double holds
   * 1.100000000000000088817841970012523233890533447265625: eleven fewer bits.
   */
  private static final String ONE_POINT_ONE =
      "1.100000000000000000021684043449710088680149056017398834228515625";

  /** What the type holds after a trip through RDB: 1.1 rounded, 0.5 and -3 exact. */
  private static final String LOADED = ONE_POINT_ONE + " 0.5 -3";

  private static String get(Jedis jedis, String key) {
    return (String) send(jedis, "JRMTEST.ETYPE.GET", key);
  }

  @Test
  void aValueGivenAsDecimalsReadsBackTheLongDoublesNearestThem() {
    assertThat(new BigDecimal(ONE_POINT_ONE)).isNotEqualTo(new BigDecimal(1.1));
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      assertThat(send(jedis, "JRMTEST.ETYPE.ADD", "k", "1.1", "0.5", "-3")).isEqualTo(3L);
      assertThat(get(jedis, "k")).isEqualTo("1.1 0.5 -3");
      assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
      assertThat(get(jedis, "k")).isEqualTo(LOADED);
      assertCleanLog(server);
    }
  }

  @Test
  void dumpAndRestoreCarryTheLongDoubles() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.ETYPE.ADD", "k", "1.1", "0.5", "-3");
      byte[] dump = jedis.dump("k");
      assertThat(jedis.restore("restored", 0, dump)).isEqualTo("OK");
      assertThat(get(jedis, "restored")).isEqualTo(LOADED);
    }
  }

  @Test
  void aCopyGoesThroughThePreparedFormAndRoundsTheSameWay() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.ETYPE.ADD", "k", "1.1", "0.5", "-3");
      assertThat(jedis.copy("k", "copy", false)).isTrue();
      assertThat(get(jedis, "copy")).isEqualTo(LOADED);
    }
  }

  /**
   * A forked child runs no Java: it replays the form the parent prepared before the fork, so the
   * long double must be in that form (its 16 bytes), and the child's {@code SaveLongDouble} must
   * write what Java's would.
   */
  @Test
  void aForkedChildWritesTheLongDoublesPreparedBeforeTheFork() throws InterruptedException {
    try (RedisServer server = builder().start()) {
      try (Jedis jedis = client(server)) {
        send(jedis, "JRMTEST.ETYPE.ADD", "k", "1.1", "0.5", "-3");
        assertThat(jedis.bgsave()).isEqualTo("Background saving started");
        assertThat(awaitBgsave(jedis, Duration.ofSeconds(20))).isEqualTo("ok");
      }
      server.restart(); // --save "": stopping does not save again
      try (Jedis again = client(server)) {
        assertThat(get(again, "k")).isEqualTo(LOADED);
      }
      assertCleanLog(server);
    }
  }
}
