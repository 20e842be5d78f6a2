package io.jrm.it;

import static io.jrm.it.TypeServers.builder;
import static io.jrm.it.TypeServers.client;
import static io.jrm.it.TypeServers.describe;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * One object belongs to one key: storing it in a second key is refused before that key changes, and
 * what the command stored before stays, as docs/data-types.md defines.
 */
class OneObjectOneKeyIT {
  @Test
  void storingAnObjectInASecondKeyIsRefusedAndLeavesThatKeyAsItWas() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.TYPE.SET", "second", "number", "9");
      assertThatThrownBy(() -> send(jedis, "JRMTEST.TYPE.STORETWICE", "first", "second", "5"))
          .hasMessage(
              "ERR java.lang.IllegalArgumentException: this RichValue is already stored in another key:"
                  + " store a copy");
      assertThat(describe(jedis, "second")).startsWith("jrmtest-r:number=9;");
      assertThat(describe(jedis, "first")).startsWith("jrmtest-r:number=5;");
      assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
      assertThat(describe(jedis, "second")).startsWith("jrmtest-r:number=9;");
      assertThat(describe(jedis, "first")).startsWith("jrmtest-r:number=5;");
    }
  }

  /**
   * A value loaded from the RDB file (JRM tracks objects from the first command that has them) and
   * one restored: a command that fetches it cannot store it in a second key either.
   */
  @Test
  void aLoadedOrRestoredValueFetchedFromItsKeyCannotBeStoredInASecondKey() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.TYPE.SET", "first", "number", "5");
      assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
      assertThatThrownBy(() -> send(jedis, "JRMTEST.TYPE.ALIAS", "first", "second"))
          .hasMessage(
              "ERR java.lang.IllegalArgumentException: this RichValue is already stored in another key:"
                  + " store a copy");
      assertThat(jedis.exists("second")).isFalse();
      byte[] dump = jedis.dump("first");
      jedis.restore("restored", 0, dump);
      assertThatThrownBy(() -> send(jedis, "JRMTEST.TYPE.ALIAS", "restored", "second"))
          .hasMessageContaining("is already stored in another key");
      assertThat(jedis.exists("second")).isFalse();
      assertThat(describe(jedis, "first")).startsWith("jrmtest-r:number=5;");
      assertThat(describe(jedis, "restored")).startsWith("jrmtest-r:number=5;");
    }
  }
}
