package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.KeyValue;
import redis.clients.jedis.util.SafeEncoder;

/** The HELLOTOPK commands over the {@link TopK} data type, as a client sees them. */
@RedisServerTest(
    modules = @LoadModule(path = "target/helloworld.so"),
    config = {"enable-debug-command yes"})
class TopKIT {
  private static final String WRONGTYPE =
      "WRONGTYPE Operation against a key holding the wrong kind of value";
  private static final String NOT_AN_INCREMENT = "ERR increment must be a positive integer";

  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  // Counting

  @Test
  void addCountsAndCreatesAnExactCounter(Jedis jedis) {
    assertThat(send(jedis, "HELLOTOPK.ADD", "k", "a")).isEqualTo(1L);
    assertThat(send(jedis, "HELLOTOPK.ADD", "k", "a")).isEqualTo(2L);
    assertThat(send(jedis, "HELLOTOPK.ADD", "k", "b", "10")).isEqualTo(10L);
    assertThat(send(jedis, "HELLOTOPK.ADD", "k", "a", "9223372036854775000"))
        .isEqualTo(9223372036854775002L);
    assertThat(jedis.type("k")).isEqualTo("hellotopk");
    assertThat(send(jedis, "HELLOTOPK.COUNT", "k", "a")).isEqualTo(9223372036854775002L);
    assertThat(send(jedis, "HELLOTOPK.COUNT", "k", "b")).isEqualTo(10L);
    assertThat(send(jedis, "HELLOTOPK.COUNT", "k", "never")).isEqualTo(0L);
    assertThat(send(jedis, "HELLOTOPK.INFO", "k"))
        .isEqualTo(
            List.of("capacity", 0L, "items", 2L, "ignored", 0L, "total", 9223372036854775012L));
  }

  @Test
  void listRanksByCountThenByItem(Jedis jedis) {
    add(jedis, "k", "pear", 2);
    add(jedis, "k", "apple", 5);
    add(jedis, "k", "fig", 2);
    add(jedis, "k", "kiwi", 7);
    assertThat(send(jedis, "HELLOTOPK.LIST", "k"))
        .isEqualTo(List.of("kiwi", "apple", "fig", "pear"));
    assertThat(send(jedis, "HELLOTOPK.LIST", "k", "WITHCOUNTS"))
        .isEqualTo(List.of("kiwi", 7L, "apple", 5L, "fig", 2L, "pear", 2L));
    assertThat(send(jedis, "HELLOTOPK.LIST", "k", "limit", "2", "withcounts"))
        .isEqualTo(List.of("kiwi", 7L, "apple", 5L));
    assertThat(send(jedis, "HELLOTOPK.LIST", "k", "WITHCOUNTS", "LIMIT", "3", "LIMIT", "1"))
        .isEqualTo(List.of("kiwi", 7L));
    assertThat(send(jedis, "HELLOTOPK.LIST", "k", "LIMIT", "0")).isEqualTo(List.of());
    assertThat(send(jedis, "HELLOTOPK.LIST", "k", "LIMIT", "100"))
        .isEqualTo(List.of("kiwi", "apple", "fig", "pear"));
  }

  @Test
  void itemsAreTextOfAnyScript(Jedis jedis) {
    assertThat(send(jedis, "HELLOTOPK.ADD", "k", "héllo wörld ✓", "3")).isEqualTo(3L);
    assertThat(send(jedis, "HELLOTOPK.ADD", "k", "", "1")).isEqualTo(1L);
    assertThat(send(jedis, "HELLOTOPK.LIST", "k", "WITHCOUNTS"))
        .isEqualTo(List.of("héllo wörld ✓", 3L, "", 1L));
  }

  @Test
  void aMissingKeyCountsNothingAndStaysMissing(Jedis jedis) {
    assertThat(send(jedis, "HELLOTOPK.COUNT", "missing", "a")).isEqualTo(0L);
    assertThat(send(jedis, "HELLOTOPK.LIST", "missing", "WITHCOUNTS")).isEqualTo(List.of());
    assertThat(send(jedis, "HELLOTOPK.RESET", "missing")).isEqualTo(0L);
    assertThatThrownBy(() -> send(jedis, "HELLOTOPK.INFO", "missing"))
        .hasMessage("ERR no such key");
    assertThat(jedis.exists("missing")).isFalse();
  }

