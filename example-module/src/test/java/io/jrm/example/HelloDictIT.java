package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** The hellodict commands, with the replies of Redis's C module, as a client sees them. */
@RedisServerTest(modules = @LoadModule(path = "target/helloworld.so"))
class HelloDictIT {
  @Test
  void setThenGetAnswersTheValue(Jedis jedis) {
    assertThat(send(jedis, "HELLODICT.SET", "greeting", "hello")).isEqualTo("OK");
    assertThat(send(jedis, "HELLODICT.GET", "greeting")).isEqualTo("hello");
    assertThat(send(jedis, "HELLODICT.GET", "nobody")).isNull();
  }

  @Test
  void aSecondSetKeepsTheFirstValueAsInC(Jedis jedis) {
    assertThat(send(jedis, "HELLODICT.SET", "once", "first")).isEqualTo("OK");
    assertThat(send(jedis, "HELLODICT.SET", "once", "second")).isEqualTo("OK");
    assertThat(send(jedis, "HELLODICT.GET", "once")).isEqualTo("first");
  }

  @Test
  void theDictionaryIsNotTheKeyspace(Jedis jedis) {
    send(jedis, "HELLODICT.SET", "outside", "v");
    assertThat(jedis.exists("outside")).isFalse();
  }

  @Test
  void keyRangeAnswersKeysInOrderWithinBoundsAndCount(Jedis jedis) {
    for (String key : List.of("range:d", "range:a", "range:c", "range:b", "range:e")) {
      send(jedis, "HELLODICT.SET", key, "v");
    }
    assertThat(send(jedis, "HELLODICT.KEYRANGE", "range:b", "range:d", "10"))
        .isEqualTo(List.of("range:b", "range:c", "range:d"));
    assertThat(send(jedis, "HELLODICT.KEYRANGE", "range:", "range:~", "2"))
        .isEqualTo(List.of("range:a", "range:b"));
    assertThat(send(jedis, "HELLODICT.KEYRANGE", "range:d", "range:b", "10")).isEqualTo(List.of());
    assertThat(send(jedis, "HELLODICT.KEYRANGE", "range:a", "range:e", "0")).isEqualTo(List.of());
  }

  @Test
  void aBadCountOrArityIsAnError(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "HELLODICT.KEYRANGE", "a", "b", "many"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR invalid count");
    assertThatThrownBy(() -> send(jedis, "HELLODICT.GET"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageStartingWith("ERR wrong number of arguments");
  }
}
