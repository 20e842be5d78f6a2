package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.util.KeyValue;

/**
 * Context.call: every argument specifier of RedisModule_Call, and every modifier through
 * callWithFlags. The replication modifiers ({@code !}, {@code A}, {@code R}) are in {@link
 * ReplicationIT}.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class CallIT {
  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
    jedis.hset("h", "f", "v");
  }

  @Test
  void everyArgumentSpecifierReachesTheCommand(Jedis jedis) {
    @SuppressWarnings("unchecked")
    List<Object> list =
        (List<Object>) jedis.sendCommand(() -> bytes("JRMTEST.API.CALL.SPECIFIERS"), bytes("list"));
    // c: String, b: byte[] (binary), l: long and int, v: RedisString[] (each its own argument).
    assertThat(list)
        .containsExactly(
            (Object[])
                new byte[][] {
                  bytes("c-text"),
                  new byte[] {'b', 0, (byte) 0xff},
                  bytes("-42"),
                  bytes("7"),
                  bytes("v1"),
                  new byte[] {'v', 0, '2'}
                });
    // s: the key itself was a RedisString of argv.
    assertThat(jedis.llen("list")).isEqualTo(6);
  }

  @Test
  void repliesAreResp2UnlessAsked(Jedis jedis) {
    assertThat(call(jedis, "", "HGETALL", "h"))
        .containsExactly("ARRAY", "*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
  }

  @Test
  void flag3AsksForResp3Replies(Jedis jedis) {
    assertThat(call(jedis, "3", "HGETALL", "h"))
        .containsExactly("MAP", "%1\r\n$1\r\nf\r\n$1\r\nv\r\n");
    assertThat(call(jedis, "3", "HEXISTS", "h", "f")).containsExactly("INTEGER", ":1\r\n");
  }

  @Test
  void flag0FollowsTheCallersProtocol(Jedis jedis, RedisServer server) {
    assertThat(call(jedis, "0", "HGETALL", "h").get(0)).isEqualTo("ARRAY");
    try (Jedis resp3 =
        new Jedis(
            server.hostAndPort(),
            DefaultJedisClientConfig.builder().protocol(RedisProtocol.RESP3).build())) {
      assertThat(call(resp3, "0", "HGETALL", "h").get(0)).isEqualTo("MAP");
      assertThat(call(resp3, "", "HGETALL", "h").get(0)).isEqualTo("ARRAY");
    }
  }

  @Test
  void forwardedRepliesKeepTheirProtocol(Jedis jedis, RedisServer server) {
    assertThat(send(jedis, "JRMTEST.API.CALL.FORWARD", "0", "HGETALL", "h"))
        .isEqualTo(List.of("f", "v"));
    try (Jedis resp3 =
        new Jedis(
            server.hostAndPort(),
            DefaultJedisClientConfig.builder().protocol(RedisProtocol.RESP3).build())) {
      Object map = resp3.sendCommand(() -> bytes("JRMTEST.API.CALL.FORWARD"), "3", "HGETALL", "h");
      assertThat(map)
          .asInstanceOf(InstanceOfAssertFactories.LIST)
          .singleElement()
          .isInstanceOfSatisfying(
              KeyValue.class,
              entry -> {
                assertThat((byte[]) entry.getKey()).isEqualTo(bytes("f"));
                assertThat((byte[]) entry.getValue()).isEqualTo(bytes("v"));
              });
    }
  }

  @Test
  void aResp3ReplyCannotBeForwardedToAResp2Client(Jedis jedis) {
    // Redis refuses (ReplyWithCallReply returns ERR); the command must then fail, not go silent.
    assertThatThrownBy(() -> send(jedis, "JRMTEST.API.CALL.FORWARD", "3", "HGETALL", "h"))
        .hasMessageContaining("RESP3");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void flagCChecksTheCallersAcl(Jedis jedis, RedisServer server) {
    jedis.aclSetUser("nosetter", "on", "nopass", "+@all", "-set", "~*", "&*");
    try (Jedis limited = server.client()) {
      limited.auth("nosetter", "any");
      assertThat(call(limited, "C", "SET", "k", "v"))
          .containsExactly(
              "ERROR", "-ERR acl verification failed, can't run this command or subcommand.\r\n");
      assertThat(call(limited, "C", "GET", "k")).containsExactly("NULL", "$-1\r\n");
      // Without C the module runs commands with full rights.
      assertThat(call(limited, "", "SET", "k", "v")).containsExactly("STRING", "+OK\r\n");
    } finally {
      jedis.aclDelUser("nosetter");
    }
    assertThat(jedis.get("k")).isEqualTo("v");
  }

  @Test
  void flagSRefusesCommandsScriptsCannotRun(Jedis jedis) {
    assertThat(call(jedis, "S", "ACL", "GENPASS"))
        .containsExactly("ERROR", "-ERR command 'acl|genpass' is not allowed on script mode\r\n");
    assertThat(call(jedis, "", "ACL", "GENPASS").get(0)).isEqualTo("STRING");
  }

  @Test
  void flagSRefusesWritesWithoutEnoughReplicas(Jedis jedis) {
    jedis.configSet("min-replicas-to-write", "1");
    try {
      assertThat(call(jedis, "S", "SET", "k", "v"))
          .containsExactly("ERROR", "-NOREPLICAS Not enough good replicas to write.\r\n");
      assertThat(call(jedis, "S", "GET", "k")).containsExactly("NULL", "$-1\r\n");
      assertThat(call(jedis, "", "SET", "k", "v")).containsExactly("STRING", "+OK\r\n");
    } finally {
      jedis.configSet("min-replicas-to-write", "0");
    }
  }

  @Test
  void flagWRefusesWrites(Jedis jedis) {
    assertThat(call(jedis, "W", "SET", "k", "v"))
        .containsExactly(
            "ERROR", "-ERR Write command 'set' was called while write is not allowed.\r\n");
    assertThat(call(jedis, "W", "HGET", "h", "f")).containsExactly("STRING", "$1\r\nv\r\n");
    assertThat(jedis.exists("k")).isFalse();
  }

  @Test
  void flagMRefusesDenyOomCommandsOverMaxmemory(Jedis jedis) {
    jedis.configSet("maxmemory", "1");
    try {
      assertThat(call(jedis, "M", "SET", "k", "v"))
          .containsExactly("ERROR", "-OOM command not allowed when used memory > 'maxmemory'.\r\n");
      assertThat(call(jedis, "M", "HGET", "h", "f")).containsExactly("STRING", "$1\r\nv\r\n");
      assertThat(call(jedis, "", "SET", "k", "v")).containsExactly("STRING", "+OK\r\n");
    } finally {
      jedis.configSet("maxmemory", "0");
    }
    assertThat(call(jedis, "M", "SET", "k", "v")).containsExactly("STRING", "+OK\r\n");
  }

  @Test
  void errorsAlwaysComeBackAsErrorReplies(Jedis jedis) {
    // E is added to every call; naming it too changes nothing.
    for (String flags : List.of("", "E")) {
      assertThat(call(jedis, flags, "NOSUCHCOMMAND", "x").get(1))
          .startsWith("-ERR unknown command 'NOSUCHCOMMAND'");
      assertThat(call(jedis, flags, "GET").get(1))
          .isEqualTo("-ERR wrong number of arguments for 'get' command\r\n");
      assertThat(call(jedis, flags, "LPUSH", "h", "x").get(1)).startsWith("-WRONGTYPE");
    }
  }

  @Test
  void callsInARowEachRunTheirOwnCommandAndArguments(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.CALL.SEQUENCE", "list")).isEqualTo(List.of(1L, 1L, 3L, 4L, 4L));
    assertThat(jedis.lrange("list", 0, -1)).containsExactly("a", "b", "c", "d");
  }

  @Test
  void aReplyAndItsElementsAreRefusedOnceClosed(Jedis jedis) {
    jedis.rpush("list", "one", "two");
    assertThat(send(jedis, "JRMTEST.CALL.FREED", "list"))
        .isEqualTo(List.of("this CallReply was freed", "this CallReply was freed"));
  }

  @Test
  void integerReadsIntegerRepliesOnlyAndThrowsTheCommandsError(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.CALL.INTEGER", "INCR", "n")).isEqualTo(1L);
    // The one integer Redis also answers for replies of other types.
    jedis.set("min", Long.toString(Long.MIN_VALUE));
    assertThat(send(jedis, "JRMTEST.CALL.INTEGER", "INCRBY", "min", "0")).isEqualTo(Long.MIN_VALUE);
    assertThat(send(jedis, "JRMTEST.CALL.INTEGER", "GET", "min"))
        .isEqualTo("IllegalStateException: the reply is STRING, not INTEGER");
    assertThat(send(jedis, "JRMTEST.CALL.INTEGER", "LPUSH", "min", "x"))
        .asString()
        .startsWith("RedisException: WRONGTYPE");
  }

  /** [reply type, reply in RESP] of the command run with {@code flags}. */
  @SuppressWarnings("unchecked")
  private static List<String> call(Jedis jedis, String flags, String... command) {
    String[] args = Stream.concat(Stream.of(flags), Stream.of(command)).toArray(String[]::new);
    return (List<String>) send(jedis, "JRMTEST.API.CALL.FLAGS", args);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
