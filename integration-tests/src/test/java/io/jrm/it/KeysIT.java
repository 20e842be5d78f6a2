package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** The low-level key API ({@code io.jrm.Key}), through the JRMTEST.KEY.* commands. */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class KeysIT {
  private static final String WRONGTYPE =
      "WRONGTYPE Operation against a key holding the wrong kind of value";

  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  @AfterEach
  void serverStillServes(Jedis jedis) {
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  private static void assertError(Runnable command, String expectedStart) {
    assertThatThrownBy(command::run)
        .isInstanceOf(JedisDataException.class)
        .hasMessageStartingWith(expectedStart);
  }

  // Generic

  @Test
  void infoReportsTypeLengthAndExpire(Jedis jedis) {
    jedis.rpush("list", "a", "b", "c");
    assertThat(send(jedis, "JRMTEST.KEY.INFO", "list")).isEqualTo(List.of("LIST", 3L, -1L));
    assertThat(send(jedis, "JRMTEST.KEY.INFO", "missing")).isEqualTo(List.of("EMPTY", 0L, -1L));
  }

  @Test
  void deleteRemovesTheValue(Jedis jedis) {
    jedis.set("k", "v");
    assertThat(send(jedis, "JRMTEST.KEY.DELETE", "k")).isEqualTo(1L);
    assertThat(jedis.exists("k")).isFalse();
    assertThat(send(jedis, "JRMTEST.KEY.DELETE", "k")).isEqualTo(0L);
  }

  @Test
  void expireIsSetReadAndRemoved(Jedis jedis) {
    jedis.set("k", "v");
    long ttl = (Long) send(jedis, "JRMTEST.KEY.SETEXPIRE", "k", "100000");
    assertThat(ttl).isBetween(90_000L, 100_000L);
    assertThat(jedis.pttl("k")).isBetween(90_000L, 100_000L);
    List<?> info = (List<?>) send(jedis, "JRMTEST.KEY.INFO", "k");
    assertThat((Long) info.get(2)).isBetween(90_000L, 100_000L);

    assertThat(send(jedis, "JRMTEST.KEY.SETEXPIRE", "k", "-1")).isEqualTo(-1L);
    assertThat(jedis.pttl("k")).isEqualTo(-1L);
    assertThat(jedis.get("k")).isEqualTo("v");
  }

  @Test
  void expireOfAnEmptyKeyIsAnError(Jedis jedis) {
    assertError(
        () -> send(jedis, "JRMTEST.KEY.SETEXPIRE", "missing", "1000"), "ERR cannot set the expire");
    assertThat(jedis.exists("missing")).isFalse();
  }

  @Test
  void aShortExpireExpires(Jedis jedis) throws InterruptedException {
    jedis.set("k", "v");
    send(jedis, "JRMTEST.KEY.SETEXPIRE", "k", "50");
    Thread.sleep(150);
    assertThat(jedis.exists("k")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "delete",
        "setexpire",
        "set",
        "dma",
        "truncate",
        "push",
        "pop",
        "zadd",
        "zincrby",
        "zrem",
        "hset",
        "hdel",
        "cast"
      })
  void writingThroughAKeyOpenedForReadingIsAnError(String operation, Jedis jedis) {
    jedis.set("k", "v");
    assertError(
        () -> send(jedis, "JRMTEST.KEY.READONLY", "k", operation),
        "ERR the key is not open for writing");
    assertThat(jedis.get("k")).isEqualTo("v");
    assertThat(jedis.pttl("k")).isEqualTo(-1L);
  }

  @Test
  void writingThroughAMissingKeyOpenedForReadingIsAnErrorToo(Jedis jedis) {
    assertError(
        () -> send(jedis, "JRMTEST.KEY.READONLY", "missing", "push"),
        "ERR the key is not open for writing");
    assertThat(jedis.exists("missing")).isFalse();
  }

  // Strings

  @Nested
  class Strings {
    @Test
    void setReplacesAnyValue(Jedis jedis) {
      assertThat(send(jedis, "JRMTEST.KEY.SET", "k", "hello")).isEqualTo("OK");
      assertThat(jedis.get("k")).isEqualTo("hello");
      jedis.rpush("list", "x");
      send(jedis, "JRMTEST.KEY.SET", "list", "now a string");
      assertThat(jedis.get("list")).isEqualTo("now a string");
    }

    @Test
    void dmaReadsTheBytes(Jedis jedis) {
      jedis.set("k", "Hello World");
      assertThat(send(jedis, "JRMTEST.KEY.DMA.GET", "k")).isEqualTo("Hello World");
      jedis.set("n", "12345"); // integer-encoded: StringDMA decodes it
      assertThat(send(jedis, "JRMTEST.KEY.DMA.GET", "n")).isEqualTo("12345");
      assertThat(send(jedis, "JRMTEST.KEY.DMA.GET", "missing")).isEqualTo("");
    }

    @Test
    void dmaWritesIntoTheKey(Jedis jedis) {
      jedis.set("k", "Hello World 123");
      assertThat(send(jedis, "JRMTEST.KEY.DMA.TOGGLE", "k")).isEqualTo("OK");
      assertThat(jedis.get("k")).isEqualTo("hELLO wORLD 123");
      send(jedis, "JRMTEST.KEY.DMA.PUT", "k", "6", "w");
      assertThat(jedis.get("k")).isEqualTo("hELLO wORLD 123");
      send(jedis, "JRMTEST.KEY.DMA.PUT", "k", "0", "HE");
      assertThat(jedis.get("k")).isEqualTo("HELLO wORLD 123");
    }

    @Test
    void dmaWritesStayWithinTheString(Jedis jedis) {
      jedis.set("k", "abc");
      assertError(
          () -> send(jedis, "JRMTEST.KEY.DMA.PUT", "k", "2", "xy"),
          "ERR java.lang.IndexOutOfBoundsException");
      assertThat(jedis.get("k")).isEqualTo("abc");
    }

    @Test
    void truncateGrowsWithZeroBytesAndShrinks(Jedis jedis) {
      jedis.set("k", "abc");
      assertThat(send(jedis, "JRMTEST.KEY.TRUNCATE", "k", "6")).isEqualTo(6L);
      assertThat(jedis.get("k".getBytes())).isEqualTo(new byte[] {'a', 'b', 'c', 0, 0, 0});
      assertThat(send(jedis, "JRMTEST.KEY.TRUNCATE", "k", "2")).isEqualTo(2L);
      assertThat(jedis.get("k")).isEqualTo("ab");
    }

    @Test
    void truncateCreatesAnEmptyKeyOnlyWhenGrowing(Jedis jedis) {
      assertThat(send(jedis, "JRMTEST.KEY.TRUNCATE", "new", "0")).isEqualTo(0L);
      assertThat(jedis.exists("new")).isFalse();
      assertThat(send(jedis, "JRMTEST.KEY.TRUNCATE", "new", "2")).isEqualTo(2L);
      assertThat(jedis.get("new".getBytes())).isEqualTo(new byte[] {0, 0});
    }

    @Test
    void truncateBeyond512MbIsAnError(Jedis jedis) {
      jedis.set("k", "abc");
      assertError(
          () -> send(jedis, "JRMTEST.KEY.TRUNCATE", "k", String.valueOf(512L * 1024 * 1024 + 1)),
          "ERR string exceeds maximum allowed size");
      assertThat(jedis.get("k")).isEqualTo("abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncate", "set", "newview", "close", "reopen"})
    void aStaleDmaViewIsAnErrorNotACrash(String how, Jedis jedis) {
      jedis.set("k", "abcdef");
      assertError(
          () -> send(jedis, "JRMTEST.KEY.DMA.STALE", "k", how),
          "ERR java.lang.IllegalStateException");
    }

    @Test
    void aReadOnlyDmaViewRefusesWrites(Jedis jedis) {
      jedis.set("k", "abc");
      assertError(
          () -> send(jedis, "JRMTEST.KEY.DMA.STALE", "k", "readonly"),
          "ERR java.lang.UnsupportedOperationException");
      assertThat(jedis.get("k")).isEqualTo("abc");
    }

    @Test
    void wrongTypeChangesNothing(Jedis jedis) {
      jedis.rpush("list", "a");
      assertError(() -> send(jedis, "JRMTEST.KEY.DMA.GET", "list"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.DMA.TOGGLE", "list"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.TRUNCATE", "list", "5"), WRONGTYPE);
      assertThat(jedis.lrange("list", 0, -1)).containsExactly("a");
    }
  }

  // Lists

  @Nested
  class Lists {
    @Test
    void pushAndPopAtBothEnds(Jedis jedis) {
      assertThat(send(jedis, "JRMTEST.KEY.LPUSH", "l", "TAIL", "b", "c")).isEqualTo(2L);
      assertThat(send(jedis, "JRMTEST.KEY.LPUSH", "l", "HEAD", "a")).isEqualTo(3L);
      assertThat(jedis.lrange("l", 0, -1)).containsExactly("a", "b", "c");
      assertThat(send(jedis, "JRMTEST.KEY.LPOP", "l", "TAIL")).isEqualTo("c");
      assertThat(send(jedis, "JRMTEST.KEY.LPOP", "l", "HEAD")).isEqualTo("a");
      assertThat(jedis.lrange("l", 0, -1)).containsExactly("b");
    }

    @Test
    void elementsAreReadAndReplacedByIndexFromEitherEnd(Jedis jedis) {
      jedis.rpush("l", "a", "b", "c");
      assertThat(send(jedis, "JRMTEST.KEY.LIST", "l", "get", "0")).isEqualTo("a");
      assertThat(send(jedis, "JRMTEST.KEY.LIST", "l", "get", "-1")).isEqualTo("c");
      assertThat(send(jedis, "JRMTEST.KEY.LIST", "l", "set", "-2", "B")).isEqualTo("OK");
      assertThat(jedis.lrange("l", 0, -1)).containsExactly("a", "B", "c");
      for (String index : List.of("3", "-4")) {
        assertError(
            () -> send(jedis, "JRMTEST.KEY.LIST", "l", "get", index), "ERR index out of bounds");
        assertError(
            () -> send(jedis, "JRMTEST.KEY.LIST", "l", "set", index, "x"),
            "ERR index out of bounds");
      }
      assertError(
          () -> send(jedis, "JRMTEST.KEY.LIST", "none", "get", "0"), "ERR index out of bounds");
      assertThat(jedis.lrange("l", 0, -1)).containsExactly("a", "B", "c");
    }

    @Test
    void insertsGoBeforeANonNegativeIndexAndAfterANegativeOne(Jedis jedis) {
      assertThat(send(jedis, "JRMTEST.KEY.LIST", "l", "insert", "0", "m")).isEqualTo("OK");
      send(jedis, "JRMTEST.KEY.LIST", "l", "insert", "0", "first");
      send(jedis, "JRMTEST.KEY.LIST", "l", "insert", "-1", "last");
      send(jedis, "JRMTEST.KEY.LIST", "l", "insert", "1", "before-m");
      send(jedis, "JRMTEST.KEY.LIST", "l", "insert", "-2", "after-m");
      send(jedis, "JRMTEST.KEY.LIST", "l", "insert", "5", "appended");
      assertThat(jedis.lrange("l", 0, -1))
          .containsExactly("first", "before-m", "m", "after-m", "last", "appended");
      assertError(
          () -> send(jedis, "JRMTEST.KEY.LIST", "l", "insert", "7", "x"),
          "ERR index out of bounds");
      assertError(
          () -> send(jedis, "JRMTEST.KEY.LIST", "new", "insert", "1", "x"),
          "ERR index out of bounds");
      assertThat(jedis.exists("new")).isFalse();
    }

    @Test
    void deletingByIndexRemovesThatElementAndTheLastOneTheKey(Jedis jedis) {
      jedis.rpush("l", "a", "b", "c");
      assertThat(send(jedis, "JRMTEST.KEY.LIST", "l", "delete", "-1")).isEqualTo("OK");
      assertThat(send(jedis, "JRMTEST.KEY.LIST", "l", "delete", "0")).isEqualTo("OK");
      assertThat(jedis.lrange("l", 0, -1)).containsExactly("b");
      assertError(
          () -> send(jedis, "JRMTEST.KEY.LIST", "l", "delete", "1"), "ERR index out of bounds");
      send(jedis, "JRMTEST.KEY.LIST", "l", "delete", "0");
      assertThat(jedis.exists("l")).isFalse();
    }

    @Test
    void poppingTheLastElementDeletesTheKeyAndThenPopsNil(Jedis jedis) {
      jedis.rpush("l", "only");
      assertThat(send(jedis, "JRMTEST.KEY.LPOP", "l", "HEAD")).isEqualTo("only");
      assertThat(jedis.exists("l")).isFalse();
      assertThat(send(jedis, "JRMTEST.KEY.LPOP", "l", "HEAD")).isNull();
      assertThat(send(jedis, "JRMTEST.KEY.LPOP", "l", "TAIL")).isNull();
    }

    @Test
    void wrongTypeChangesNothing(Jedis jedis) {
      jedis.set("s", "text");
      assertError(() -> send(jedis, "JRMTEST.KEY.LPUSH", "s", "TAIL", "x"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.LPOP", "s", "HEAD"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.LIST", "s", "get", "0"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.LIST", "s", "set", "0", "x"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.LIST", "s", "insert", "0", "x"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.LIST", "s", "delete", "0"), WRONGTYPE);
      assertThat(jedis.get("s")).isEqualTo("text");
    }
  }

  // Sorted sets

  @Nested
  class SortedSets {
    @Test
    void addReportsWhatItDid(Jedis jedis) {
      assertThat(send(jedis, "JRMTEST.KEY.ZADD", "z", "1", "a")).isEqualTo("ADDED");
      assertThat(send(jedis, "JRMTEST.KEY.ZADD", "z", "2", "a")).isEqualTo("UPDATED");
      assertThat(send(jedis, "JRMTEST.KEY.ZADD", "z", "2", "a")).isEqualTo("UNCHANGED");
      assertThat(jedis.zscore("z", "a")).isEqualTo(2.0);
    }

    @Test
    void addHonoursNxXxGtLt(Jedis jedis) {
      send(jedis, "JRMTEST.KEY.ZADD", "z", "5", "a");
      assertThat(send(jedis, "JRMTEST.KEY.ZADD", "z", "9", "a", "NX")).isEqualTo("NOP");
      assertThat(send(jedis, "JRMTEST.KEY.ZADD", "z", "1", "b", "NX")).isEqualTo("ADDED");
      assertThat(send(jedis, "JRMTEST.KEY.ZADD", "z", "1", "c", "XX")).isEqualTo("NOP");
      assertThat(send(jedis, "JRMTEST.KEY.ZADD", "z", "6", "a", "XX")).isEqualTo("UPDATED");
      assertThat(send(jedis, "JRMTEST.KEY.ZADD", "z", "3", "a", "GT")).isEqualTo("NOP");
      assertThat(send(jedis, "JRMTEST.KEY.ZADD", "z", "7", "a", "GT")).isEqualTo("UPDATED");
      assertThat(send(jedis, "JRMTEST.KEY.ZADD", "z", "8", "a", "LT")).isEqualTo("NOP");
      assertThat(send(jedis, "JRMTEST.KEY.ZADD", "z", "4", "a", "LT", "XX")).isEqualTo("UPDATED");
      assertThat(send(jedis, "JRMTEST.KEY.ZADD", "z", "2", "d", "GT")).isEqualTo("ADDED");
      assertThat(
              jedis.zrangeWithScores("z", 0, -1).stream()
                  .map(t -> t.getElement() + "=" + t.getScore()))
          .containsExactly("b=1.0", "d=2.0", "a=4.0");
    }

    @Test
    void xxOnAMissingKeyLeavesNoEmptySortedSetBehind(Jedis jedis) {
      assertThat(send(jedis, "JRMTEST.KEY.ZADD", "z", "1", "a", "XX")).isEqualTo("NOP");
      assertThat(send(jedis, "JRMTEST.KEY.ZINCRBY", "z", "1", "a", "XX")).isNull();
      assertThat(jedis.exists("z")).isFalse();
    }

    @Test
    void flagBitsConvertBothWays(Jedis jedis) {
      assertThat(send(jedis, "JRMTEST.KEY.ZADDBITS", "0")).isEqualTo(List.of("", 0L, "UNCHANGED"));
      assertThat(send(jedis, "JRMTEST.KEY.ZADDBITS", "1"))
          .isEqualTo(List.of("XX", 1L, "UNCHANGED"));
      assertThat(send(jedis, "JRMTEST.KEY.ZADDBITS", "98"))
          .isEqualTo(List.of("NX,GT,LT", 98L, "UNCHANGED"));
      assertThat(send(jedis, "JRMTEST.KEY.ZADDBITS", "4")).isEqualTo(List.of("", 0L, "ADDED"));
      assertThat(send(jedis, "JRMTEST.KEY.ZADDBITS", "9")).isEqualTo(List.of("XX", 1L, "UPDATED"));
      assertThat(send(jedis, "JRMTEST.KEY.ZADDBITS", "16")).isEqualTo(List.of("", 0L, "NOP"));
    }

    @Test
    void incompatibleFlagsAreRefusedAsZaddDoes(Jedis jedis) {
      assertError(
          () -> send(jedis, "JRMTEST.KEY.ZADD", "z", "1", "a", "NX", "XX"),
          "ERR XX and NX options");
      assertError(
          () -> send(jedis, "JRMTEST.KEY.ZADD", "z", "1", "a", "GT", "LT"),
          "ERR GT, LT, and/or NX");
      assertThat(jedis.exists("z")).isFalse();
    }

    @Test
    void incrbyReturnsTheNewScore(Jedis jedis) {
      assertThat(send(jedis, "JRMTEST.KEY.ZINCRBY", "z", "2.5", "a")).isEqualTo("2.5");
      assertThat(send(jedis, "JRMTEST.KEY.ZINCRBY", "z", "-1", "a")).isEqualTo("1.5");
      assertThat(send(jedis, "JRMTEST.KEY.ZINCRBY", "z", "1", "a", "NX")).isNull();
      assertThat(send(jedis, "JRMTEST.KEY.ZINCRBY", "z", "1", "b", "XX")).isNull();
      assertThat(jedis.zscore("z", "a")).isEqualTo(1.5);
      assertThat(jedis.exists("z")).isTrue();
      assertThat(jedis.zcard("z")).isEqualTo(1L);
    }

    @Test
    void incrbyToNanIsAnError(Jedis jedis) {
      send(jedis, "JRMTEST.KEY.ZADD", "z", "+inf", "a");
      assertError(
          () -> send(jedis, "JRMTEST.KEY.ZINCRBY", "z", "-inf", "a"),
          "ERR resulting score is not a number (NaN)");
      assertThat(send(jedis, "JRMTEST.KEY.ZSCORE", "z", "a")).isEqualTo("inf");
    }

    @Test
    void remAndScore(Jedis jedis) {
      jedis.zadd("z", Map.of("a", 1.0, "b", 2.0));
      assertThat(send(jedis, "JRMTEST.KEY.ZSCORE", "z", "b")).isEqualTo("2");
      assertThat(send(jedis, "JRMTEST.KEY.ZSCORE", "z", "nope")).isNull();
      assertThat(send(jedis, "JRMTEST.KEY.ZSCORE", "missing", "a")).isNull();
      assertThat(send(jedis, "JRMTEST.KEY.ZREM", "z", "a")).isEqualTo(1L);
      assertThat(send(jedis, "JRMTEST.KEY.ZREM", "z", "a")).isEqualTo(0L);
      assertThat(send(jedis, "JRMTEST.KEY.ZREM", "z", "b")).isEqualTo(1L);
      assertThat(jedis.exists("z")).isFalse();
      assertThat(send(jedis, "JRMTEST.KEY.ZREM", "z", "b")).isEqualTo(0L);
    }

    private void fiveScores(Jedis jedis) {
      jedis.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0, "e", 5.0));
    }

    @Test
    void scoreRangesForwards(Jedis jedis) {
      fiveScores(jedis);
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.SCORE", "z", "FIRST", "2", "4"))
          .isEqualTo(List.of("b", "2", "c", "3", "d", "4"));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.SCORE", "z", "FIRST", "(2", "(4"))
          .isEqualTo(List.of("c", "3"));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.SCORE", "z", "FIRST", "-inf", "(2"))
          .isEqualTo(List.of("a", "1"));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.SCORE", "z", "FIRST", "(4", "+inf"))
          .isEqualTo(List.of("e", "5"));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.SCORE", "z", "FIRST", "6", "+inf"))
          .isEqualTo(List.of());
    }

    @Test
    void scoreRangesBackwards(Jedis jedis) {
      fiveScores(jedis);
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.SCORE", "z", "LAST", "-inf", "+inf"))
          .isEqualTo(List.of("e", "5", "d", "4", "c", "3", "b", "2", "a", "1"));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.SCORE", "z", "LAST", "(1", "(3"))
          .isEqualTo(List.of("b", "2"));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.SCORE", "z", "LAST", "(3", "(4"))
          .isEqualTo(List.of());
    }

    @Test
    void scoreRangesKeepInfiniteScores(Jedis jedis) {
      jedis.zadd(
          "z",
          Map.of("low", Double.NEGATIVE_INFINITY, "mid", 0.0, "high", Double.POSITIVE_INFINITY));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.SCORE", "z", "FIRST", "-inf", "+inf"))
          .isEqualTo(List.of("low", "-inf", "mid", "0", "high", "inf"));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.SCORE", "z", "FIRST", "(-inf", "(+inf"))
          .isEqualTo(List.of("mid", "0"));
    }

    @Test
    void rangesOfAMissingKeyAreEmpty(Jedis jedis) {
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.SCORE", "missing", "FIRST", "-inf", "+inf"))
          .isEqualTo(List.of());
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.LEX", "missing", "LAST", "-", "+"))
          .isEqualTo(List.of());
    }

    private void fiveNames(Jedis jedis) {
      jedis.zadd(
          "z", Map.of("apple", 0.0, "banana", 0.0, "cherry", 0.0, "date", 0.0, "elder", 0.0));
    }

    @Test
    void lexRangesForwards(Jedis jedis) {
      fiveNames(jedis);
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.LEX", "z", "FIRST", "-", "+"))
          .isEqualTo(List.of("apple", "banana", "cherry", "date", "elder"));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.LEX", "z", "FIRST", "[banana", "(date"))
          .isEqualTo(List.of("banana", "cherry"));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.LEX", "z", "FIRST", "(banana", "[date"))
          .isEqualTo(List.of("cherry", "date"));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.LEX", "z", "FIRST", "[c", "+"))
          .isEqualTo(List.of("cherry", "date", "elder"));
    }

    @Test
    void lexRangesBackwards(Jedis jedis) {
      fiveNames(jedis);
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.LEX", "z", "LAST", "-", "+"))
          .isEqualTo(List.of("elder", "date", "cherry", "banana", "apple"));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.LEX", "z", "LAST", "-", "(c"))
          .isEqualTo(List.of("banana", "apple"));
    }

    @Test
    void anInvalidLexRangeIsAnError(Jedis jedis) {
      fiveNames(jedis);
      assertError(
          () -> send(jedis, "JRMTEST.KEY.ZRANGE.LEX", "z", "FIRST", "a", "+"),
          "ERR min or max not valid string range item");
      assertError(
          () -> send(jedis, "JRMTEST.KEY.ZRANGE.LEX", "z", "LAST", "[a", "5"),
          "ERR min or max not valid string range item");
    }

    @Test
    void aRangeMovesBothWays(Jedis jedis) {
      jedis.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.BOUNCE", "z"))
          .isEqualTo(List.of("a", "b", "c", "b", "a", "end=true"));
      assertThat(send(jedis, "JRMTEST.KEY.ZRANGE.BOUNCE", "missing"))
          .isEqualTo(List.of("end=true"));
    }

    @Test
    void aRangeEndedByAWriteIsAnErrorNotACrash(Jedis jedis) {
      fiveNames(jedis);
      assertError(
          () -> send(jedis, "JRMTEST.KEY.ZRANGE.STALE", "z"),
          "ERR java.lang.IllegalStateException");
    }

    @Test
    void wrongTypeChangesNothing(Jedis jedis) {
      jedis.rpush("l", "a");
      assertError(() -> send(jedis, "JRMTEST.KEY.ZADD", "l", "1", "a"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.ZINCRBY", "l", "1", "a"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.ZREM", "l", "a"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.ZSCORE", "l", "a"), WRONGTYPE);
      assertError(
          () -> send(jedis, "JRMTEST.KEY.ZRANGE.SCORE", "l", "FIRST", "-inf", "+inf"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.ZRANGE.LEX", "l", "FIRST", "-", "+"), WRONGTYPE);
      assertThat(jedis.lrange("l", 0, -1)).containsExactly("a");
    }
  }

  // Hashes

  @Nested
  class Hashes {
    @Test
    void setAndGet(Jedis jedis) {
      assertThat(send(jedis, "JRMTEST.KEY.HSET", "h", "NONE", "f1", "v1", "f2", "v2"))
          .isEqualTo(0L);
      assertThat(send(jedis, "JRMTEST.KEY.HSET", "h", "NONE", "f1", "w1")).isEqualTo(1L);
      assertThat(jedis.hgetAll("h")).isEqualTo(Map.of("f1", "w1", "f2", "v2"));
      assertThat(send(jedis, "JRMTEST.KEY.HGET", "h", "NONE", "f1")).isEqualTo(List.of("w1"));
      assertThat(send(jedis, "JRMTEST.KEY.HGET", "h", "NONE", "f2", "nope", "f1"))
          .isEqualTo(Arrays.asList("v2", null, "w1"));
      assertThat(send(jedis, "JRMTEST.KEY.HGET", "missing", "NONE", "f1"))
          .isEqualTo(Arrays.asList((Object) null));
    }

    @Test
    void cFieldsNameFieldsWithJavaStrings(Jedis jedis) {
      assertThat(send(jedis, "JRMTEST.KEY.HSET", "h", "CFIELDS", "name", "ada", "lang", "java"))
          .isEqualTo(0L);
      assertThat(jedis.hgetAll("h")).isEqualTo(Map.of("name", "ada", "lang", "java"));
      assertThat(send(jedis, "JRMTEST.KEY.HGET", "h", "CFIELDS", "name")).isEqualTo(List.of("ada"));
      assertThat(send(jedis, "JRMTEST.KEY.HGET", "h", "CFIELDS", "lang", "none"))
          .isEqualTo(Arrays.asList("java", null));
      assertThat(send(jedis, "JRMTEST.KEY.HSET", "h", "CFIELDS", "name", "__delete__"))
          .isEqualTo(1L);
      assertThat(jedis.hgetAll("h")).isEqualTo(Map.of("lang", "java"));
    }

    @Test
    void nxAndXxSkipFields(Jedis jedis) {
      jedis.hset("h", "old", "1");
      assertThat(send(jedis, "JRMTEST.KEY.HSET", "h", "NX", "old", "2", "new", "2")).isEqualTo(0L);
      assertThat(jedis.hgetAll("h")).isEqualTo(Map.of("old", "1", "new", "2"));
      assertThat(send(jedis, "JRMTEST.KEY.HSET", "h", "XX", "old", "3", "newer", "3"))
          .isEqualTo(1L);
      assertThat(jedis.hgetAll("h")).isEqualTo(Map.of("old", "3", "new", "2"));
    }

    @Test
    void countAllCountsInsertedFieldsToo(Jedis jedis) {
      jedis.hset("h", "old", "1");
      assertThat(send(jedis, "JRMTEST.KEY.HSET", "h", "COUNT_ALL", "old", "2", "a", "1", "b", "1"))
          .isEqualTo(3L);
      assertThat(send(jedis, "JRMTEST.KEY.HSET", "h", "NX,COUNT_ALL", "old", "9", "c", "1"))
          .isEqualTo(1L);
      assertThat(send(jedis, "JRMTEST.KEY.HSET", "h", "CFIELDS,XX,COUNT_ALL", "c", "2", "d", "2"))
          .isEqualTo(1L);
      assertThat(jedis.hgetAll("h")).isEqualTo(Map.of("old", "2", "a", "1", "b", "1", "c", "2"));
    }

    @Test
    void existsReportsFields(Jedis jedis) {
      jedis.hset("h", "f", "v");
      assertThat(send(jedis, "JRMTEST.KEY.HEXISTS", "h", "NONE", "f")).isEqualTo(List.of(1L));
      assertThat(send(jedis, "JRMTEST.KEY.HEXISTS", "h", "NONE", "g", "f"))
          .isEqualTo(List.of(0L, 1L));
      assertThat(send(jedis, "JRMTEST.KEY.HEXISTS", "h", "CFIELDS", "f")).isEqualTo(List.of(1L));
      assertThat(send(jedis, "JRMTEST.KEY.HEXISTS", "h", "CFIELDS", "f", "g"))
          .isEqualTo(List.of(1L, 0L));
      assertThat(send(jedis, "JRMTEST.KEY.HEXISTS", "missing", "NONE", "f")).isEqualTo(List.of(0L));
    }

    @Test
    void deletingFieldsAndTheLastOneDeletesTheKey(Jedis jedis) {
      jedis.hset("h", Map.of("a", "1", "b", "2", "c", "3"));
      assertThat(
              send(jedis, "JRMTEST.KEY.HSET", "h", "NONE", "a", "__delete__", "nope", "__delete__"))
          .isEqualTo(1L);
      assertThat(jedis.hgetAll("h")).isEqualTo(Map.of("b", "2", "c", "3"));
      assertThat(send(jedis, "JRMTEST.KEY.HDEL", "h", "b", "c", "x")).isEqualTo(2L);
      assertThat(jedis.exists("h")).isFalse();
    }

    @Test
    void wrongTypeChangesNothing(Jedis jedis) {
      jedis.zadd("z", 1.0, "a");
      assertError(() -> send(jedis, "JRMTEST.KEY.HSET", "z", "NONE", "f", "v"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.HDEL", "z", "a"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.HGET", "z", "NONE", "a"), WRONGTYPE);
      assertError(() -> send(jedis, "JRMTEST.KEY.HEXISTS", "z", "CFIELDS", "a"), WRONGTYPE);
      assertThat(jedis.zscore("z", "a")).isEqualTo(1.0);
      assertThat(jedis.type("z")).isEqualTo("zset");
    }
  }
}
