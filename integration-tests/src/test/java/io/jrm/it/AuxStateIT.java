package io.jrm.it;

import static io.jrm.it.TypeServers.assertCleanLog;
import static io.jrm.it.TypeServers.assertLogLine;
import static io.jrm.it.TypeServers.awaitBgsave;
import static io.jrm.it.TypeServers.builder;
import static io.jrm.it.TypeServers.client;
import static io.jrm.it.TypeServers.digest;
import static io.jrm.it.TypeServers.log;
import static io.jrm.it.TypeServers.populate;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A data type's module-wide state in the RDB ({@code auxSave}/{@code auxLoad} of {@link AuxState}):
 * written before and after the keyspace by the parent (SAVE, DEBUG RELOAD) and by forked children
 * from what Java recorded before the fork (BGSAVE, an AOF rewrite with preamble, a full sync), and
 * loaded at startup, on DEBUG RELOAD and by replicas; a failing save or a short state fails
 * cleanly.
 */
@Timeout(90)
class AuxStateIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static void setState(Jedis jedis, String before, String after) {
    assertThat(send(jedis, "JRMTEST.AUX.SET", "before", before)).isEqualTo("OK");
    assertThat(send(jedis, "JRMTEST.AUX.SET", "after", after)).isEqualTo("OK");
  }

  private static void assertState(Jedis jedis, String before, String after) {
    assertThat(send(jedis, "JRMTEST.AUX.GET", "before")).isEqualTo(before);
    assertThat(send(jedis, "JRMTEST.AUX.GET", "after")).isEqualTo(after);
  }

  @Test
  void saveAndRestartLoadTheStateBeforeAndAfterTheKeyspace() {
    try (RedisServer server = builder("aux=both").start()) {
      String digest;
      try (Jedis jedis = client(server)) {
        populate(jedis);
        setState(jedis, "first ✓", "second");
        digest = digest(jedis);
        assertThat(jedis.save()).isEqualTo("OK");
      }
      server.restart();
      try (Jedis jedis = client(server)) {
        assertState(jedis, "first ✓", "second");
        assertThat(send(jedis, "JRMTEST.AUX.LOADS")).isEqualTo(List.of("BEFORE_RDB", "AFTER_RDB"));
        assertThat(digest(jedis)).isEqualTo(digest);
      }
      assertCleanLog(server);
    }
  }

  /** The child writes the state as it was at the fork, from what Java recorded in the parent. */
  @Test
  void bgsaveWritesTheStateOfTheForkWithoutJavaInTheChild() throws InterruptedException {
    try (RedisServer server = builder("aux=both").start()) {
      try (Jedis jedis = client(server)) {
        populate(jedis);
        setState(jedis, "at-fork-before", "at-fork-after");
        assertThat(jedis.bgsave()).isEqualTo("Background saving started");
        setState(jedis, "later-before", "later-after");
        assertThat(awaitBgsave(jedis, TIMEOUT)).isEqualTo("ok");
      }
      server.restart(); // --save "": stopping does not save again
      try (Jedis jedis = client(server)) {
        assertState(jedis, "at-fork-before", "at-fork-after");
      }
      assertCleanLog(server);
    }
  }

  @Test
  void anAofRewriteWithPreambleKeepsTheState() throws InterruptedException {
    try (RedisServer server =
        builder("aux=both")
            .config("appendonly", "yes")
            .config("aof-use-rdb-preamble", "yes")
            .start()) {
      try (Jedis jedis = client(server)) {
        setState(jedis, "in-preamble", "after-it");
        assertThat(jedis.bgrewriteaof()).contains("rewriting started");
        assertThat(TypeServers.awaitAofRewrite(jedis, TIMEOUT)).isEqualTo("ok");
      }
      server.restart();
      try (Jedis jedis = client(server)) {
        assertState(jedis, "in-preamble", "after-it");
      }
      assertCleanLog(server);
    }
  }

  /** Only the triggered phase is written and loaded; the other keeps what memory holds. */
  @Test
  void debugReloadLoadsOnlyTheTriggeredPhase() {
    try (RedisServer server = builder("aux=after").start();
        Jedis jedis = client(server)) {
      setState(jedis, "kept-in-memory", "reloaded");
      assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
      assertState(jedis, "kept-in-memory", "reloaded");
      assertThat(send(jedis, "JRMTEST.AUX.LOADS")).isEqualTo(List.of("AFTER_RDB"));
      assertCleanLog(server);
    }
  }

  @ParameterizedTest(name = "repl-diskless-sync {0}, repl-diskless-load {1}")
  @CsvSource({"no, disabled", "yes, disabled", "yes, swapdb", "yes, on-empty-db"})
  void aReplicaLoadsTheMastersState(String disklessSync, String disklessLoad)
      throws InterruptedException {
    try (RedisServer master =
            builder("aux=both")
                .config("repl-diskless-sync", disklessSync)
                .config("repl-diskless-sync-delay", "0")
                .start();
        Jedis onMaster = client(master)) {
      populate(onMaster);
      setState(onMaster, "master-before", "master-after");
      try (RedisServer replica =
              builder("aux=both").config("repl-diskless-load", disklessLoad).start();
          Jedis onReplica = client(replica)) {
        setState(onReplica, "replica-before", "replica-after");
        assertThat(onReplica.replicaof(master.host(), master.port())).isEqualTo("OK");
        TypeServers.awaitField(onReplica, "replication", "master_link_status", "up", TIMEOUT);
        assertState(onReplica, "master-before", "master-after");
        assertThat(digest(onReplica)).isEqualTo(digest(onMaster));
        assertCleanLog(replica);
      }
      assertCleanLog(master);
    }
  }

  /**
   * An auxSave that throws fails the save it is part of: SAVE in the parent, and a BGSAVE (whose
   * child finds no recorded state), leaving the previous RDB file.
   */
  @Test
  void aFailingAuxSaveFailsTheSaveAndTheBgsave() throws InterruptedException {
    try (RedisServer server = builder("aux=before").start();
        Jedis jedis = client(server)) {
      assertThat(send(jedis, "JRMTEST.AUX.FAIL", "throw")).isEqualTo("OK");
      assertThatThrownBy(jedis::save).isInstanceOf(JedisDataException.class);
      assertThat(jedis.bgsave()).isEqualTo("Background saving started");
      assertThat(awaitBgsave(jedis, TIMEOUT)).isEqualTo("err");
      assertLogLine(server, "auxSave of jrmtest-g (BEFORE_RDB) failed before a fork");
      assertLogLine(
          server, "the module-wide state of type jrmtest-g was not prepared for this fork");
      assertThat(send(jedis, "JRMTEST.AUX.FAIL", "none")).isEqualTo("OK");
      assertThat(jedis.bgsave()).isEqualTo("Background saving started");
      assertThat(awaitBgsave(jedis, TIMEOUT)).isEqualTo("ok");
      assertThat(log(server)).doesNotContain(TypeServers.FORKED_JAVA).doesNotContain("crashed by");
    }
  }

  /** State that ends short fails the load with a clear line, never a crash. */
  @Test
  void aShortStateFailsTheLoadCleanly() {
    try (RedisServer server = builder("aux=after").start()) {
      try (Jedis jedis = client(server)) {
        assertThat(send(jedis, "JRMTEST.AUX.FAIL", "short")).isEqualTo("OK");
        assertThat(jedis.save()).isEqualTo("OK");
      }
      assertThatThrownBy(server::restart)
          .isInstanceOf(RedisServerException.class)
          .hasMessageContaining("exited");
      assertLogLine(server, "JRM: cannot load the module-wide state of type jrmtest-g: ");
      assertLogLine(server, "module AUX data for the module type 'jrmtest-g'", "not able to load");
      assertThat(log(server)).doesNotContain("crashed by signal").doesNotContain("Guru Meditation");
    }
  }
}
