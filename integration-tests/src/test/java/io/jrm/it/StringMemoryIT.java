package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;

/**
 * Stream id and long double strings, held strings and allocations that may fail, as a client sees
 * them (the io.jrm side of HoldString, TryAlloc, MallocSize*, StringToStreamID,
 * CreateStringFromStreamID and CreateStringFromLongDouble).
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class StringMemoryIT {
  @Test
  void aStreamIdIsReadAndWrittenAsXaddWritesIt(Jedis jedis) {
    String added = jedis.xadd("s", StreamEntryID.NEW_ENTRY, Map.of("f", "v")).toString();
    List<?> parsed = (List<?>) send(jedis, "JRMTEST.SM.STREAMID", added);
    assertThat(parsed.get(2)).isEqualTo(added);
    assertThat(parsed.get(0) + "-" + parsed.get(1)).isEqualTo(added);
    assertThat(send(jedis, "JRMTEST.SM.STREAMID", "18446744073709551615-7"))
        .isEqualTo(List.of("18446744073709551615", "7", "18446744073709551615-7"));
    assertThat(send(jedis, "JRMTEST.SM.STREAMID", "5")).isEqualTo(List.of("5", "0", "5-0"));
    assertThatThrownBy(() -> send(jedis, "JRMTEST.SM.STREAMID", "1-x"))
        .hasMessage("ERR Invalid stream ID specified as stream command argument");
  }

  @Test
  void aLongDoubleIsWrittenAsIncrbyfloatWritesIt(Jedis jedis) {
    assumeThat(System.getenv("JRM_BACKEND"))
        .as("jna cannot pass a long double")
        .isNotEqualTo("jna");
    jedis.set("f", "0");
    jedis.incrByFloat("f", 10.5);
    assertThat(jedis.get("f")).isEqualTo("10.5");
    assertThat(send(jedis, "JRMTEST.SM.LONGDOUBLE", "10.50", "1")).isEqualTo("10.5");
    assertThat(send(jedis, "JRMTEST.SM.LONGDOUBLE", "1E+20", "1"))
        .isEqualTo("100000000000000000000");
    assertThat(send(jedis, "JRMTEST.SM.LONGDOUBLE", "1E+20", "0")).isEqualTo("1e+20");
    // 17 digits of a long double's 0.3: a double's 0.3 would show 0.29999999999999999.
    assertThat(send(jedis, "JRMTEST.SM.LONGDOUBLE", "0.3", "0")).isEqualTo("0.3");
  }

  @Test
  void aHeldStringOutlivesItsCommand(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.SM.HELD")).isNull();
    long size = (Long) send(jedis, "JRMTEST.SM.HOLD", "kept value");
    assertThat(size).isGreaterThanOrEqualTo("kept value".length());
    jedis.set("other", "traffic");
    assertThat(send(jedis, "JRMTEST.SM.HELD")).isEqualTo("kept value");
    send(jedis, "JRMTEST.SM.HOLD", "second");
    assertThat(send(jedis, "JRMTEST.SM.HELD")).isEqualTo("second");
  }

  @Test
  void anAllocationTooLargeIsRefusedAndTheServerStays(Jedis jedis) {
    List<?> sizes = (List<?>) send(jedis, "JRMTEST.SM.TRYALLOC", "100");
    assertThat(sizes.get(0)).isEqualTo(100L);
    assertThat((Long) sizes.get(1)).isGreaterThanOrEqualTo(100L);
    assertThat((Long) sizes.get(2)).isGreaterThanOrEqualTo(100L);
    assertThat(send(jedis, "JRMTEST.SM.TRYALLOC", Long.toString(1L << 62))).isEqualTo(-1L);
    assertThat(jedis.ping()).isEqualTo("PONG");
  }
}