  @Test
  void infoIsAMapOnResp3(RedisServer server, Jedis jedis) {
    send(jedis, "HELLOTOPK.RESERVE", "k", "3");
    add(jedis, "k", "a", 4);
    try (Jedis resp3 =
        new Jedis(
            server.hostAndPort(),
            DefaultJedisClientConfig.builder().protocol(RedisProtocol.RESP3).build())) {
      Object info = resp3.sendCommand(() -> SafeEncoder.encode("HELLOTOPK.INFO"), "k");
      assertThat(info)
          .asInstanceOf(InstanceOfAssertFactories.list(KeyValue.class))
          .extracting(entry -> SafeEncoder.encode((byte[]) entry.getKey()), KeyValue::getValue)
          .containsExactly(
              tuple("capacity", 3L), tuple("items", 1L), tuple("ignored", 0L), tuple("total", 4L));
    }
  }

  // A capacity: Space-Saving

  @Test
  void aFullCounterReplacesTheSmallestCountAndInheritsIt(Jedis jedis) {
    assertThat(send(jedis, "HELLOTOPK.RESERVE", "k", "2")).isEqualTo("OK");
    assertThat(send(jedis, "HELLOTOPK.INFO", "k"))
        .isEqualTo(List.of("capacity", 2L, "items", 0L, "ignored", 0L, "total", 0L));
    add(jedis, "k", "a", 5);
    add(jedis, "k", "b", 3);
    // c evicts b (3), the smallest, and starts from its count.
    assertThat(send(jedis, "HELLOTOPK.ADD", "k", "c")).isEqualTo(4L);
    assertThat(send(jedis, "HELLOTOPK.LIST", "k", "WITHCOUNTS"))
        .isEqualTo(List.of("a", 5L, "c", 4L));
    assertThat(send(jedis, "HELLOTOPK.COUNT", "k", "b")).isEqualTo(0L);
    // Among equal smallest counts, the first tracked goes: here a (5) before c (5).
    add(jedis, "k", "c", 1);
    assertThat(send(jedis, "HELLOTOPK.ADD", "k", "d", "2")).isEqualTo(7L);
    assertThat(send(jedis, "HELLOTOPK.LIST", "k", "WITHCOUNTS"))
        .isEqualTo(List.of("d", 7L, "c", 5L));
    assertThat(send(jedis, "HELLOTOPK.INFO", "k"))
        .isEqualTo(List.of("capacity", 2L, "items", 2L, "ignored", 0L, "total", 12L));
  }

  @Test
  void theHeavyHittersOfAStreamAreFound(Jedis jedis) {
    send(jedis, "HELLOTOPK.RESERVE", "k", "5");
    // 3 items of 100 occurrences each, in a stream of 300 distinct others (1 each), interleaved.
    for (int i = 0; i < 300; i++) {
      add(jedis, "k", "noise-" + i, 1);
      add(jedis, "k", "hit-" + (i % 3), 1);
    }
    @SuppressWarnings("unchecked")
    List<Object> top = (List<Object>) send(jedis, "HELLOTOPK.LIST", "k", "LIMIT", "3");
    assertThat(top).containsExactlyInAnyOrder("hit-0", "hit-1", "hit-2");
    for (int i = 0; i < 3; i++) {
      assertThat((Long) send(jedis, "HELLOTOPK.COUNT", "k", "hit-" + i))
          .isGreaterThanOrEqualTo(100L);
    }
  }

  @Test
  void reserveRefusesAnExistingKeyAndBadCapacities(Jedis jedis) {
    send(jedis, "HELLOTOPK.RESERVE", "k", "3");
    assertThatThrownBy(() -> send(jedis, "HELLOTOPK.RESERVE", "k", "3"))
        .hasMessage("ERR key already exists");
    assertThatThrownBy(() -> send(jedis, "HELLOTOPK.RESERVE", "k", "x"))
        .hasMessage("ERR key already exists");
    for (String capacity : new String[] {"0", "-1", "100001", "x", "1.5", ""}) {
      assertThatThrownBy(() -> send(jedis, "HELLOTOPK.RESERVE", "new", capacity))
          .hasMessage("ERR capacity must be an integer from 1 to 100000");
    }
    assertThat(send(jedis, "HELLOTOPK.RESERVE", "max", "100000")).isEqualTo("OK");
    assertThat(jedis.exists("new")).isFalse();
  }

