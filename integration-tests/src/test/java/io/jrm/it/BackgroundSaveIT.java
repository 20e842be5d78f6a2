package io.jrm.it;

import static io.jrm.it.TypeServers.FORKED_JAVA;
import static io.jrm.it.TypeServers.assertCleanLog;
import static io.jrm.it.TypeServers.awaitBgsave;
import static io.jrm.it.TypeServers.builder;
import static io.jrm.it.TypeServers.client;
import static io.jrm.it.TypeServers.contents;
import static io.jrm.it.TypeServers.digest;
import static io.jrm.it.TypeServers.populate;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.util.SafeEncoder;

/**
 * Values written by a forked child (BGSAVE, a replica's full sync), from what Java serialized just
 * before the fork, while another client keeps changing them in the parent.
 */
@Timeout(60)
class BackgroundSaveIT {
  private static final Duration SAVE_TIMEOUT = Duration.ofSeconds(20);

  /** What the dataset was when the fork happened: its digest and contents. */
  private record AtFork(String digest, Map<String, String> contents, long writesBefore) {}

  /**
   * Runs BGSAVE with writes paused (CLIENT PAUSE WRITE), so that the digest and contents read right
   * before are exactly what the child saves; writes resume as soon as it has forked.
   */
  private static AtFork bgsaveAtKnownState(Jedis jedis, Writer writer) {
    assertThat(send(jedis, "CLIENT", "PAUSE", "10000", "WRITE")).isEqualTo("OK");
    try {
      AtFork state =
          new AtFork(digest(jedis), contents(jedis, TypeServers.BULK_PREFIX), writer.done());
      assertThat(jedis.bgsave()).isEqualTo("Background saving started");
      return state;
    } finally {
      send(jedis, "CLIENT", "UNPAUSE");
    }
  }

