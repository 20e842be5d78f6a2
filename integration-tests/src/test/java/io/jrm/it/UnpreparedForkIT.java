package io.jrm.it;

import static io.jrm.it.TypeServers.awaitAofRewrite;
import static io.jrm.it.TypeServers.awaitBgsave;
import static io.jrm.it.TypeServers.client;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * A fork whose pre-fork serialization fails, here because the value does not fit twice in a 32 MB
 * Java heap: the BGSAVE, AOF rewrite or full sync it started must fail, and leave the files that
 * hold the data as they were, never write a value as it was at an older fork or a file that does
 * not load.
 */
@Timeout(120)
class UnpreparedForkIT {
  private static final Path EXAMPLE = Path.of(System.getProperty("jrm.example.module"));

  /**
   * Generous: every attempt first runs the 32 MB heap out of memory, and a full sync retries until
   * one attempt's child has failed (on a loaded 2-core machine, Temurin 25 took over 30 s).
   */
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  /** Items in the value: it fits in the heap, its serialized form beside it does not. */
  private static final int ITEMS = 180_000;

  /**
   * A 32 MB heap whose guard never refuses (HeapPressureIT tests the guard): these tests need a
   * value that fits the heap but not beside its serialized copy.
   */
  private static RedisServer.Builder smallHeap() {
    return RedisServer.builder()
        .module(EXAMPLE, "jrm.xmx=32m", "jrm.jvm-option=-Djrm.heap-limit-percent=100");
  }

  /** A HELLOTOPK value of {@link #ITEMS} items, each added once. */
  private static void fillBig(Jedis jedis) {
    for (int start = 0; start < ITEMS; start += 10_000) {
      Pipeline pipeline = jedis.pipelined();
      for (int i = start; i < start + 10_000; i++) {
        pipeline.sendCommand(() -> "HELLOTOPK.ADD".getBytes(), "big", "item-" + i);
      }
      List<Object> replies = pipeline.syncAndReturnAll();
      assertThat(replies)
          .as("replies to HELLOTOPK.ADD")
          .allMatch(reply -> Long.valueOf(1).equals(reply));
    }
  }

  private static void assertFailedForkLogged(RedisServer server) {
    TypeServers.assertLogLine(
        server,
        "JRM: helloworld: 1 value(s) could not be serialized for this fork",
        "OutOfMemoryError",
        "raise jrm.xmx");
    TypeServers.assertLogLine(
        server, "JRM: a value of type hellotopk was not prepared for this fork");
    assertThat(TypeServers.log(server))
        .doesNotContain(TypeServers.FORKED_JAVA)
        .doesNotContain("JRM: cannot load");
  }

  @Test
  void aBgsaveThatCannotPrepareAValueFailsAndKeepsThePreviousFile() throws InterruptedException {
    try (RedisServer server = smallHeap().start()) {
      try (Jedis jedis = client(server)) {
        jedis.set("plain", "kept");
        send(jedis, "HELLOTYPE.INSERT", "small", "7");
        assertThat(jedis.save()).isEqualTo("OK");
        fillBig(jedis);
        assertThat(jedis.bgsave()).isEqualTo("Background saving started");
        assertThat(awaitBgsave(jedis, TIMEOUT)).isEqualTo("err");
        assertFailedForkLogged(server);
        assertThat(TypeServers.log(server)).contains("Background saving error");
        // Once the value that does not fit is gone, saving works again.
        jedis.del("big");
        send(jedis, "HELLOTYPE.INSERT", "small", "8");
        assertThat(jedis.bgsave()).isEqualTo("Background saving started");
        assertThat(awaitBgsave(jedis, TIMEOUT)).isEqualTo("ok");
      }
      server.restart();
      try (Jedis jedis = client(server)) {
        assertThat(jedis.get("plain")).isEqualTo("kept");
        assertThat(send(jedis, "HELLOTYPE.RANGE", "small", "0", "10")).isEqualTo(List.of(7L, 8L));
        assertThat(jedis.exists("big")).isFalse();
      }
      assertThat(server.dir().toFile().list((dir, name) -> name.startsWith("temp-"))).isEmpty();
    }
  }

