package io.jrm.it;

import static io.jrm.it.TypeServers.awaitAofRewrite;
import static io.jrm.it.TypeServers.builder;
import static io.jrm.it.TypeServers.client;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * {@code jrmtest.jrm-restore} builds values from raw bytes, as RESTORE does: a user refused RESTORE
 * is refused it too, while the AOF loads it whatever the ACL of the default user (the AOF
 * client's).
 */
class RestoreAclIT {
  @Test
  void aUserRefusedRestoreIsRefusedJrmRestoreButTheAofStillLoadsIt() throws Exception {
    try (RedisServer server =
        builder()
            .config("appendonly", "yes")
            .config("aof-use-rdb-preamble", "no")
            .config("user", "admin", "on", ">secret", "~*", "&*", "+@all")
            .config("user", "default", "on", "nopass", "~*", "&*", "+@all", "-@dangerous")
            .start()) {
      try (Jedis limited = client(server)) {
        assertThatThrownBy(() -> send(limited, "RESTORE", "k", "0", "payload"))
            .hasMessageStartingWith("NOPERM");
        assertThatThrownBy(
                () -> send(limited, "JRMTEST.JRM-RESTORE", "k", "jrmtest-c", "1", "payload"))
            .hasMessageStartingWith("NOPERM this user may not run RESTORE on this key");
        assertThat(limited.exists("k")).isFalse();
        // The limited user keeps the module's other commands.
        send(limited, "JRMTEST.TYPE.SET", "r", "number", "42");
      }
      try (Jedis admin = client(server)) {
        assertThat(admin.auth("admin", "secret")).isEqualTo("OK");
        admin.bgrewriteaof();
        assertThat(awaitAofRewrite(admin, Duration.ofSeconds(20))).isEqualTo("ok");
      }
      String base = Files.readString(AofFiles.baseFile(server.dir()), StandardCharsets.ISO_8859_1);
      assertThat(base).contains("jrmtest.jrm-restore");
      server.restart();
      try (Jedis limited = client(server)) {
        assertThat(send(limited, "JRMTEST.TYPE.GET", "r")).asString().contains("number=42");
      }
    }
  }
}
