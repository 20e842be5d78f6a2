package io.jrm.it;

import static io.jrm.it.TypeServers.FORKED_JAVA;
import static io.jrm.it.TypeServers.awaitAofRewrite;
import static io.jrm.it.TypeServers.awaitBgsave;
import static io.jrm.it.TypeServers.builder;
import static io.jrm.it.TypeServers.client;
import static io.jrm.it.TypeServers.log;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.RedisServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

/**
 * Server events ({@code Context.subscribeToServerEvent}): what a Java listener receives, typed;
 * that no listener runs in a forked child, where the stub writes the line prepared for it; and that
 * a Java subscription to config changes leaves the stub's own (which data types need) working.
 */
@Timeout(60)
class ServerEventsIT {
  private static final Duration FORK_TIMEOUT = Duration.ofSeconds(20);

  private static List<String> received(Jedis jedis) {
    return ((List<?>) send(jedis, "JRMTEST.EVENTS.RECEIVED"))
        .stream().map(String::valueOf).toList();
  }

  @Test
  void listenersReceiveTypedEventData() throws Exception {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      assertThat(send(jedis, "JRMTEST.EVENTS.SUBSCRIBE")).isEqualTo("OK");
      jedis.select(3);
      jedis.set("k", "v");
      jedis.flushDB();
      jedis.swapDB(0, 1);
      jedis.configSet("maxmemory-policy", "allkeys-lru");
      assertThat(received(jedis))
          .containsExactly(
              "FlushEvent[subEvent=FLUSHDB_START, sync=true, db=3]",
              "FlushEvent[subEvent=FLUSHDB_END, sync=true, db=3]",
              "SwapDbEvent[subEvent=SWAPDB, firstDb=0, secondDb=1]",
              "ConfigChangeEvent[subEvent=CONFIG_CHANGE, configNames=[maxmemory-policy]]");

      long id;
      String address;
      try (Jedis other = client(server)) {
        id = other.clientId();
        address = other.clientInfo().replaceAll("(?s)^.*?\\baddr=([^ ]+).*", "$1");
      }
      String[] hostPort = address.split(":");
      assertThat(received(jedis))
          .contains(
              "ClientChangeEvent[subEvent=CLIENT_CONNECTED, flags=0, id="
                  + id
                  + ", address="
                  + hostPort[0]
                  + ", port="
                  + hostPort[1]
                  + ", db=0]");

      assertThat(send(jedis, "JRMTEST.EVENTS.UNSUBSCRIBE-FLUSH")).isEqualTo("OK");
      jedis.flushAll();
      assertThat(received(jedis)).isEmpty();
    }
  }

  @Test
  void redisAnswersWhichSubeventsItSupports() throws Exception {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      assertThat(send(jedis, "JRMTEST.EVENTS.SUPPORTED", "NOW_MASTER")).isEqualTo(1L);
      assertThat(send(jedis, "JRMTEST.EVENTS.SUPPORTED", "CONFIG_CHANGE")).isEqualTo(1L);
      // Redis 7.0's own answer, though it fires the shutdown event.
      assertThat(send(jedis, "JRMTEST.EVENTS.SUPPORTED", "SHUTDOWN")).isEqualTo(0L);
      assertThat(send(jedis, "JRMTEST.EVENTS.SUPPORTED", "REPL_BACKUP_CREATE")).isEqualTo(0L);
    }
  }

  @Test
  void aForkedChildRunsNoListenerAndLogsThePreparedLines() throws Exception {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.EVENTS.SUBSCRIBE");
      jedis.set("k", "v");
      assertThat(jedis.bgsave()).contains("Background saving started");
      assertThat(awaitBgsave(jedis, FORK_TIMEOUT)).isEqualTo("ok");
      // The child's persistence events never reach Java: only the connection of the client above.
      assertThat(received(jedis)).noneMatch(event -> event.contains("PERSISTENCE"));
      assertThat(log(server))
          .contains("jrmtest: child saves")
          .contains("jrmtest: child saved")
          .doesNotContain(FORKED_JAVA);

      assertThat(jedis.save()).isEqualTo("OK");
      assertThat(received(jedis))
          .containsExactly(
              "PlainServerEvent[subEvent=PERSISTENCE_SYNC_RDB_START]",
              "PlainServerEvent[subEvent=PERSISTENCE_ENDED]");
    }
  }

  @Test
  void aThrowingListenerIsLoggedAndRedisGoesOn() throws Exception {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.EVENTS.THROWING-SWAPDB");
      assertThat(jedis.swapDB(0, 2)).isEqualTo("OK");
      assertThat(jedis.ping()).isEqualTo("PONG");
      assertThat(log(server))
          .contains("server event 11 callback threw java.lang.IllegalStateException")
          .contains("listener failed on 0");
    }
  }

  @Test
  void aJavaConfigSubscriptionKeepsTheStubsAofPreambleWatch() throws Exception {
    try (RedisServer server =
            builder().config("appendonly", "yes").config("aof-use-rdb-preamble", "yes").start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.EVENTS.SUBSCRIBE");
      send(jedis, "JRMTEST.ATYPE.PUSH", "a:list", "x", "y");
      // The stub learns of the change through the same callback that hands it to Java.
      assertThat(jedis.configSet("aof-use-rdb-preamble", "no")).isEqualTo("OK");
      assertThat(received(jedis))
          .contains(
              "ConfigChangeEvent[subEvent=CONFIG_CHANGE, configNames=[aof-use-rdb-preamble]]");
      assertThat(jedis.bgrewriteaof()).contains("Background append only file rewriting");
      assertThat(awaitAofRewrite(jedis, FORK_TIMEOUT)).isEqualTo("ok");
      assertThat(AofFiles.baseFile(server.dir()).getFileName().toString()).endsWith(".base.aof");
      assertThat(
              AofFiles.commands(AofFiles.baseFile(server.dir())).stream()
                  .map(AofFiles::text)
                  .toList())
          .contains(List.of("JRMTEST.ATYPE.PUSH", "a:list", "x", "y"));
      assertThat(log(server)).doesNotContain(FORKED_JAVA);
    }
  }
}
