package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Streams through a key ({@code WriteKey.streamAdd}, {@code StreamIterator}...) as a client sees.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class StreamIT {
  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  @Test
  void addedEntriesAreWhatXrangeShows(Jedis jedis) {
    String first = (String) send(jedis, "JRMTEST.STREAM.ADD", "s", "a", "1", "b", "2");
    assertThat(send(jedis, "JRMTEST.STREAM.ADDID", "s", "99999999999999-7", "c", "3"))
        .isEqualTo("99999999999999-7");
    List<StreamEntry> entries = jedis.xrange("s", (StreamEntryID) null, (StreamEntryID) null);
    assertThat(entries)
        .extracting(e -> e.getID().toString())
        .containsExactly(first, "99999999999999-7");
    assertThat(entries.get(0).getFields()).isEqualTo(Map.of("a", "1", "b", "2"));
  }

  @Test
  void anIdNotAboveTheTopIsRefusedAsXaddRefusesIt(Jedis jedis) {
    jedis.xadd("s", new StreamEntryID(5, 5), Map.of("f", "v"));
    assertThatThrownBy(() -> send(jedis, "JRMTEST.STREAM.ADDID", "s", "5-5", "f", "v"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage(
            "ERR The ID specified in XADD is equal or smaller than the target stream top item");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.STREAM.ADDID", "t", "0-0", "f", "v"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR The ID specified in XADD must be greater than 0-0");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.STREAM.ADD", "s", "odd"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageContaining("fields and values come in pairs");
    assertThat(jedis.xlen("s")).isEqualTo(1);
    assertThat(jedis.exists("t")).isFalse();
  }

  @Test
  void theIteratorWalksARangeForwardBackwardAndExclusive(Jedis jedis) {
    for (int i = 1; i <= 4; i++) {
      jedis.xadd("s", new StreamEntryID(i, 0), Map.of("n", String.valueOf(i)));
    }
    assertThat(send(jedis, "JRMTEST.STREAM.RANGE", "s", "-", "+"))
        .isEqualTo(List.of("1-0 n 1", "2-0 n 2", "3-0 n 3", "4-0 n 4"));
    assertThat(send(jedis, "JRMTEST.STREAM.RANGE", "s", "2", "3", "REVERSE"))
        .isEqualTo(List.of("3-0 n 3", "2-0 n 2"));
    assertThat(send(jedis, "JRMTEST.STREAM.RANGE", "s", "1", "4", "EXCLUSIVE"))
        .isEqualTo(List.of("2-0 n 2", "3-0 n 3"));
    assertThat(send(jedis, "JRMTEST.STREAM.RANGE", "s", "0-0", "4", "EXCLUSIVE", "REVERSE"))
        .isEqualTo(List.of("3-0 n 3", "2-0 n 2", "1-0 n 1"));
    assertThat(send(jedis, "JRMTEST.STREAM.RANGE", "missing", "-", "+")).isEqualTo(List.of());
  }

  @Test
  void theIteratorDeletesTheEntryItIsAt(Jedis jedis) {
    jedis.xadd("s", new StreamEntryID(1, 0), Map.of("keep", "x"));
    jedis.xadd("s", new StreamEntryID(2, 0), Map.of("drop", "x"));
    jedis.xadd("s", new StreamEntryID(3, 0), Map.of("keep", "y"));
    jedis.xadd("s", new StreamEntryID(4, 0), Map.of("drop", "y"));
    assertThat(send(jedis, "JRMTEST.STREAM.DROPFIELD", "s", "drop")).isEqualTo(2L);
    assertThat(send(jedis, "JRMTEST.STREAM.RANGE", "s", "-", "+"))
        .isEqualTo(List.of("1-0 keep x", "3-0 keep y"));
  }

  @Test
  void aKeyOpenedForReadingCannotDeleteThroughItsIterator(Jedis jedis) {
    jedis.xadd("s", new StreamEntryID(1, 0), Map.of("f", "v"));
    assertThatThrownBy(() -> send(jedis, "JRMTEST.STREAM.READDELETE", "s"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR the key is not open for writing");
    assertThat(jedis.xlen("s")).isEqualTo(1);
  }

  @Test
  void aWriteThroughTheKeyEndsItsIterator(Jedis jedis) {
    jedis.xadd("s", new StreamEntryID(1, 0), Map.of("f", "v"));
    @SuppressWarnings("unchecked")
    List<String> reply =
        (List<String>) send(jedis, "JRMTEST.STREAM.ADDWHILEWALKING", "s", "g", "w");
    assertThat(reply.get(0)).isEqualTo("ended");
    assertThat(jedis.xlen("s")).isEqualTo(2);
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void entriesAreDeletedAndTrimmedByLengthAndById(Jedis jedis) {
    for (int i = 1; i <= 10; i++) {
      jedis.xadd("s", new StreamEntryID(i, 0), Map.of("n", String.valueOf(i)));
    }
    assertThat(send(jedis, "JRMTEST.STREAM.DELETE", "s", "5-0")).isEqualTo(1L);
    assertThat(send(jedis, "JRMTEST.STREAM.DELETE", "s", "5-0")).isEqualTo(0L);
    assertThat(send(jedis, "JRMTEST.STREAM.TRIM", "s", "MAXLEN", "6")).isEqualTo(3L);
    assertThat(send(jedis, "JRMTEST.STREAM.TRIM", "s", "MINID", "8")).isEqualTo(3L);
    assertThat(send(jedis, "JRMTEST.STREAM.RANGE", "s", "-", "+"))
        .isEqualTo(List.of("8-0 n 8", "9-0 n 9", "10-0 n 10"));
    // Approximate trimming keeps whole nodes: of a few entries, one node, it keeps all.
    assertThat(send(jedis, "JRMTEST.STREAM.TRIM", "s", "MAXLEN", "1", "APPROX")).isEqualTo(0L);
    assertThat(send(jedis, "JRMTEST.STREAM.TRIM", "missing", "MAXLEN", "0")).isEqualTo(0L);
    assertThat(send(jedis, "JRMTEST.STREAM.DELETE", "missing", "1-0")).isEqualTo(0L);
  }

  @Test
  void otherTypesAreWrongTypeErrors(Jedis jedis) {
    jedis.set("str", "v");
    for (List<String> command :
        List.of(
            List.of("JRMTEST.STREAM.ADD", "str", "f", "v"),
            List.of("JRMTEST.STREAM.RANGE", "str", "-", "+"),
            List.of("JRMTEST.STREAM.DELETE", "str", "1-0"),
            List.of("JRMTEST.STREAM.TRIM", "str", "MAXLEN", "0"))) {
      assertThatThrownBy(
              () ->
                  send(
                      jedis,
                      command.get(0),
                      command.subList(1, command.size()).toArray(String[]::new)))
          .as(command.toString())
          .isInstanceOf(JedisDataException.class)
          .hasMessageStartingWith("WRONGTYPE");
    }
    assertThat(jedis.get("str")).isEqualTo("v");
  }
}
