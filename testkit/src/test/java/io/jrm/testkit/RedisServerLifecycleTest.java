package io.jrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

class RedisServerLifecycleTest {

  @Test
  void startsAndStopsCleanlyOnSigterm() {
    RedisServer server = RedisServer.builder().start();
    try {
      assertThat(server.isRunning()).isTrue();
      assertThat(server.exitCode()).isEmpty();
      assertThat(server.pid()).isPositive();
      try (Jedis jedis = server.client()) {
        assertThat(jedis.ping()).isEqualTo("PONG");
      }
      assertThat(server.stop()).isZero();
      assertThat(server.isRunning()).isFalse();
      assertThat(server.exitCode()).hasValue(0);
      assertThat(server.logTail(5)).contains("ready to exit");
    } finally {
      server.close();
    }
    assertThat(server.dir()).doesNotExist();
  }

  @Test
  void commandLineHasDefaultsThenConfigThenModules() {
    try (RedisServer server = RedisServer.builder().config("--maxmemory", "10mb").start()) {
      assertThat(server.command())
          .containsSequence("--save", "", "--appendonly", "no", "--maxmemory", "10mb")
          .containsSequence("--port", Integer.toString(server.port()), "--bind", "127.0.0.1");
    }
  }

  @Test
  void badConfigFailsWithRedisComplaint() {
    assertThatThrownBy(() -> RedisServer.builder().config("no-such-option", "1").start())
        .isInstanceOf(RedisServerException.class)
        .hasMessageContaining("exited with code 1")
        .hasMessageContaining("Bad directive or wrong number of arguments")
        .hasMessageContaining("no-such-option");
  }

  @Test
  void missingModuleFileIsReportedClearly(@TempDir Path tmp) {
    Path missing = tmp.resolve("nope.so");
    assertThatThrownBy(() -> RedisServer.builder().module(missing).start())
        .isInstanceOf(RedisServerException.class)
        .hasMessage("Module " + missing.toAbsolutePath() + " does not exist");
  }

  @Test
  void moduleThatIsNotASharedLibraryFailsWithRedisLog(@TempDir Path tmp) throws Exception {
    Path bogus = Files.writeString(tmp.resolve("bogus.so"), "not an ELF file");
    assertThatThrownBy(() -> RedisServer.builder().module(bogus, "arg1").start())
        .isInstanceOf(RedisServerException.class)
        .hasMessageContaining("exited with code")
        .hasMessageContaining("Module " + bogus + " failed to load");
  }

  @Test
  void missingExecutableIsReported() {
    assertThatThrownBy(
            () -> RedisServer.builder().executable(Path.of("/nonexistent/redis-server")).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/redis-server");
  }

  @Test
  void serverThatNeverAnswersIsKilledAfterTheStartupTimeout(@TempDir Path tmp) throws Exception {
    Path hanging = script(tmp, "hanging-redis", "echo 'pretending to start'; exec sleep 60");
    long before = System.nanoTime();
    assertThatThrownBy(
            () ->
                RedisServer.builder()
                    .executable(hanging)
                    .startupTimeout(Duration.ofSeconds(1))
                    .start())
        .isInstanceOf(RedisServerException.class)
        .hasMessageContaining("did not answer PING within 1000 ms and was killed")
        .hasMessageContaining("pretending to start");
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void earlyExitReportsExitCodeAndOutput(@TempDir Path tmp) throws Exception {
    Path crashing = script(tmp, "crashing-redis", "echo 'something broke' >&2; exit 3");
    assertThatThrownBy(() -> RedisServer.builder().executable(crashing).start())
        .isInstanceOf(RedisServerException.class)
        .hasMessageContaining("exited with code 3")
        .hasMessageContaining("something broke");
  }

  private static Path script(Path dir, String name, String body) throws Exception {
    Path script = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  @Test
  void restartKeepsPortAndDirAndPersistedData() {
    try (RedisServer server = RedisServer.builder().start()) {
      int port = server.port();
      long pid = server.pid();
      try (Jedis jedis = server.client()) {
        jedis.set("survives", "restart");
        jedis.save();
      }
      assertThat(server.dir().resolve("dump.rdb")).exists();

      server.restart();

      assertThat(server.port()).isEqualTo(port);
      assertThat(server.pid()).isNotEqualTo(pid);
      assertThat(server.isRunning()).isTrue();
      try (Jedis jedis = server.client()) {
        assertThat(jedis.get("survives")).isEqualTo("restart");
      }
    }
  }

  @Test
  void aReplicaStartsWithItsMastersDataAndFollowsItsWrites() {
    try (RedisServer master = RedisServer.builder().start();
        Jedis onMaster = master.client()) {
      onMaster.set("before", "the sync");
      try (RedisServer replica = RedisServer.builder().replicaOf(master).start();
          Jedis onReplica = replica.client()) {
        assertThat(replica.command())
            .containsSequence("--replicaof", master.host(), "" + master.port());
        assertThat(onReplica.info("replication")).contains("master_link_status:up");
        assertThat(onReplica.get("before")).isEqualTo("the sync");

        onMaster.set("after", "the sync");
        assertThat(onMaster.waitReplicas(1, 10_000)).isEqualTo(1);
        assertThat(onReplica.get("after")).isEqualTo("the sync");
      }
    }
  }

  @Test
  void aReplicaThatCannotSyncFailsAfterTheStartupTimeout() {
    RedisServer.Builder replicaOfStopped;
    try (RedisServer master = RedisServer.builder().start()) {
      replicaOfStopped =
          RedisServer.builder().replicaOf(master).startupTimeout(Duration.ofMillis(500));
    }
    assertThatThrownBy(replicaOfStopped::start)
        .isInstanceOf(RedisServerException.class)
        .hasMessageContaining("the replica did not sync with its master within 500 ms")
        .hasMessageContaining("Connecting to MASTER");
  }

  @Test
  void closeIsIdempotentAndRestartAfterCloseFails() {
    RedisServer server = RedisServer.builder().start();
    server.close();
    server.close();
    assertThat(server.isRunning()).isFalse();
    assertThatThrownBy(server::restart).isInstanceOf(IllegalStateException.class);
  }
}
