package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** What the context tells and does: client id, databases, clock, log, key positions. */
@RedisServerTest(
    modules = @LoadModule(path = "${jrm.test.module}"),
    config = {"loglevel debug"})
class ContextIT {
  @Test
  void clientIdIsTheConnectionsId(Jedis jedis, RedisServer server) {
    long id = (Long) send(jedis, "JRMTEST.API.CTX.CLIENTID");
    assertThat(id).isPositive().isEqualTo(jedis.clientId());
    try (Jedis other = server.client()) {
      assertThat(send(other, "JRMTEST.API.CTX.CLIENTID"))
          .isEqualTo(other.clientId())
          .isNotEqualTo(id);
    }
  }

  @Test
  void selectDbSwitchesTheClientsDatabase(Jedis jedis) {
    try {
      assertThat(send(jedis, "JRMTEST.API.CTX.SELECT", "3")).isEqualTo(3L);
      // The selection outlives the command: the connection now works in database 3.
      assertThat(jedis.clientInfo()).contains(" db=3 ");
      jedis.set("in-db-3", "yes");
      assertThat(jedis.get("in-db-3")).isEqualTo("yes");
    } finally {
      assertThat(send(jedis, "JRMTEST.API.CTX.SELECT", "0")).isEqualTo(0L);
    }
    assertThat(jedis.get("in-db-3")).isNull();
  }

  @Test
  void selectingAMissingDatabaseFails(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.API.CTX.SELECT", "16"))
        .hasMessage("ERR DB index is out of range");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.API.CTX.SELECT", "-1"))
        .hasMessage("ERR DB index is out of range");
    assertThat(jedis.clientInfo()).contains(" db=0 ");
  }

  @Test
  void millisecondsFollowsRedissClock(Jedis jedis) {
    List<String> time = jedis.time();
    long redisMillis = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
    long moduleMillis = (Long) send(jedis, "JRMTEST.API.CTX.MILLIS");
    assertThat(moduleMillis).isBetween(redisMillis, redisMillis + 1000);
  }

  @Test
  void logLinesCarryTheirLevel(Jedis jedis, RedisServer server) {
    for (String level : List.of("debug", "verbose", "notice", "warning")) {
      assertThat(send(jedis, "JRMTEST.API.CTX.LOG", level, "ctxit-" + level)).isEqualTo("OK");
    }
    // Redis marks levels with one character: . debug, - verbose, * notice, # warning.
    assertThat(server.logTail(200))
        .contains(
            ". <jrmtest> ctxit-debug", "- <jrmtest> ctxit-verbose",
            "* <jrmtest> ctxit-notice", "# <jrmtest> ctxit-warning");
  }

  @Test
  void commandGetKeysAsksTheCommand(Jedis jedis) {
    // argv[1] is the declared first key, but the getkeys-api answer overrides it.
    assertThat(
            send(jedis, "COMMAND", "GETKEYS", "JRMTEST.API.GETKEYS", "notakey", "KEYS", "k1", "k2"))
        .isEqualTo(List.of("k1", "k2"));
    assertThat(send(jedis, "COMMAND", "GETKEYS", "JRMTEST.API.GETKEYS", "a", "b", "KEYS", "only"))
        .isEqualTo(List.of("only"));
    // Called for real, the command replies instead of reporting positions.
    assertThat(send(jedis, "JRMTEST.API.GETKEYS", "notakey", "KEYS", "k1", "k2"))
        .isEqualTo(List.of("k1", "k2"));
  }
}
