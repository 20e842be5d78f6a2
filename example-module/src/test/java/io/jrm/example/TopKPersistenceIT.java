package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * {@link TopK} values survive every way Redis persists and copies them: DEBUG RELOAD, SAVE and
 * BGSAVE with a restart, an AOF rewritten without RDB preamble (JRM writes {@code
 * helloworld.jrm-restore} commands, since the type has no {@code aofRewrite}), and replication.
 *
 * <p>Each test compares the keys' {@code DUMP} (the exact encoding, item order included) and {@code
 * DEBUG DIGEST} before and after.
 */
class TopKPersistenceIT {
  private static final Path MODULE = Path.of("target/helloworld.so");
  private static final List<String> KEYS = List.of("exact", "bounded", "ignoring");

  private static RedisServer.Builder server() {
    return RedisServer.builder().module(MODULE).config("enable-debug-command", "yes");
  }

  /** Three values: an exact counter, a full bounded one with errors, one with ignored items. */
  private static void fill(Jedis jedis) {
    for (int i = 0; i < 50; i++) {
      send(jedis, "HELLOTOPK.ADD", "exact", "item-" + (i % 7), Integer.toString(i + 1));
    }
    send(jedis, "HELLOTOPK.RESERVE", "bounded", "4");
    for (int i = 0; i < 200; i++) {
      send(jedis, "HELLOTOPK.ADD", "bounded", "item-" + (i * 7919 % 13));
    }
    send(jedis, "HELLOTOPK.ADD", "ignoring", "alice", "3");
    send(jedis, "HELLOTOPK.ADD", "ignoring", "bot", "100");
    send(jedis, "HELLOTOPK.IGNORE", "ignoring", "bot", "crawler");
  }

  /** What must survive: each key's DUMP and LIST, and the dataset's digest. */
  private static Map<String, Object> state(Jedis jedis) {
    Map<String, Object> state = new LinkedHashMap<>();
    for (String key : KEYS) {
      byte[] dump = jedis.dump(key);
      state.put(key + " dump", dump == null ? null : HexFormat.of().formatHex(dump));
      state.put(key + " list", send(jedis, "HELLOTOPK.LIST", key, "WITHCOUNTS"));
      state.put(key + " info", jedis.exists(key) ? send(jedis, "HELLOTOPK.INFO", key) : null);
    }
    state.put("digest", send(jedis, "DEBUG", "DIGEST"));
    state.put("dbsize", jedis.dbSize());
    return state;
  }

  @Test
  void debugReloadKeepsTheValues() {
    try (RedisServer server = server().start();
        Jedis jedis = server.client()) {
      fill(jedis);
      Map<String, Object> before = state(jedis);
      assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
      assertThat(state(jedis)).isEqualTo(before);
      assertThat(before.get("bounded info"))
          .isEqualTo(List.of("capacity", 4L, "items", 4L, "ignored", 0L, "total", 200L));
    }
  }

  @Test
  void saveThenRestartKeepsTheValues() {
    try (RedisServer server = server().start()) {
      Map<String, Object> before;
      try (Jedis jedis = server.client()) {
        fill(jedis);
        before = state(jedis);
        assertThat(jedis.save()).isEqualTo("OK");
      }
      server.restart();
      try (Jedis jedis = server.client()) {
        assertThat(state(jedis)).isEqualTo(before);
      }
    }
  }

  @Test
  void bgsaveThenRestartKeepsTheValuesAsTheyWereAtTheFork() throws InterruptedException {
    try (RedisServer server = server().start()) {
      Map<String, Object> before;
      try (Jedis jedis = server.client()) {
        fill(jedis);
        bgsave(jedis);
        // Changes after a fork reach the next one: the values are serialized again.
        send(jedis, "HELLOTOPK.ADD", "exact", "late", "5");
        send(jedis, "HELLOTOPK.ADD", "bounded", "late", "5");
        send(jedis, "HELLOTOPK.RESET", "ignoring");
        before = state(jedis);
        bgsave(jedis);
        // And a change after the last fork is not in the file.
        send(jedis, "HELLOTOPK.ADD", "exact", "too-late");
      }
      server.restart();
      try (Jedis jedis = server.client()) {
        assertThat(state(jedis)).isEqualTo(before);
        assertThat(send(jedis, "HELLOTOPK.COUNT", "exact", "late")).isEqualTo(5L);
        assertThat(send(jedis, "HELLOTOPK.COUNT", "exact", "too-late")).isEqualTo(0L);
      }
    }
  }

