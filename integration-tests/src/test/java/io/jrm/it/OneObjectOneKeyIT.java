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
}
