package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Two Java modules in one redis-server sharing an API (ExportSharedAPI, GetSharedAPI,
 * IsModuleNameBusy): noonload exports a function, jrmtest takes and calls it, and Redis then keeps
 * the exporter loaded.
 */
class SharedApiIT {
  private static final Path TEST_MODULE = Path.of(System.getProperty("jrm.test.module"));
  private static final Path EXPORTER = Path.of(System.getProperty("jrm.no-onload.module"));

  @Test
  void aModuleCallsWhatAnotherExportedAndTheExporterCannotUnloadBeforeIt() {
    try (RedisServer server =
            RedisServer.builder()
                .config("enable-module-command", "yes")
                .module(TEST_MODULE)
                .module(EXPORTER)
                .start();
        Jedis jedis = server.client()) {
      assertThat(send(jedis, "JRMTEST.API.SHARED.BUSY", "noonload")).isEqualTo(1L);
      assertThat(send(jedis, "JRMTEST.API.SHARED.BUSY", "nosuchmodule")).isEqualTo(0L);
      assertThat(send(jedis, "JRMTEST.API.SHARED.CALL", "prefix", "x")).isNull();

      assertThat(send(jedis, "NOONLOAD.EXPORT", "prefix")).isEqualTo(1L);
      assertThat(send(jedis, "NOONLOAD.EXPORT", "prefix")).isEqualTo(0L); // the name is taken
      assertThat(send(jedis, "JRMTEST.API.SHARED.CALL", "prefix", "x")).isEqualTo("noonload:x");

      assertThatThrownBy(() -> send(jedis, "MODULE", "UNLOAD", "noonload"))
          .hasMessageContaining("used by other modules");
      assertThat(send(jedis, "JRMTEST.API.SHARED.CALL", "prefix", "y")).isEqualTo("noonload:y");
      assertThat(server.stop()).isZero();
    }
  }
}
