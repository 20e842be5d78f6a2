package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** NativeBuffer: Redis's allocator from Java, and the errors that keep freed memory untouched. */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class MemoryIT {
  private static final long MB = 1024 * 1024;

  @Test
  void allocatedMemoryHoldsWhatWasWritten(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.API.MEM.ALLOC", "héllo wörld"))
        .isEqualTo(List.of(13L, "héllo wörld"));
  }

  @Test
  void callocReturnsZeroedMemory(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.API.MEM.CALLOC", "1000", "64")).isEqualTo(List.of(64000L, 0L));
  }

  @Test
  void reallocKeepsTheContents(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.API.MEM.REALLOC", "abcdef", "100000"))
        .isEqualTo(List.of(100000L, "abcdef" + "+".repeat(100000 - 6)));
    assertThat(send(jedis, "JRMTEST.API.MEM.REALLOC", "abcdef", "3")).isEqualTo(List.of(3L, "abc"));
    assertThat(send(jedis, "JRMTEST.API.MEM.REALLOC", "abcdef", "0")).isEqualTo(List.of(0L, ""));
  }

  @Test
  void strdupCopiesTheTextAndItsTerminator(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.API.MEM.STRDUP", "héllo")).isEqualTo(List.of(7L, "héllo\0"));
    assertThat(send(jedis, "JRMTEST.API.MEM.STRDUP", "")).isEqualTo(List.of(1L, "\0"));
  }

  @Test
  void allocationsCountInUsedMemoryUntilFreed(Jedis jedis) {
    long before = Info.usedMemory(jedis);
    assertThat(send(jedis, "JRMTEST.API.MEM.HOLD", String.valueOf(10 * MB))).isEqualTo("OK");
    long holding = Info.usedMemory(jedis);
    assertThat(holding - before).isCloseTo(10 * MB, within(MB / 2));
    // Another command reads it: the memory outlived the command that allocated it.
    assertThat(send(jedis, "JRMTEST.API.MEM.READHELD")).isEqualTo("start");
    assertThat(send(jedis, "JRMTEST.API.MEM.RELEASE")).isEqualTo("OK");
    long released = Info.usedMemory(jedis);
    assertThat(holding - released).isCloseTo(10 * MB, within(MB / 2));
    assertThatThrownBy(() -> send(jedis, "JRMTEST.API.MEM.READHELD"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR java.lang.IllegalStateException: this NativeBuffer was freed");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void aFreedBufferRefusesToBeRead(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.API.MEM.AFTERFREE"))
        .hasMessage("ERR java.lang.IllegalStateException: this NativeBuffer was freed");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void accessIsBoundsChecked(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.API.MEM.BOUNDS", "0", "8")).isEqualTo(8L);
    assertThat(send(jedis, "JRMTEST.API.MEM.BOUNDS", "8", "0")).isEqualTo(0L);
    for (String[] range :
        new String[][] {
          {"1", "8"}, {"-1", "1"}, {"9", "0"}, {"0", "-1"}, {String.valueOf(Long.MAX_VALUE), "8"}
        }) {
      assertThatThrownBy(() -> send(jedis, "JRMTEST.API.MEM.BOUNDS", range))
          .hasMessageStartingWith("ERR java.lang.IndexOutOfBoundsException: range [" + range[0]);
    }
  }

  @Test
  void poolMemoryServesItsCommand(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.API.MEM.POOL", "100"))
        .isEqualTo(List.of(100L, 0L, "p".repeat(100)));
    assertThat(send(jedis, "JRMTEST.API.MEM.POOL", "100000"))
        .isEqualTo(List.of(100000L, 0L, "p".repeat(100000)));
    // PoolAlloc(0) is NULL in C: an empty buffer here, with nothing to read or write.
    assertThat(send(jedis, "JRMTEST.API.MEM.POOL", "0")).isEqualTo(List.of(0L, 1L, ""));
  }

  @Test
  void poolMemoryDiesWithItsCommand(Jedis jedis, RedisServer server) {
    assertThat(send(jedis, "JRMTEST.API.MEM.POOLKEEP")).isEqualTo("OK");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.API.MEM.POOLREAD"))
        .hasMessage(
            "ERR java.lang.IllegalStateException: "
                + "this pool NativeBuffer was freed by Redis when its command returned");
    assertThat(jedis.ping()).isEqualTo("PONG");
    assertThat(server.isRunning()).isTrue();
  }
}
