package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The {@code example.*} commands of {@link MoreExamples}, as a client sees them. */
@RedisServerTest(modules = @LoadModule(path = "target/helloworld.so"), config = "loglevel debug")
class MoreExamplesIT {
  private static final String WRONGTYPE =
      "WRONGTYPE Operation against a key holding the wrong kind of value";

  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  @Test
  void mlenReportsItsKeysItself(Jedis jedis) {
    assertThat(send(jedis, "COMMAND", "GETKEYS", "EXAMPLE.MLEN", "2", "a", "b"))
        .isEqualTo(List.of("a", "b"));
    assertThat(send(jedis, "COMMAND", "GETKEYS", "EXAMPLE.MLEN", "1", "only"))
        .isEqualTo(List.of("only"));
  }

  @Test
  void mlenSumsTheLengthsOfItsKeys(Jedis jedis) {
    jedis.set("s", "hello");
    jedis.rpush("l", "a", "b", "c");
    assertThat(send(jedis, "EXAMPLE.MLEN", "3", "s", "l", "missing")).isEqualTo(8L);
    assertThat(send(jedis, "EXAMPLE.MLEN", "0")).isEqualTo(0L);
    assertThatThrownBy(() -> send(jedis, "EXAMPLE.MLEN", "x", "s"))
        .hasMessage("ERR invalid numkeys");
    assertThatThrownBy(() -> send(jedis, "EXAMPLE.MLEN", "2", "s"))
        .hasMessage("ERR wrong number of arguments for 'example.mlen' command");
  }

