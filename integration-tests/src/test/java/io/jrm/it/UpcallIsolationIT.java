package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Each call of a command sees its own context and arguments: a command calling itself, and objects
 * kept past their command, never see another call's (the guard for reusing upcall objects; a kept
 * argument: {@link JavaErrorsIT}).
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class UpcallIsolationIT {
  @Test
  void aCommandCallingItselfKeepsItsOwnArguments(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.NESTED", "outer", "middle", "inner"))
        .isEqualTo("outer/middle/inner");
    assertThat(send(jedis, "JRMTEST.NESTED", "again", "x")).isEqualTo("again/x");
  }

  @Test
  void aContextKeptPastItsCommandIsRefusedInTheNextCall(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.ESCAPE.CONTEXT")).isEqualTo("KEPT");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.ESCAPE.CONTEXT"))
        .hasMessageContaining(
            "IllegalStateException: this Context belongs to a call that has returned");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }
}