  /**
   * Loading serializes values for the next fork, which needs as much heap again: a value whose
   * serialized form does not fit beside it must still load, and only a fork fail.
   */
  @Test
  void anRdbThatSaveWroteLoadsBackWithTheSameHeap() throws InterruptedException {
    try (RedisServer server = smallHeap().start()) {
      try (Jedis jedis = client(server)) {
        fillBig(jedis);
        assertThat(jedis.save()).isEqualTo("OK");
      }
      server.restart();
      try (Jedis jedis = client(server)) {
        assertThat(send(jedis, "HELLOTOPK.INFO", "big"))
            .isEqualTo(
                List.of(
                    "capacity", 0L, "items", (long) ITEMS, "ignored", 0L, "total", (long) ITEMS));
        assertThat(TypeServers.log(server)).doesNotContain("JRM: cannot load");
        assertThat(jedis.bgsave()).isEqualTo("Background saving started");
        assertThat(awaitBgsave(jedis, TIMEOUT)).isEqualTo("err");
        assertFailedForkLogged(server);
      }
    }
  }

  @Test
  void anAofRewriteThatCannotPrepareAValueFailsAndTheAcknowledgedWritesSurvive()
      throws InterruptedException {
    try (RedisServer server =
        smallHeap().config("appendonly", "yes").config("appendfsync", "always").start()) {
      try (Jedis jedis = client(server)) {
        awaitAofRewrite(jedis, TIMEOUT);
        fillBig(jedis);
        jedis.set("acknowledged", "before the rewrite");
        assertThat(jedis.bgrewriteaof()).contains("Background append only file rewriting");
        assertThat(awaitAofRewrite(jedis, TIMEOUT)).isEqualTo("err");
        jedis.set("after", "the rewrite");
        assertFailedForkLogged(server);
        assertThat(TypeServers.log(server))
            .contains("Background AOF rewrite terminated with error");
      }
      server.restart();
      try (Jedis jedis = client(server)) {
        assertThat(jedis.get("acknowledged")).isEqualTo("before the rewrite");
        assertThat(jedis.get("after")).isEqualTo("the rewrite");
        assertThat(send(jedis, "HELLOTOPK.COUNT", "big", "item-" + (ITEMS - 1))).isEqualTo(1L);
      }
    }
  }

  @Test
  void aFullSyncThatCannotPrepareAValueFailsUntilTheValueIsGone() throws InterruptedException {
    try (RedisServer master =
            smallHeap()
                .config("repl-diskless-sync", "yes")
                .config("repl-diskless-sync-delay", "0")
                .start();
        Jedis onMaster = client(master)) {
      fillBig(onMaster);
      onMaster.set("plain", "synced");
      try (RedisServer replica = RedisServer.builder().module(EXAMPLE).start();
          Jedis onReplica = client(replica)) {
        assertThat(onReplica.replicaof(master.host(), master.port())).isEqualTo("OK");
        TypeServers.awaitField(onMaster, "stats", "sync_full", "1", TIMEOUT);
        TypeServers.awaitField(onMaster, "persistence", "rdb_bgsave_in_progress", "0", TIMEOUT);
        assertFailedForkLogged(master);
        assertThat(TypeServers.log(master)).contains("Background transfer error");
        assertThat(Info.field(onReplica, "replication", "master_link_status")).isEqualTo("down");
        // The replica keeps retrying; without the value, the next sync succeeds.
        onMaster.del("big");
        TypeServers.awaitField(onReplica, "replication", "master_link_status", "up", TIMEOUT);
        assertThat(onReplica.get("plain")).isEqualTo("synced");
      }
    }
  }
}
