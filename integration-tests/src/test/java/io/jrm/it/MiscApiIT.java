package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;

/** Unsigned and long double strings, LRU/LFU, clients by id and ResetDataset, as Java sees them. */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class MiscApiIT {
  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
    jedis.configSet("maxmemory-policy", "noeviction");
  }

  @Test
  void unsignedStringsCoverAll64Bits(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.MISC.UNSIGNED", "18446744073709551615"))
        .isEqualTo(List.of("18446744073709551615", -1L));
    assertThat(send(jedis, "JRMTEST.MISC.UNSIGNED", "42")).isEqualTo(List.of("42", 42L));
    for (String refused : new String[] {"18446744073709551616", "-1", "1.5", "1 "}) {
      assertThatThrownBy(() -> send(jedis, "JRMTEST.MISC.UNSIGNED", refused))
          .as(refused)
          .isInstanceOf(JedisDataException.class)
          .hasMessage("ERR value is not an integer or out of range");
    }
  }

  @Test
  void aLongDoubleComesExactly(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.MISC.LONGDOUBLE", "0.5")).isEqualTo("0.5");
    assertThat(send(jedis, "JRMTEST.MISC.LONGDOUBLE", "-3")).isEqualTo("-3");
    // 0.1 in 64 bits of significand: closer to 0.1 than a double's 0.1000000000000000055511...
    assertThat((String) send(jedis, "JRMTEST.MISC.LONGDOUBLE", "0.1"))
        .startsWith("0.1000000000000000000013552527156068805425");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.MISC.LONGDOUBLE", "abc"))
        .hasMessage("ERR value is not a valid float");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.MISC.LONGDOUBLE", "inf"))
        .hasMessage("ERR value is not a valid float");
  }

  @Test
  void theEvictionClockThePolicyKeepsIsSetAndRead(Jedis jedis) {
    jedis.set("k", "v");
    jedis.configSet("maxmemory-policy", "allkeys-lru");
    List<?> lru = (List<?>) send(jedis, "JRMTEST.MISC.CLOCKS", "k", "100000", "7");
    assertThat(lru.subList(0, 2)).isEqualTo(List.of(1L, 0L));
    assertThat((Long) lru.get(2)).isBetween(100000L, 110000L);
    assertThat(lru.get(3)).isEqualTo(-1L);
    assertThat(jedis.objectIdletime("k")).isGreaterThanOrEqualTo(100L);

    jedis.configSet("maxmemory-policy", "allkeys-lfu");
    assertThat(send(jedis, "JRMTEST.MISC.CLOCKS", "k", "100000", "7"))
        .isEqualTo(List.of(0L, 1L, -1L, 7L));
    assertThat(jedis.objectFreq("k")).isEqualTo(7L);
    assertThat(send(jedis, "JRMTEST.MISC.CLOCKS", "missing", "1", "1"))
        .isEqualTo(List.of(0L, 0L, -1L, -1L));
  }

  @Test
  void aClientIsFoundByIdAndNamed(Jedis jedis) {
    long id = jedis.clientId();
    jedis.select(3);
    assertThat(send(jedis, "JRMTEST.MISC.CLIENT", Long.toString(id)))
        .isEqualTo(Arrays.asList("[]", 3L, "127.0.0.1", null));
    assertThat(send(jedis, "JRMTEST.MISC.SETNAME", "reader")).isEqualTo(1L);
    assertThat(send(jedis, "JRMTEST.MISC.SETNAME", "with space")).isEqualTo(0L);
    assertThat(jedis.clientGetname()).isEqualTo("reader");
    send(jedis, "CLIENT", "TRACKING", "on");
    assertThat(send(jedis, "JRMTEST.MISC.CLIENT", Long.toString(id)))
        .isEqualTo(Arrays.asList("[TRACKING]", 3L, "127.0.0.1", "reader"));
  }

  @Test
  void noClientHasAnUnknownId(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.MISC.CLIENT", "999999999")).isNull();
  }

  @Test
  void resetDatasetEmptiesEveryDatabase(Jedis jedis) {
    jedis.set("a", "1");
    jedis.select(2);
    jedis.set("b", "2");
    assertThat(send(jedis, "JRMTEST.MISC.RESET")).isEqualTo("OK");
    assertThat(jedis.dbSize()).isZero();
    jedis.select(0);
    assertThat(jedis.dbSize()).isZero();
  }

  @Test
  void unlinkRemovesTheValue(Jedis jedis) {
    jedis.set("k", "v");
    assertThat(send(jedis, "JRMTEST.MISC.UNLINK", "k")).isEqualTo(List.of(1L, 0L));
    assertThat(send(jedis, "JRMTEST.MISC.UNLINK", "k")).isEqualTo(List.of(0L, 0L));
  }

  @Test
  void anAbsoluteExpiryIsWhatPexpiretimeShows(Jedis jedis) {
    jedis.set("k", "v");
    long at = 4_102_444_800_000L; // 2100-01-01
    assertThat(send(jedis, "JRMTEST.MISC.EXPIREAT", "k", Long.toString(at))).isEqualTo(at);
    assertThat(send(jedis, "PEXPIRETIME", "k")).isEqualTo(at);
    assertThat(send(jedis, "JRMTEST.MISC.EXPIREAT", "k", "-1")).isEqualTo(-1L);
    assertThat(jedis.ttl("k")).isEqualTo(-1L);
  }

  @Test
  void aSignalledKeyFailsTheTransactionsThatWatchIt(Jedis jedis, RedisServer server) {
    jedis.set("k", "v");
    try (Jedis watcher = new Jedis(server.host(), server.port())) {
      watcher.watch("k");
      Transaction transaction = watcher.multi();
      transaction.get("k");
      assertThat(send(jedis, "JRMTEST.MISC.SIGNAL", "k")).isEqualTo("OK");
      assertThat(transaction.exec()).isNull();
    }
  }

  @Test
  void aPublishedMessageReachesItsSubscribers(Jedis jedis, RedisServer server) throws Exception {
    try (RawClient subscriber = new RawClient(server)) {
      subscriber.send("SUBSCRIBE", "news");
      assertThat(subscriber.readReply()).contains("subscribe", "news");
      assertThat(send(jedis, "JRMTEST.MISC.PUBLISH", "news", "hello")).isEqualTo(List.of(1L, 0L));
      assertThat(subscriber.readReply()).contains("message", "news", "hello");
    }
  }

  @Test
  void aDoubleIsWrittenAsRedisWritesScores(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.MISC.DOUBLE", "0.1")).isEqualTo("0.10000000000000001!");
    assertThat(send(jedis, "JRMTEST.MISC.DOUBLE", "3")).isEqualTo("3!");
  }

  @Test
  void aYieldingCommandLetsOtherClientsSeeItIsBusy(Jedis jedis, RedisServer server)
      throws Exception {
    jedis.configSet("busy-reply-threshold", "50");
    try (RawClient spinner = new RawClient(server)) {
      spinner.send("JRMTEST.MISC.SPIN", "3000");
      String answer = "";
      for (int attempt = 0; attempt < 100 && !answer.startsWith("BUSY"); attempt++) {
        try {
          answer = jedis.ping();
          Thread.sleep(20); // the spin has not started or not yet passed the threshold
        } catch (JedisDataException busy) {
          answer = busy.getMessage();
        }
      }
      assertThat(answer).isEqualTo("BUSY jrmtest is spinning");
      assertThat(spinner.readReply()).isEqualTo("+OK\r\n");
    } finally {
      jedis.configSet("busy-reply-threshold", "5000");
    }
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void theUserMemoryRatioLatencyAndKnownFlags(Jedis jedis) {
    jedis.configSet("latency-monitor-threshold", "100");
    assertThat(send(jedis, "JRMTEST.MISC.SERVER")).isEqualTo(List.of("default", 0L, 1L));
    jedis.configSet("maxmemory", "100000000");
    List<?> limited = (List<?>) send(jedis, "JRMTEST.MISC.SERVER");
    assertThat((Long) limited.get(1)).isBetween(1L, 999L);
    jedis.configSet("maxmemory", "0");
    jedis.configSet("latency-monitor-threshold", "0");
    assertThat(send(jedis, "LATENCY", "HISTORY", "jrmtest-event").toString()).contains("150");
  }
}
