package io.jrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.Jedis;

@RedisServerTest(config = {"maxmemory 10mb", "save \"\""})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisServerTestAnnotationTest {

  private static final List<Long> CLIENT_IDS = new ArrayList<>();

  private final RedisServer constructorServer;
  private final Jedis constructorJedis;
  private Jedis beforeEachJedis;

  RedisServerTestAnnotationTest(RedisServer server, Jedis jedis) {
    this.constructorServer = server;
    this.constructorJedis = jedis;
  }

  @BeforeEach
  void rememberConnection(Jedis jedis) {
    beforeEachJedis = jedis;
  }

  @Test
  @Order(1)
  void setAndGet(Jedis jedis) {
    assertThat(jedis.set("greeting", "hello")).isEqualTo("OK");
    assertThat(jedis.get("greeting")).isEqualTo("hello");
    CLIENT_IDS.add(jedis.clientId());
  }

  @Test
  @Order(2)
  void serverIsInjectedAndSharedByTheClass(RedisServer server, Jedis jedis) {
    assertThat(server).isSameAs(constructorServer);
    assertThat(server.port()).isPositive().isNotEqualTo(6379);
    assertThat(server.host()).isEqualTo("127.0.0.1");
    assertThat(server.isRunning()).isTrue();
    // Same server as the previous test, so its data is still there.
    assertThat(jedis.get("greeting")).isEqualTo("hello");
    CLIENT_IDS.add(jedis.clientId());
  }

  @Test
  @Order(3)
  void oneConnectionPerTestSharedWithLifecycleMethodsAndConstructor(Jedis jedis) {
    assertThat(jedis).isSameAs(beforeEachJedis).isSameAs(constructorJedis);
    CLIENT_IDS.add(jedis.clientId());
  }

  @Test
  @Order(4)
  void configFromTheAnnotationIsApplied(Jedis jedis) {
    assertThat(jedis.configGet("maxmemory")).containsEntry("maxmemory", "10485760");
    assertThat(jedis.configGet("save")).containsEntry("save", "");
  }

  @AfterAll
  static void everyTestHadItsOwnConnection() {
    assertThat(CLIENT_IDS).hasSize(3).doesNotHaveDuplicates();
  }

  @Nested
  class NestedTests {
    @Test
    void nestedClassesShareTheEnclosingServer(RedisServer server) {
      assertThat(server).isSameAs(constructorServer);
    }
  }
}
