package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Timers ({@code Context.createTimer}): each test timer pushes onto a list, and the test waits for
 * it with BLPOP (bounded by {@link #WAIT_SECONDS}), so nothing here depends on how long a timer
 * takes beyond its order.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class TimerIT {
  private static final String WAIT_SECONDS = "10";

  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  private static List<String> pop(Jedis jedis, String list) {
    return jedis.blpop(Integer.parseInt(WAIT_SECONDS), list);
  }

  @Test
  void aTimerRunsItsCallbackWithItsDataOnce(Jedis jedis) {
    send(jedis, "JRMTEST.TIMER.PUSH", "fired", "first", "10");
    send(jedis, "JRMTEST.TIMER.PUSH", "fired", "second", "30");
    assertThat(pop(jedis, "fired")).containsExactly("fired", "first");
    assertThat(pop(jedis, "fired")).containsExactly("fired", "second");
    assertThat(jedis.llen("fired")).isZero();
  }

  @Test
  void aStoppedTimerNeverFires(Jedis jedis) {
    long id = (Long) send(jedis, "JRMTEST.TIMER.PUSH", "fired", "stopped", "20");
    assertThat(send(jedis, "JRMTEST.TIMER.STOP", String.valueOf(id))).isEqualTo(1L);
    // a later timer on the same list fires after the stopped one would have
    send(jedis, "JRMTEST.TIMER.PUSH", "fired", "later", "60");
    assertThat(pop(jedis, "fired")).containsExactly("fired", "later");
    assertThat(jedis.llen("fired")).isZero();
    assertThat(send(jedis, "JRMTEST.TIMER.STOP", String.valueOf(id))).isEqualTo(0L);
  }

  @Test
  void aPendingTimerShowsItsDataAndTimeLeftUntilItFires(Jedis jedis) {
    long id = (Long) send(jedis, "JRMTEST.TIMER.PUSH", "fired", "value", "100000");
    List<?> info = (List<?>) send(jedis, "JRMTEST.TIMER.INFO", String.valueOf(id));
    assertThat(info.get(0)).isEqualTo("value");
    assertThat((Long) info.get(1)).isBetween(1L, 100000L);
    assertThat(send(jedis, "JRMTEST.TIMER.STOP", String.valueOf(id))).isEqualTo(1L);
    assertThat(send(jedis, "JRMTEST.TIMER.INFO", String.valueOf(id))).isNull();
    assertThat(send(jedis, "JRMTEST.TIMER.INFO", "12345")).isNull();
  }

  @Test
  void aFiredTimerIsGone(Jedis jedis) {
    long id = (Long) send(jedis, "JRMTEST.TIMER.PUSH", "fired", "once", "10");
    pop(jedis, "fired");
    assertThat(send(jedis, "JRMTEST.TIMER.INFO", String.valueOf(id))).isNull();
    assertThat(send(jedis, "JRMTEST.TIMER.STOP", String.valueOf(id))).isEqualTo(0L);
  }

  @Test
  void aFiringTimerCannotStopItself(Jedis jedis) {
    // Redis frees a timer after its callback: stopping it from there would free it twice
    send(jedis, "JRMTEST.TIMER.SELFSTOP", "fired", "10");
    assertThat(pop(jedis, "fired"))
        .containsExactly("fired", "stopped=false remaining=false found=false");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void theCallbackRunsInTheDatabaseTheTimerWasCreatedIn(Jedis jedis) {
    jedis.select(3);
    send(jedis, "JRMTEST.TIMER.PUSH", "fired", "in-db-3", "10");
    assertThat(pop(jedis, "fired")).containsExactly("fired", "in-db-3");
    jedis.select(0);
    assertThat(jedis.exists("fired")).isFalse();
  }

  @Test
  void aCallbackThatThrowsIsLoggedAndLaterTimersStillFire(Jedis jedis, RedisServer server) {
    send(jedis, "JRMTEST.TIMER.THROW", "5");
    send(jedis, "JRMTEST.TIMER.PUSH", "fired", "after", "40");
    assertThat(pop(jedis, "fired")).containsExactly("fired", "after");
    assertThat(server.logTail(50))
        .contains("timer callback threw java.lang.IllegalStateException: timer boom");
  }

  @Test
  void aNegativePeriodIsRefused(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.TIMER.PUSH", "fired", "x", "-1"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageContaining("a timer's period is not negative: -1");
  }

  @Test
  void theMonotonicClockDoesNotGoBack(Jedis jedis) {
    List<?> clocks = (List<?>) send(jedis, "JRMTEST.TIMER.CLOCKS");
    assertThat((Long) clocks.get(0)).isGreaterThan(1_600_000_000_000L);
    assertThat((Long) clocks.get(2)).isGreaterThanOrEqualTo((Long) clocks.get(1));
  }
}