  @Test
  void truncateCutsAndPadsStrings(Jedis jedis) {
    jedis.set("s", "hello world");
    assertThat(send(jedis, "EXAMPLE.TRUNCATE", "s", "5")).isEqualTo(5L);
    assertThat(jedis.get("s")).isEqualTo("hello");
    assertThat(send(jedis, "EXAMPLE.TRUNCATE", "s", "7")).isEqualTo(7L);
    assertThat(jedis.get("s")).isEqualTo("hello\0\0");
    assertThat(send(jedis, "EXAMPLE.TRUNCATE", "new", "2")).isEqualTo(2L);
    assertThat(jedis.get("new")).isEqualTo("\0\0");
    jedis.rpush("list", "a");
    assertThatThrownBy(() -> send(jedis, "EXAMPLE.TRUNCATE", "list", "1")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "EXAMPLE.TRUNCATE", "s", "-1"))
        .hasMessage("ERR invalid length");
  }

  @Test
  void joinAppendsWithTheSeparator(Jedis jedis) {
    assertThat(send(jedis, "EXAMPLE.JOIN", ", ", "a", "b", "c")).isEqualTo("a, b, c");
    assertThat(send(jedis, "EXAMPLE.JOIN", "-", "alone")).isEqualTo("alone");
    assertThatThrownBy(() -> send(jedis, "EXAMPLE.JOIN", "-"))
        .hasMessage("ERR wrong number of arguments for 'example.join' command");
  }

  @Test
  void hsetHonoursNxAndXx(Jedis jedis) {
    assertThat(send(jedis, "EXAMPLE.HSET", "h", "XX", "f", "1")).isEqualTo(0L);
    assertThat(jedis.exists("h")).isFalse();
    assertThat(send(jedis, "EXAMPLE.HSET", "h", "NX", "f", "1")).isEqualTo(1L);
    assertThat(send(jedis, "EXAMPLE.HSET", "h", "nx", "f", "2")).isEqualTo(0L);
    assertThat(jedis.hget("h", "f")).isEqualTo("1");
    assertThat(send(jedis, "EXAMPLE.HSET", "h", "XX", "f", "3")).isEqualTo(1L);
    assertThat(jedis.hget("h", "f")).isEqualTo("3");
    assertThatThrownBy(() -> send(jedis, "EXAMPLE.HSET", "h", "YY", "f", "3"))
        .hasMessage("ERR syntax error, expected one of: NX, XX");
  }

  @Test
  void hexistsChecksSeveralFields(Jedis jedis) {
    jedis.hset("h", Map.of("a", "1", "c", "3"));
    assertThat(send(jedis, "EXAMPLE.HEXISTS", "h", "a", "b", "c")).isEqualTo(List.of(1L, 0L, 1L));
    assertThat(send(jedis, "EXAMPLE.HEXISTS", "missing", "a")).isEqualTo(List.of(0L));
    jedis.set("text", "t");
    assertThatThrownBy(() -> send(jedis, "EXAMPLE.HEXISTS", "text", "a")).hasMessage(WRONGTYPE);
  }

  @Test
  void zincrbyAddsToTheScore(Jedis jedis) {
    assertThat(send(jedis, "EXAMPLE.ZINCRBY", "z", "1.5", "m")).isEqualTo("1.5");
    assertThat(send(jedis, "EXAMPLE.ZINCRBY", "z", "-0.5", "m")).isEqualTo("1");
    assertThat(jedis.zscore("z", "m")).isEqualTo(1.0);
    assertThatThrownBy(() -> send(jedis, "EXAMPLE.ZINCRBY", "z", "lots", "m"))
        .hasMessage("ERR value is not a valid float");
  }

  @Test
  void popEndsPopsTheFirstAndTheLast(Jedis jedis) {
    jedis.rpush("list", "a", "b", "c");
    assertThat(send(jedis, "EXAMPLE.POP.ENDS", "list")).isEqualTo(List.of("a", "c"));
    assertThat(send(jedis, "EXAMPLE.POP.ENDS", "list")).isEqualTo(Arrays.asList("b", null));
    assertThat(jedis.exists("list")).isFalse();
    assertThat(send(jedis, "EXAMPLE.POP.ENDS", "list")).isEqualTo(Arrays.asList(null, null));
  }

  @Test
  void dbsizeOfCountsAnotherDatabaseAndKeepsTheClientsOne(Jedis jedis) {
    jedis.select(3);
    jedis.set("a", "1");
    jedis.set("b", "2");
    jedis.select(1);
    assertThat(send(jedis, "EXAMPLE.DBSIZE.OF", "3")).isEqualTo(2L);
    assertThat(send(jedis, "EXAMPLE.DBSIZE.OF", "1")).isEqualTo(0L);
    assertThat(send(jedis, "HELLO.SIMPLE")).isEqualTo(1L);
    assertThatThrownBy(() -> send(jedis, "EXAMPLE.DBSIZE.OF", "99"))
        .hasMessage("ERR DB index is out of range");
    assertThat(send(jedis, "HELLO.SIMPLE")).isEqualTo(1L);
  }

  @Test
  void repeatBuildsTheStringInPoolMemory(Jedis jedis) {
    assertThat(send(jedis, "EXAMPLE.REPEAT", "ab", "3")).isEqualTo("ababab");
    assertThat(send(jedis, "EXAMPLE.REPEAT", "ab", "0")).isEqualTo("");
    assertThat((String) send(jedis, "EXAMPLE.REPEAT", "xyz", "100001"))
        .hasSize(300_003)
        .endsWith("xyzxyz");
    assertThatThrownBy(() -> send(jedis, "EXAMPLE.REPEAT", "ab", "-1"))
        .hasMessage("ERR invalid count");
    assertThatThrownBy(() -> send(jedis, "EXAMPLE.REPEAT", "ab", "100000000"))
        .hasMessage("ERR the result would be longer than 16 MB");
  }

  @Test
  void logWritesAtEachLevel(Jedis jedis, RedisServer server) throws Exception {
    for (String level : List.of("debug", "verbose", "notice", "warning")) {
      assertThat(send(jedis, "EXAMPLE.LOG", level, "a line at " + level)).isEqualTo("OK");
    }
    assertThatThrownBy(() -> send(jedis, "EXAMPLE.LOG", "loud", "x"))
        .hasMessage("ERR syntax error, expected one of: DEBUG, VERBOSE, NOTICE, WARNING");
    String log = Files.readString(server.logFile());
    for (String level : List.of("debug", "verbose", "notice", "warning")) {
      assertThat(log).contains("<helloworld> a line at " + level);
    }
  }
}
