package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * What the helloworld commands replicate: a replica, with the module loaded too (it runs the
 * commands replicated verbatim), ends up with the master's data.
 */
class ReplicationIT {
  private static final Path MODULE = Path.of("target/helloworld.so");

  private static RedisServer master;
  private static RedisServer replica;
  private static Jedis onMaster;
  private static Jedis onReplica;

  @BeforeAll
  static void startMasterAndReplica() throws InterruptedException {
    master =
        RedisServer.builder()
            .module(MODULE)
            .config("enable-debug-command", "yes")
            .config("repl-diskless-sync-delay", "0") // the replica syncs at once, not after 5 s
            .start();
    replica =
        RedisServer.builder()
            .module(MODULE)
            .config("enable-debug-command", "yes")
            .config("replicaof", master.host(), String.valueOf(master.port()))
            .start();
    onMaster = master.client();
    onReplica = replica.client();
    waitFor(() -> onReplica.info("replication").contains("master_link_status:up"));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {onReplica, onMaster, replica, master}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // best effort: the other servers must still be stopped
      }
    }
  }

  @Test
  void repl1AndRepl2LeaveTheSameDataOnTheReplica() throws InterruptedException {
    onMaster.flushAll();
    onMaster.rpush("list", "1", "2", "x", "41");
    onMaster.set("foo", "10");

    assertThat(send(onMaster, "HELLO.REPL1")).isEqualTo(0L);
    assertThat(send(onMaster, "HELLO.REPL1")).isEqualTo(0L);
    assertThat(send(onMaster, "HELLO.REPL2", "list")).isEqualTo(2L + 3 + 1 + 42);
    assertThat(send(onMaster, "HELLO.REPL2", "list")).isEqualTo(3L + 4 + 2 + 43);
    awaitReplica();

    assertThat(onReplica.mget("foo", "bar")).containsExactly("12", "2");
    assertThat(onReplica.lrange("list", 0, -1)).containsExactly("3", "4", "2", "43");
    assertSameData();
  }

  @Test
  void toggleCaseLeavesTheSameDataOnTheReplica() throws InterruptedException {
    onMaster.flushAll();
    onMaster.set("s", "Hello");

    send(onMaster, "HELLO.TOGGLE.CASE", "s");
    awaitReplica();

    assertThat(onReplica.get("s")).isEqualTo("hELLO");
    assertSameData();
  }

  @Test
  void writesThroughKeysAndCallsWithoutTheBangFlagAreNotReplicatedAsInC()
      throws InterruptedException {
    onMaster.flushAll();
    onMaster.rpush("list", "a");
    onMaster.hset("h", "f", "v");

    send(onMaster, "HELLO.PUSH.CALL", "list", "b");
    send(onMaster, "HELLO.PUSH.CALL2", "list", "c");
    send(onMaster, "HELLO.PUSH.NATIVE", "list", "d");
    send(onMaster, "HELLO.LIST.SPLICE", "list", "other", "1");
    send(onMaster, "HELLO.HCOPY", "h", "f", "g");
    awaitReplica();

    assertThat(onMaster.lrange("list", 0, -1)).containsExactly("a", "b", "c");
    assertThat(onReplica.lrange("list", 0, -1)).containsExactly("a");
    assertThat(onReplica.exists("other")).isFalse();
    assertThat(onReplica.hgetAll("h")).containsOnlyKeys("f");
  }

  @Test
  void moreExpireIsNotReplicatedAsInC() throws InterruptedException {
    onMaster.flushAll();
    onMaster.set("k", "v");
    onMaster.pexpire("k", 100_000);
    send(onMaster, "HELLO.MORE.EXPIRE", "k", "500000");
    awaitReplica();

    assertThat(onMaster.pttl("k")).isGreaterThan(500_000L);
    assertThat(onReplica.pttl("k")).isLessThanOrEqualTo(100_000L);
  }

  private static void assertSameData() {
    assertThat(send(onReplica, "DEBUG", "DIGEST")).isEqualTo(send(onMaster, "DEBUG", "DIGEST"));
    assertThat(send(onReplica, "DBSIZE")).isEqualTo(send(onMaster, "DBSIZE"));
  }

  /** Waits until the replica has processed everything the master sent so far. */
  private static void awaitReplica() throws InterruptedException {
    long offset = replicationOffset(onMaster);
    waitFor(() -> replicationOffset(onReplica) >= offset);
  }

  private static long replicationOffset(Jedis jedis) {
    for (String line : onInfoLines(jedis)) {
      if (line.startsWith("master_repl_offset:")) {
        return Long.parseLong(line.substring("master_repl_offset:".length()).trim());
      }
    }
    throw new IllegalStateException("no master_repl_offset in INFO replication");
  }

  private static List<String> onInfoLines(Jedis jedis) {
    return jedis.info("replication").lines().toList();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for the replica");
      }
      Thread.sleep(20);
    }
  }
}