  /**
   * Values are serialized between commands, by a timer and after commands that leave more than a
   * fork's budget waiting; a BGSAVE sent in the same pipeline as many writes (some to values
   * serialized since, changed in place again) finds up to a budget's worth not serialized yet, and
   * must still save exactly what the data set was at the fork.
   */
  @Test
  void aBgsaveRightAfterManyWritesSavesTheStateAtTheFork() throws InterruptedException {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.TYPE.FILL", "rich", "early:", "20000", "10");
      Thread.sleep(5); // a few budgets: some of those values are serialized, most are not
      Pipeline pipeline = jedis.pipelined();
      for (int i = 0; i < 100; i++) {
        pipeline.sendCommand(() -> "JRMTEST.TYPE.BUMP".getBytes(), "early:" + i);
      }
      pipeline.sendCommand(() -> "JRMTEST.TYPE.FILL".getBytes(), "rich", "late:", "20000", "3");
      pipeline.sendCommand(() -> "DEBUG".getBytes(), "DIGEST");
      pipeline.sendCommand(() -> "BGSAVE".getBytes(), new String[0]);
      List<Object> replies = pipeline.syncAndReturnAll();
      String digestAtFork = SafeEncoder.encode((byte[]) replies.get(replies.size() - 2));
      assertThat(SafeEncoder.encode((byte[]) replies.get(replies.size() - 1)))
          .isEqualTo("Background saving started");
      assertThat(awaitBgsave(jedis, SAVE_TIMEOUT)).isEqualTo("ok");
      String bumped = TypeServers.describe(jedis, "early:0");
      String late = TypeServers.describe(jedis, "late:19999");
      server.restart(); // --save "": stopping does not save again
      try (Jedis again = client(server)) {
        assertThat(digest(again)).isEqualTo(digestAtFork);
        assertThat(TypeServers.describe(again, "early:0")).isEqualTo(bumped);
        assertThat(TypeServers.describe(again, "late:19999")).isEqualTo(late);
      }
      assertCleanLog(server);
    }
  }

  @Test
  void bgsaveWritesTheStateAtTheForkWhileAnotherClientKeepsWriting() throws InterruptedException {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      populate(jedis);
      // Enough for the child to take a while, so that the writer changes values during the save.
      send(jedis, "JRMTEST.TYPE.FILL", "rich", "big:", "20000", "10");
      AtFork atFork;
      long writesAfterFork;
      try (Writer writer = new Writer(server)) {
        Thread.sleep(200);
        assertThat(writer.done()).isPositive();
        atFork = bgsaveAtKnownState(jedis, writer);
        assertThat(awaitBgsave(jedis, SAVE_TIMEOUT)).isEqualTo("ok");
        writesAfterFork = writer.done() - atFork.writesBefore();
        Thread.sleep(100);
      }
      assertThat(writesAfterFork).as("writes while the child saved").isPositive();
      assertThat(digest(jedis)).as("the writer changed the dataset").isNotEqualTo(atFork.digest());
      server.restart(); // --save "": stopping does not save again
      try (Jedis again = client(server)) {
        assertThat(digest(again)).isEqualTo(atFork.digest());
        assertThat(contents(again, TypeServers.BULK_PREFIX)).isEqualTo(atFork.contents());
        assertThat(TypeServers.describe(again, "big:19999"))
            .startsWith("jrmtest-r:number=19999;")
            .contains("longs=[19999000, 19999001,");
      }
      assertCleanLog(server);
    }
  }

  /**
   * The child of a fork gets no Java heap (it never runs Java): the parent's GC then takes no
   * copy-on-write fault on heap pages after each fork, and the fork copies no page table of it.
   * Seen from outside as the child's address space: the parent's, less the heap's reservation.
   */
  @Test
  void aForkedChildDoesNotMapTheJavaHeap() throws Exception {
    try (RedisServer server = builder().config("rdb-key-save-delay", "1000").start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.TYPE.FILL", "rich", "slow:", "2000", "3"); // 2 s of saving at 1 ms each
      long heapMax = Long.parseLong(Info.field(jedis, "jrmtest_heap", "jrmtest_heap_max"));
      assertThat(heapKeptFromForks(jedis)).isEqualTo(1); // known from the load on
      assertThat(jedis.bgsave()).isEqualTo("Background saving started");
      Path children =
          Path.of("/proc", Long.toString(server.pid()), "task", Long.toString(server.pid()));
      String child = Files.readString(children.resolve("children")).trim();
      assertThat(child).as("the BGSAVE child").isNotEmpty().doesNotContain(" ");
      long parentSize = virtualSize(server.pid());
      long childSize = virtualSize(Long.parseLong(child));
      assertThat(parentSize - childSize).isGreaterThanOrEqualTo(heapMax);
      send(jedis, "CONFIG", "SET", "rdb-key-save-delay", "0");
      assertThat(awaitBgsave(jedis, SAVE_TIMEOUT)).isEqualTo("ok");
      server.restart();
      try (Jedis again = client(server)) {
        assertThat(TypeServers.describe(again, "slow:1999")).startsWith("jrmtest-r:number=1999;");
      }
      assertCleanLog(server);
    }
  }

  private static long heapKeptFromForks(Jedis jedis) {
    return Long.parseLong(Info.field(jedis, "jrmtest_jrm", "jrmtest_heap_kept_from_forks"));
  }

  /** VmSize of process {@code pid}, in bytes. */
  private static long virtualSize(long pid) throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmSize:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new AssertionError("no VmSize for process " + pid);
  }

  @Test
  void twentyBgsavesInARowUnderWritesAllSucceed() throws InterruptedException {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      populate(jedis);
      send(jedis, "JRMTEST.TYPE.FILL", "rich", "big:", "5000", "5");
      AtFork last;
      long started = System.nanoTime();
      try (Writer writer = new Writer(server)) {
        for (int i = 0; i < 19; i++) {
          assertThat(jedis.bgsave()).as("BGSAVE #%d", i + 1).isEqualTo("Background saving started");
          assertThat(awaitBgsave(jedis, SAVE_TIMEOUT)).as("BGSAVE #%d", i + 1).isEqualTo("ok");
          send(jedis, "JRMTEST.TYPE.BUMP", "between:" + i % 3);
        }
        last = bgsaveAtKnownState(jedis, writer);
        assertThat(awaitBgsave(jedis, SAVE_TIMEOUT)).as("BGSAVE #20").isEqualTo("ok");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
      assertThat(TypeServers.log(server))
          .containsPattern("(?s)(Background saving terminated with success.*){20}");
      server.restart();
      try (Jedis again = client(server)) {
        assertThat(digest(again)).isEqualTo(last.digest());
        assertThat(contents(again, TypeServers.BULK_PREFIX)).isEqualTo(last.contents());
      }
      assertThat(TypeServers.log(server)).doesNotContain(FORKED_JAVA);
      assertCleanLog(server);
    }
  }

  /**
   * A fork started by a Java command (Context.call of BGSAVE and BGREWRITEAOF): the pre-fork
   * serialization then runs in Java called from C called from Java.
   */
  @Test
  void aForkStartedFromAJavaCommandWritesEqualValues() throws InterruptedException {
    try (RedisServer server =
            builder().config("appendonly", "yes").config("aof-use-rdb-preamble", "no").start();
        Jedis jedis = client(server)) {
      populate(jedis);
      assertThat(send(jedis, "JRMTEST.CALL", "BGSAVE"))
          .asString()
          .contains("Background saving started");
      assertThat(awaitBgsave(jedis, SAVE_TIMEOUT)).isEqualTo("ok");
      send(jedis, "JRMTEST.ATYPE.PUSH", "a:list", "eight");
      assertThat(send(jedis, "JRMTEST.CALL", "BGREWRITEAOF"))
          .asString()
          .contains("rewriting started");
      assertThat(TypeServers.awaitAofRewrite(jedis, SAVE_TIMEOUT)).isEqualTo("ok");
      String digest = digest(jedis);
      Map<String, String> contents = contents(jedis);
      assertThat(
              java.nio.file.Files.readString(
                  AofFiles.baseFile(server.dir()), java.nio.charset.StandardCharsets.ISO_8859_1))
          .contains("JRMTEST.ATYPE.PUSH")
          .contains("eight");
      server.restart();
      try (Jedis again = client(server)) {
        assertThat(digest(again)).isEqualTo(digest);
        assertThat(contents(again)).isEqualTo(contents);
      }
      assertCleanLog(server);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "repl-diskless-sync {0}")
  @ValueSource(strings = {"yes", "no"})
  void replicaFullSyncGetsIdenticalValues(String diskless) throws InterruptedException {
    try (RedisServer master =
            builder()
                .config("repl-diskless-sync", diskless)
                .config("repl-diskless-sync-delay", "0")
                .start();
        Jedis onMaster = client(master)) {
      populate(onMaster);
      send(onMaster, "JRMTEST.TYPE.FILL", "rich", "big:", "5000", "5");
      try (RedisServer replica = builder().start();
          Jedis onReplica = client(replica)) {
        try (Writer writer = new Writer(master)) {
          Thread.sleep(100);
          assertThat(onReplica.replicaof(master.host(), master.port())).isEqualTo("OK");
          TypeServers.awaitField(
              onReplica, "replication", "master_link_status", "up", Duration.ofSeconds(30));
          Thread.sleep(100); // writes after the sync, which replicate as commands
        }
        // WAIT waits for this client's writes: one after the writer's makes it wait for all of
        // them.
        onMaster.set("sync-marker", "1");
        assertThat(onMaster.waitReplicas(1, 10_000)).isEqualTo(1L);
        TypeServers.assertSameContents(
            contents(onReplica, TypeServers.BULK_PREFIX),
            contents(onMaster, TypeServers.BULK_PREFIX));
        assertThat(digest(onReplica)).isEqualTo(digest(onMaster));
        assertThat(Info.field(onMaster, "stats", "sync_full")).isEqualTo("1");
        assertCleanLog(replica);
      }
      assertCleanLog(master);
    }
  }

  /**
   * Two Java modules with data types in one server (one JVM, two class loaders, two stubs each with
   * its own fork handler): a child writes the values of both.
   */
  @Test
  void aChildWritesTheValuesOfTwoJavaModules() throws InterruptedException {
    java.nio.file.Path example = java.nio.file.Path.of(System.getProperty("jrm.example.module"));
    try (RedisServer server = builder().module(example).start()) {
      String digest;
      Map<String, String> contents;
      try (Jedis jedis = client(server)) {
        populate(jedis);
        for (int i = 0; i < 50; i++) {
          send(jedis, "HELLOTYPE.INSERT", "hello:" + i % 5, String.valueOf(i * 7919 % 101 - 50));
        }
        digest = digest(jedis);
        contents = contents(jedis);
        assertThat(jedis.bgsave()).isEqualTo("Background saving started");
        assertThat(awaitBgsave(jedis, SAVE_TIMEOUT)).isEqualTo("ok");
      }
      server.restart();
      try (Jedis jedis = client(server)) {
        assertThat(digest(jedis)).isEqualTo(digest);
        assertThat(contents(jedis)).isEqualTo(contents);
        assertThat(send(jedis, "HELLOTYPE.LEN", "hello:3")).isEqualTo(10L);
      }
      assertCleanLog(server);
    }
  }
}