  // Ignoring, resetting

  @Test
  void ignoredItemsAreDroppedAndNoLongerCounted(Jedis jedis) {
    add(jedis, "k", "bot", 50);
    add(jedis, "k", "alice", 2);
    assertThat(send(jedis, "HELLOTOPK.IGNORE", "k", "bot", "crawler", "bot")).isEqualTo(2L);
    assertThat(send(jedis, "HELLOTOPK.IGNORE", "k", "crawler")).isEqualTo(0L);
    assertThat(send(jedis, "HELLOTOPK.ADD", "k", "bot", "5")).isEqualTo(0L);
    assertThat(send(jedis, "HELLOTOPK.LIST", "k", "WITHCOUNTS")).isEqualTo(List.of("alice", 2L));
    // The total keeps what the ignored item counted before, not what came after.
    assertThat(send(jedis, "HELLOTOPK.INFO", "k"))
        .isEqualTo(List.of("capacity", 0L, "items", 1L, "ignored", 2L, "total", 52L));

    assertThat(send(jedis, "HELLOTOPK.IGNORE", "fresh", "x")).isEqualTo(1L);
    assertThat(jedis.type("fresh")).isEqualTo("hellotopk");
  }

  @Test
  void resetForgetsCountsButKeepsCapacityAndIgnoredItems(Jedis jedis) {
    send(jedis, "HELLOTOPK.RESERVE", "k", "10");
    add(jedis, "k", "a", 3);
    add(jedis, "k", "b", 1);
    send(jedis, "HELLOTOPK.IGNORE", "k", "c");
    assertThat(send(jedis, "HELLOTOPK.RESET", "k")).isEqualTo(2L);
    assertThat(send(jedis, "HELLOTOPK.INFO", "k"))
        .isEqualTo(List.of("capacity", 10L, "items", 0L, "ignored", 1L, "total", 0L));
    assertThat(send(jedis, "HELLOTOPK.ADD", "k", "c")).isEqualTo(0L);
    assertThat(jedis.exists("k")).isTrue();
  }

