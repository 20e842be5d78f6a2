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

/**
 * Module dictionaries ({@code RadixDict}, {@code NativeDict}, {@code DictIterator}) as a client
 * sees them.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class DictIT {
  @BeforeEach
  void emptyDict(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.DICT.RESET")).isEqualTo("OK");
  }

  @Test
  void putGetAndRemoveKeepJavaValues(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.DICT.PUT", "k", "v1")).isNull();
    assertThat(send(jedis, "JRMTEST.DICT.PUT", "k", "v2")).isEqualTo("v1");
    assertThat(send(jedis, "JRMTEST.DICT.GET", "k")).isEqualTo("v2");
    assertThat(send(jedis, "JRMTEST.DICT.SIZE")).isEqualTo(1L);
    assertThat(send(jedis, "JRMTEST.DICT.DEL", "k")).isEqualTo("v2");
    assertThat(send(jedis, "JRMTEST.DICT.DEL", "k")).isNull();
    assertThat(send(jedis, "JRMTEST.DICT.GET", "k")).isNull();
    assertThat(send(jedis, "JRMTEST.DICT.SIZE")).isEqualTo(0L);
  }

  @Test
  void putIfAbsentKeepsTheFirstValue(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.DICT.ADD", "k", "first")).isEqualTo(1L);
    assertThat(send(jedis, "JRMTEST.DICT.ADD", "k", "second")).isEqualTo(0L);
    assertThat(send(jedis, "JRMTEST.DICT.GET", "k")).isEqualTo("first");
  }

  @Test
  void aNullValueIsAPresentKey(Jedis jedis) {
    send(jedis, "JRMTEST.DICT.PUTNULL", "k");
    assertThat(send(jedis, "JRMTEST.DICT.HAS", "k")).isEqualTo(1L);
    assertThat(send(jedis, "JRMTEST.DICT.HAS", "other")).isEqualTo(0L);
    assertThat(send(jedis, "JRMTEST.DICT.GET", "k")).isNull();
    assertThat(send(jedis, "JRMTEST.DICT.ENTRY", "first", "-")).isEqualTo(List.of("k", "(null)"));
  }

  @Test
  void entriesAreFoundByTheirKeysBytes(Jedis jedis) {
    for (String key : List.of("b", "ab", "a", "c", "abc")) {
      send(jedis, "JRMTEST.DICT.PUT", key, key.toUpperCase());
    }
    assertThat(send(jedis, "JRMTEST.DICT.ENTRY", "first", "-")).isEqualTo(List.of("a", "A"));
    assertThat(send(jedis, "JRMTEST.DICT.ENTRY", "last", "-")).isEqualTo(List.of("c", "C"));
    assertThat(send(jedis, "JRMTEST.DICT.ENTRY", "ceiling", "ab")).isEqualTo(List.of("ab", "AB"));
    assertThat(send(jedis, "JRMTEST.DICT.ENTRY", "higher", "ab")).isEqualTo(List.of("abc", "ABC"));
    assertThat(send(jedis, "JRMTEST.DICT.ENTRY", "floor", "abb")).isEqualTo(List.of("ab", "AB"));
    assertThat(send(jedis, "JRMTEST.DICT.ENTRY", "lower", "ab")).isEqualTo(List.of("a", "A"));
    assertThat(send(jedis, "JRMTEST.DICT.ENTRY", "higher", "c")).isNull();
    assertThat(send(jedis, "JRMTEST.DICT.ENTRY", "lower", "a")).isNull();
  }

  @Test
  void aRangeIsOrderedAndLimited(Jedis jedis) {
    for (String key : List.of("a", "b", "c", "d", "e")) {
      send(jedis, "JRMTEST.DICT.PUT", key, key + key);
    }
    assertThat(send(jedis, "JRMTEST.DICT.RANGE", "b", "d", "10"))
        .isEqualTo(List.of("b", "bb", "c", "cc", "d", "dd"));
    assertThat(send(jedis, "JRMTEST.DICT.RANGE", "d", "b", "10")).isEqualTo(List.of());
    assertThat(send(jedis, "JRMTEST.DICT.RANGE", "a", "z", "2"))
        .isEqualTo(List.of("a", "aa", "b", "bb"));
    assertThat(send(jedis, "JRMTEST.DICT.RANGE", "x", "z", "10")).isEqualTo(List.of());
    assertThat(send(jedis, "JRMTEST.DICT.RANGE", "a", "z", "-1")).isEqualTo(List.of());
  }

  @Test
  void theTreesMemoryGrowsWithItsKeys(Jedis jedis) {
    long empty = (Long) send(jedis, "JRMTEST.DICT.MEMORY");
    for (int i = 0; i < 100; i++) {
      send(jedis, "JRMTEST.DICT.PUT", "key:" + i, "v");
    }
    assertThat((Long) send(jedis, "JRMTEST.DICT.MEMORY")).isGreaterThan(empty);
  }

  @Test
  void aNativeDictIsWalkedBothWaysAndWithinBounds(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.DICT.NATIVE", "b", "d", "a", "c", "b", "e"))
        .isEqualTo(
            List.of(
                "a=2", "b=0", "c=3", "d=1", "e=5", "|", "e=5", "d=1", "c=3", "b=0", "a=2", "|",
                "c=3", "d=1"));
  }

  @Test
  void aChangeEndsAnIteratorsWalkWithAnError(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.DICT.CHANGED"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageContaining("ConcurrentModificationException")
        .hasMessageContaining("reseek");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void closingTheDictClosesItsIterators(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.DICT.AFTERCLOSE"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageContaining("closed");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }
}