  @Test
  void anAofRewrittenWithoutPreambleRestoresTheValues() throws InterruptedException, IOException {
    try (RedisServer server =
        server().config("appendonly", "yes").config("aof-use-rdb-preamble", "no").start()) {
      Map<String, Object> before;
      try (Jedis jedis = server.client()) {
        awaitNoRewrite(jedis);
        fill(jedis);
        rewriteAof(jedis);
        String base = baseAof(server);
        assertThat(base)
            .contains("helloworld.jrm-restore")
            .contains("hellotopk")
            .doesNotContain("HELLOTOPK.ADD");
        // Written after the rewrite: replicated verbatim into the incremental AOF.
        send(jedis, "HELLOTOPK.ADD", "bounded", "after-rewrite", "1000");
        send(jedis, "HELLOTOPK.IGNORE", "exact", "item-3");
        before = state(jedis);
      }
      server.restart();
      try (Jedis jedis = server.client()) {
        assertThat(state(jedis)).isEqualTo(before);
        assertThat(send(jedis, "HELLOTOPK.COUNT", "bounded", "after-rewrite")).isNotEqualTo(0L);
      }
    }
  }

  @Test
  void aReplicaGetsTheSameValuesBySyncAndByTheCommandsThatFollow() throws InterruptedException {
    try (RedisServer master = server().config("repl-diskless-sync-delay", "0").start();
        Jedis onMaster = master.client()) {
      fill(onMaster); // before the replica: it gets these through the full sync's RDB
      try (RedisServer replica =
              server().config("replicaof", master.host(), String.valueOf(master.port())).start();
          Jedis onReplica = replica.client()) {
        waitFor(() -> onReplica.info("replication").contains("master_link_status:up"));
        awaitReplica(onMaster, onReplica);
        assertThat(state(onReplica)).isEqualTo(state(onMaster));

        // Then commands, replicated verbatim: evictions must pick the same items on both.
        for (int i = 0; i < 100; i++) {
          send(onMaster, "HELLOTOPK.ADD", "bounded", "new-" + (i % 9), Integer.toString(i % 4 + 1));
        }
        send(onMaster, "HELLOTOPK.IGNORE", "bounded", "new-1");
        send(onMaster, "HELLOTOPK.RESET", "exact");
        send(onMaster, "HELLOTOPK.ADD", "exact", "again");
        send(onMaster, "HELLOTOPK.RESERVE", "reserved", "3");
        awaitReplica(onMaster, onReplica);
        assertThat(state(onReplica)).isEqualTo(state(onMaster));
        assertThat(onReplica.dump("reserved")).isEqualTo(onMaster.dump("reserved"));
      }
    }
  }

  // Helpers

  private static void bgsave(Jedis jedis) throws InterruptedException {
    long saves = infoLong(jedis, "persistence", "rdb_saves");
    assertThat(jedis.bgsave()).isEqualTo("Background saving started");
    waitFor(
        () ->
            infoLong(jedis, "persistence", "rdb_saves") > saves
                && infoLong(jedis, "persistence", "rdb_bgsave_in_progress") == 0);
    assertThat(jedis.info("persistence")).contains("rdb_last_bgsave_status:ok");
  }

  private static void rewriteAof(Jedis jedis) throws InterruptedException {
    long rewrites = infoLong(jedis, "persistence", "aof_rewrites");
    jedis.bgrewriteaof();
    waitFor(() -> infoLong(jedis, "persistence", "aof_rewrites") > rewrites);
    awaitNoRewrite(jedis);
    assertThat(jedis.info("persistence")).contains("aof_last_bgrewrite_status:ok");
  }

  private static void awaitNoRewrite(Jedis jedis) throws InterruptedException {
    waitFor(
        () ->
            infoLong(jedis, "persistence", "aof_rewrite_in_progress") == 0
                && infoLong(jedis, "persistence", "aof_rewrite_scheduled") == 0);
  }

  /** The base file of the multi-part AOF (Redis 7), as text. */
  private static String baseAof(RedisServer server) throws IOException {
    try (Stream<Path> files = Files.list(server.dir().resolve("appendonlydir"))) {
      List<Path> bases =
          files.filter(file -> file.getFileName().toString().contains(".base.")).toList();
      assertThat(bases).hasSize(1);
      return new String(Files.readAllBytes(bases.get(0)), StandardCharsets.ISO_8859_1);
    }
  }

  private static void awaitReplica(Jedis master, Jedis replica) throws InterruptedException {
    long offset = infoLong(master, "replication", "master_repl_offset");
    waitFor(() -> infoLong(replica, "replication", "master_repl_offset") >= offset);
  }

  private static long infoLong(Jedis jedis, String section, String field) {
    for (String line : jedis.info(section).lines().toList()) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).trim());
      }
    }
    throw new IllegalStateException("no " + field + " in INFO " + section);
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(20);
    }
  }
}