  // Errors

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "x", "1.5", "", " 1", "9223372036854775808"})
  void addRefusesAnIncrementThatIsNotAPositiveInteger(String increment, Jedis jedis) {
    add(jedis, "k", "a", 1);
    assertThatThrownBy(() -> send(jedis, "HELLOTOPK.ADD", "k", "a", increment))
        .hasMessage(NOT_AN_INCREMENT);
    assertThatThrownBy(() -> send(jedis, "HELLOTOPK.ADD", "new", "a", increment))
        .hasMessage(NOT_AN_INCREMENT);
    assertThat(send(jedis, "HELLOTOPK.COUNT", "k", "a")).isEqualTo(1L);
    assertThat(jedis.exists("new")).isFalse();
  }

  @Test
  void addRefusesToOverflowAndChangesNothing(Jedis jedis) {
    add(jedis, "k", "a", Long.MAX_VALUE - 1);
    assertThatThrownBy(() -> send(jedis, "HELLOTOPK.ADD", "k", "b", "2"))
        .hasMessage("ERR increment would overflow the count");
    assertThat(send(jedis, "HELLOTOPK.ADD", "k", "a")).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> send(jedis, "HELLOTOPK.ADD", "k", "a"))
        .hasMessage("ERR increment would overflow the count");
    assertThat(send(jedis, "HELLOTOPK.LIST", "k", "WITHCOUNTS"))
        .isEqualTo(List.of("a", Long.MAX_VALUE));
  }

  @Test
  void itemsMustBeUtf8(Jedis jedis) {
    byte[] notUtf8 = {(byte) 0xff, 'a'};
    assertThatThrownBy(() -> jedis.sendCommand(command("HELLOTOPK.ADD"), bytes("k"), notUtf8))
        .hasMessage("ERR item is not valid UTF-8");
    assertThatThrownBy(
            () -> jedis.sendCommand(command("HELLOTOPK.IGNORE"), bytes("k"), bytes("ok"), notUtf8))
        .hasMessage("ERR item is not valid UTF-8");
    assertThat(jedis.exists("k")).isFalse();
  }

  @Test
  void listRefusesUnknownOptionsAndBadLimits(Jedis jedis) {
    add(jedis, "k", "a", 1);
    for (String[] options :
        new String[][] {{"WITHSCORES"}, {"LIMIT"}, {"WITHCOUNTS", "LIMIT"}, {"1"}}) {
      assertThatThrownBy(() -> send(jedis, "HELLOTOPK.LIST", concat("k", options)))
          .hasMessage("ERR syntax error");
    }
    for (String limit : new String[] {"-1", "x", "1.5"}) {
      assertThatThrownBy(() -> send(jedis, "HELLOTOPK.LIST", "k", "LIMIT", limit))
          .hasMessage("ERR LIMIT must be a non-negative integer");
    }
  }

  @Test
  void everyCommandRefusesAKeyOfAnotherTypeFirst(Jedis jedis) {
    jedis.set("s", "v");
    String[][] calls = {
      {"HELLOTOPK.RESERVE", "s", "x"},
      {"HELLOTOPK.ADD", "s", "a", "x"},
      {"HELLOTOPK.COUNT", "s", "a"},
      {"HELLOTOPK.LIST", "s", "BOGUS"},
      {"HELLOTOPK.INFO", "s"},
      {"HELLOTOPK.IGNORE", "s", "a"},
      {"HELLOTOPK.RESET", "s"},
    };
    for (String[] call : calls) {
      assertThatThrownBy(() -> send(jedis, call[0], Arrays.copyOfRange(call, 1, call.length)))
          .hasMessage(WRONGTYPE);
    }
    assertThat(jedis.get("s")).isEqualTo("v");

    add(jedis, "t", "a", 1);
    assertThatThrownBy(() -> jedis.get("t")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.LEN", "t")).hasMessage(WRONGTYPE);
  }

  @Test
  void wrongArityNamesTheCommand(Jedis jedis) {
    String[][] calls = {
      {"HELLOTOPK.RESERVE", "k"},
      {"HELLOTOPK.RESERVE", "k", "1", "2"},
      {"HELLOTOPK.ADD", "k"},
      {"HELLOTOPK.ADD", "k", "a", "1", "2"},
      {"HELLOTOPK.COUNT", "k"},
      {"HELLOTOPK.COUNT", "k", "a", "b"},
      {"HELLOTOPK.LIST"},
      {"HELLOTOPK.INFO"},
      {"HELLOTOPK.INFO", "k", "k"},
      {"HELLOTOPK.IGNORE", "k"},
      {"HELLOTOPK.RESET"},
      {"HELLOTOPK.RESET", "k", "k"},
    };
    for (String[] call : calls) {
      assertThatThrownBy(() -> send(jedis, call[0], Arrays.copyOfRange(call, 1, call.length)))
          .hasMessage("ERR wrong number of arguments for '" + call[0].toLowerCase() + "' command");
    }
    assertThat(jedis.exists("k")).isFalse();
  }

  // Digest and memory

  @Test
  void equalContentDigestsEquallyWhateverTheOrder(Jedis jedis) {
    add(jedis, "one", "a", 3);
    add(jedis, "one", "b", 1);
    add(jedis, "one", "c", 2);
    send(jedis, "HELLOTOPK.IGNORE", "one", "x", "y");

    send(jedis, "HELLOTOPK.IGNORE", "two", "y", "x");
    add(jedis, "two", "c", 1);
    add(jedis, "two", "b", 1);
    add(jedis, "two", "a", 2);
    add(jedis, "two", "c", 1);
    add(jedis, "two", "a", 1);

    // Not the same bytes: the items are kept in the order they came.
    assertThat(jedis.dump("one")).isNotEqualTo(jedis.dump("two"));
    assertThat(digest(jedis, "one")).isEqualTo(digest(jedis, "two"));

    add(jedis, "two", "a", 1);
    assertThat(digest(jedis, "one")).isNotEqualTo(digest(jedis, "two"));
    add(jedis, "one", "a", 1);
    assertThat(digest(jedis, "one")).isEqualTo(digest(jedis, "two"));
    send(jedis, "HELLOTOPK.IGNORE", "one", "z");
    assertThat(digest(jedis, "one")).isNotEqualTo(digest(jedis, "two"));
  }

  @Test
  void digestsDifferForDifferentCapacitiesOrErrors(Jedis jedis) {
    send(jedis, "HELLOTOPK.RESERVE", "bounded", "10");
    add(jedis, "bounded", "a", 1);
    add(jedis, "exact", "a", 1);
    assertThat(digest(jedis, "bounded")).isNotEqualTo(digest(jedis, "exact"));
  }

  @Test
  void memoryUsageGrowsWithTheContent(Jedis jedis) {
    add(jedis, "k", "a", 1);
    long one = jedis.memoryUsage("k");
    for (int i = 0; i < 100; i++) {
      add(jedis, "k", "item-" + i, 1);
    }
    long hundred = jedis.memoryUsage("k");
    send(jedis, "HELLOTOPK.IGNORE", "k", "a-rather-long-item-name-to-ignore-" + "x".repeat(200));
    long ignoring = jedis.memoryUsage("k");
    assertThat(one).isPositive();
    assertThat(hundred).isGreaterThan(one + 100 * 10);
    assertThat(ignoring).isGreaterThan(hundred + 200);
  }

  // Loading older data through the restore command

  @Test
  void encver0DataLoadsAsAnExactCounterWithItsTotalComputed(Jedis jedis) {
    // Encver 0: the counters (item, count) and the ignored items; no error, capacity or total.
    byte[] encver0 =
        new Records()
            .unsigned(3)
            .buffer("a")
            .signed(5)
            .buffer("b")
            .signed(7)
            .buffer("ü")
            .signed(1)
            .unsigned(1)
            .buffer("bot")
            .bytes();
    assertThat(restore(jedis, "old", 0, encver0)).isEqualTo("OK");

    assertThat(jedis.type("old")).isEqualTo("hellotopk");
    assertThat(send(jedis, "HELLOTOPK.LIST", "old", "WITHCOUNTS"))
        .isEqualTo(List.of("b", 7L, "a", 5L, "ü", 1L));
    assertThat(send(jedis, "HELLOTOPK.INFO", "old"))
        .isEqualTo(List.of("capacity", 0L, "items", 3L, "ignored", 1L, "total", 13L));
    assertThat(send(jedis, "HELLOTOPK.ADD", "old", "bot")).isEqualTo(0L);

    // The same content at encver 1, errors of 0, capacity 0 and the computed total: equal.
    byte[] encver1 =
        new Records()
            .unsigned(3)
            .buffer("a")
            .signed(5)
            .signed(0)
            .buffer("b")
            .signed(7)
            .signed(0)
            .buffer("ü")
            .signed(1)
            .signed(0)
            .unsigned(1)
            .buffer("bot")
            .signed(0)
            .signed(13)
            .bytes();
    assertThat(restore(jedis, "new", 1, encver1)).isEqualTo("OK");
    assertThat(digest(jedis, "old")).isEqualTo(digest(jedis, "new"));
    assertThat(jedis.dump("old")).isEqualTo(jedis.dump("new"));

    // And counting goes on from there, once upgraded.
    assertThat(send(jedis, "HELLOTOPK.ADD", "old", "a", "2")).isEqualTo(7L);
    assertThat(send(jedis, "HELLOTOPK.INFO", "old"))
        .isEqualTo(List.of("capacity", 0L, "items", 3L, "ignored", 1L, "total", 15L));
  }

  @Test
  void encver1DataKeepsCapacityErrorsAndTotal(Jedis jedis) {
    byte[] encver1 =
        new Records()
            .unsigned(2)
            .buffer("x")
            .signed(9)
            .signed(4)
            .buffer("y")
            .signed(6)
            .signed(0)
            .unsigned(0)
            .signed(2)
            .signed(20)
            .bytes();
    assertThat(restore(jedis, "k", 1, encver1)).isEqualTo("OK");
    assertThat(send(jedis, "HELLOTOPK.INFO", "k"))
        .isEqualTo(List.of("capacity", 2L, "items", 2L, "ignored", 0L, "total", 20L));
    // Full: z replaces y (6, the smallest).
    assertThat(send(jedis, "HELLOTOPK.ADD", "k", "z")).isEqualTo(7L);
    assertThat(send(jedis, "HELLOTOPK.LIST", "k", "WITHCOUNTS"))
        .isEqualTo(List.of("x", 9L, "z", 7L));
  }

  @Test
  void restoreRefusesANewerEncverAndMalformedData(Jedis jedis) {
    byte[] empty = new Records().unsigned(0).unsigned(0).signed(0).signed(0).bytes();
    assertThatThrownBy(() -> restore(jedis, "k", 2, empty))
        .hasMessage("ERR cannot load hellotopk data of encver 2: this module reads encver 0 to 1");
    // Encver-1 data read as encver 0: records left over.
    assertThatThrownBy(() -> restore(jedis, "k", 0, empty))
        .hasMessage("ERR corrupt serialized value: bytes left over");
    // A count written unsigned where the format has it signed.
    byte[] wrongRecord = new Records().unsigned(1).buffer("a").unsigned(1).bytes();
    assertThatThrownBy(() -> restore(jedis, "k", 0, wrongRecord))
        .hasMessageStartingWith("ERR corrupt serialized value: expected record 'S' but found 'U'");
    byte[] capacityTooLarge =
        new Records().unsigned(0).unsigned(0).signed(1L << 40).signed(0).bytes();
    assertThatThrownBy(() -> restore(jedis, "k", 1, capacityTooLarge))
        .hasMessage("ERR corrupt hellotopk value: capacity out of range");
    assertThat(jedis.exists("k")).isFalse();
  }

  @Test
  void restoreOfAPayloadCutInsideARecordSaysItEndsTooEarly(Jedis jedis) {
    byte[] cut = {'U', 1, 0, 0};
    assertThatThrownBy(() -> restore(jedis, "k", 1, cut))
        .hasMessage("ERR corrupt serialized value: it ends too early");
  }

  @Test
  void restoreRefusesAnEncverOutsideTheRange(Jedis jedis) {
    byte[] encver0 = new Records().unsigned(0).unsigned(0).bytes();
    assertThatThrownBy(() -> restore(jedis, "k", 4294967296L, encver0))
        .isInstanceOf(JedisDataException.class);
    assertThatThrownBy(() -> restore(jedis, "k", -1, encver0))
        .isInstanceOf(JedisDataException.class);
    assertThat(jedis.exists("k")).isFalse();
  }

  // Refusing loaded values that break TopK's invariants (TopK.validateLoaded)

  @Test
  void restoreRefusesMoreItemsThanTheCapacity(Jedis jedis) {
    byte[] payload = twoItems("x", 3, "y", 2).unsigned(0).signed(1).signed(5).bytes();
    assertThatThrownBy(() -> restore(jedis, "k", 1, payload))
        .hasMessage("ERR invalid hellotopk value: 2 items tracked, above the capacity 1");
    assertThat(jedis.exists("k")).isFalse();
  }

  @Test
  void restoreRefusesANegativeCount(Jedis jedis) {
    byte[] payload =
        new Records()
            .unsigned(1)
            .buffer("x")
            .signed(-4)
            .signed(0)
            .unsigned(0)
            .signed(0)
            .signed(0)
            .bytes();
    assertThatThrownBy(() -> restore(jedis, "k", 1, payload))
        .hasMessage(
            "ERR invalid hellotopk value: item x has count -4 and error 0; a count is positive and above its error");
    assertThat(jedis.exists("k")).isFalse();
  }

  @Test
  void restoreRefusesRepeatedItems(Jedis jedis) {
    byte[] counted = twoItems("x", 3, "x", 2).unsigned(0).signed(0).signed(5).bytes();
    assertThatThrownBy(() -> restore(jedis, "k", 1, counted))
        .hasMessage("ERR corrupt hellotopk value: duplicate key in counters");
    byte[] ignoredTwice =
        new Records()
            .unsigned(0)
            .unsigned(2)
            .buffer("bot")
            .buffer("bot")
            .signed(0)
            .signed(0)
            .bytes();
    assertThatThrownBy(() -> restore(jedis, "k", 1, ignoredTwice))
        .hasMessage("ERR corrupt hellotopk value: duplicate element in ignored");
    byte[] countedAndIgnored =
        twoItems("x", 3, "y", 2).unsigned(1).buffer("y").signed(0).signed(5).bytes();
    assertThatThrownBy(() -> restore(jedis, "k", 1, countedAndIgnored))
        .hasMessage("ERR invalid hellotopk value: item y is both counted and ignored");
    assertThat(jedis.exists("k")).isFalse();
  }

  @Test
  void redisRestoreOfAHandMadeDumpIsValidatedToo(Jedis jedis, RedisServer server) {
    send(jedis, "HELLOTOPK.RESERVE", "template", "1");
    byte[] template = jedis.dump("template");
    // The hand-made payload carries no CRC: only the validation may refuse it.
    assertThat(send(jedis, "DEBUG", "SET-SKIP-CHECKSUM-VALIDATION", "1")).isEqualTo("OK");
    try {
      assertThat(jedis.restore("fits", 0, handMadeDump(template, 2))).isEqualTo("OK");
      assertThat(send(jedis, "HELLOTOPK.INFO", "fits"))
          .isEqualTo(List.of("capacity", 2L, "items", 2L, "ignored", 0L, "total", 5L));
      assertThatThrownBy(() -> jedis.restore("overfull", 0, handMadeDump(template, 1)))
          .isInstanceOf(JedisDataException.class);
      assertThat(jedis.exists("overfull")).isFalse();
      assertThat(server.logTail(20))
          .contains("ERR invalid hellotopk value: 2 items tracked, above the capacity 1");
    } finally {
      send(jedis, "DEBUG", "SET-SKIP-CHECKSUM-VALIDATION", "0");
    }
  }

  /** The counters x (3) and y (2) with the given capacity and total 5, as DUMP writes them. */
  private static byte[] handMadeDump(byte[] template, int capacity) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Arrays.copyOf(template, 10)); // RDB_TYPE_MODULE_2 and the module id (0x81 + 8)
    // Module records, an opcode then a value: 2 unsigned (one byte below 64), 5 string, 0 EOF.
    out.writeBytes(new byte[] {2, 2, 5, 1, 'x', 2, 3, 2, 0, 5, 1, 'y', 2, 2, 2, 0});
    out.writeBytes(new byte[] {2, 0, 2, (byte) capacity, 2, 5, 0});
    out.writeBytes(
        Arrays.copyOfRange(template, template.length - 10, template.length - 8)); // RDB version
    out.writeBytes(new byte[8]); // no CRC
    return out.toByteArray();
  }

  private static Records twoItems(String first, long firstCount, String second, long secondCount) {
    return new Records()
        .unsigned(2)
        .buffer(first)
        .signed(firstCount)
        .signed(0)
        .buffer(second)
        .signed(secondCount)
        .signed(0);
  }

  // Helpers

  private static void add(Jedis jedis, String key, String item, long increment) {
    send(jedis, "HELLOTOPK.ADD", key, item, Long.toString(increment));
  }

  private static Object digest(Jedis jedis, String key) {
    return send(jedis, "DEBUG", "DIGEST-VALUE", key);
  }

  /** {@code helloworld.jrm-restore key hellotopk encver payload}, as a rewritten AOF has it. */
  static Object restore(Jedis jedis, String key, long encver, byte[] payload) {
    Object reply =
        jedis.sendCommand(
            command("helloworld.jrm-restore"),
            bytes(key),
            bytes("hellotopk"),
            bytes(Long.toString(encver)),
            payload);
    return reply instanceof byte[] b ? SafeEncoder.encode(b) : reply;
  }

  private static redis.clients.jedis.commands.ProtocolCommand command(String name) {
    return () -> bytes(name);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /**
   * A value's serialized form, as the restore command takes it: one record per {@code Save*} call,
   * in the order the generated save writes them ({@code io.jrm.internal.types.Snapshot}).
   */
  static final class Records {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Records unsigned(long value) {
      return record('U', value);
    }

    Records signed(long value) {
      return record('S', value);
    }

    Records buffer(String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      record('B', bytes.length);
      out.writeBytes(bytes);
      return this;
    }

    private Records record(char tag, long value) {
      out.write(tag);
      out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
