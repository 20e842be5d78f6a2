package ${package};

import static io.jrm.testkit.Commands.send;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * {@code ${moduleName}.count} as a client sees it, in a real redis-server that loads {@code
 * target/${moduleName}.so}: one server for the class, a new connection for each test. JRM's
 * docs/testing.md tells what else the test kit does.
 */
@RedisServerTest(
    modules = @LoadModule(path = "target/${moduleName}.so"),
    config = {"repl-diskless-sync-delay 0"}) // a replica syncs at once, not after 5 s
class CounterModuleIT {
  private static final String COUNT = "${moduleName}.count";

  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  @Test
  void countAddsTheIncrementAndRepliesWithTheTotal(Jedis jedis) {
    assertEquals(1L, send(jedis, COUNT, "visits"));
    assertEquals(11L, send(jedis, COUNT, "visits", "10"));
    assertEquals(6L, send(jedis, COUNT, "visits", "-5"));
    assertEquals("${dataTypeName}", jedis.type("visits"));
  }

  @Test
  void badInputGetsAnErrorAndChangesNothing(Jedis jedis) {
    jedis.set("text", "not a counter");
    send(jedis, COUNT, "visits", "5");

    assertError(
        "WRONGTYPE Operation against a key holding the wrong kind of value", jedis, "text");
    assertError("ERR value is not an integer or out of range", jedis, "visits", "ten");
    assertError("ERR increment would overflow", jedis, "visits", "" + Long.MAX_VALUE);
    assertError(
        "ERR wrong number of arguments for '" + COUNT + "' command", jedis, "visits", "1", "2");
    assertEquals(5L, send(jedis, COUNT, "visits", "0"));
    assertEquals("not a counter", jedis.get("text"));
  }

  @Test
  void theTotalSurvivesARestart(RedisServer server, Jedis jedis) {
    send(jedis, COUNT, "visits", "42");
    jedis.save();

    server.restart(); // the same port and directory: the new process loads dump.rdb

    try (Jedis afterRestart = server.client()) {
      assertEquals(43L, send(afterRestart, COUNT, "visits"));
    }
  }

  @Test
  void aReplicaGetsTheCounter(RedisServer server, Jedis jedis) {
    send(jedis, COUNT, "before-sync", "1");
    try (RedisServer replica =
            RedisServer.builder()
                .module(Path.of("target/${moduleName}.so"))
                .replicaOf(server)
                .start();
        Jedis onReplica = replica.client()) {
      send(jedis, COUNT, "after-sync", "2");
      assertEquals(1L, jedis.waitReplicas(1, 10_000));

      assertArrayEquals(jedis.dump("before-sync"), onReplica.dump("before-sync"));
      assertArrayEquals(jedis.dump("after-sync"), onReplica.dump("after-sync"));
    }
  }

  private static void assertError(String error, Jedis jedis, String... args) {
    JedisDataException thrown =
        assertThrows(JedisDataException.class, () -> send(jedis, COUNT, args));
    assertEquals(error, thrown.getMessage());
  }
}
