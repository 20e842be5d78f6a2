package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * {@code @RedisCommand(replicate = ...)} on a master with one replica, both running the jrmtest
 * module: what each declaration makes the replica see, and run ({@code INFO commandstats}).
 */
class ReplicateDeclarationIT {
  private static final long TIMEOUT_MILLIS = 10_000;

  private static RedisServer master;
  private static RedisServer replica;
  private Jedis onMaster;
  private Jedis onReplica;

  @BeforeAll
  static void startServers() {
    Path module = Path.of(System.getProperty("jrm.test.module"));
    master = RedisServer.builder().module(module).start();
    replica = RedisServer.builder().module(module).replicaOf(master).start();
  }

  @AfterAll
  static void stopServers() {
    if (replica != null) {
      replica.close();
    }
    if (master != null) {
      master.close();
    }
  }

  @BeforeEach
  void connect() {
    onMaster = master.client();
    onReplica = replica.client();
  }

  @AfterEach
  void disconnect() {
    onMaster.close();
    onReplica.close();
  }

  @Test
  void aWriteCommandReachesTheReplicaByDefault() {
    assertThat(send(onMaster, "JRMTEST.REPL.DEFAULT", "by-default", "v")).isEqualTo("OK");
    awaitReplica();
    assertThat(onReplica.get("by-default")).isEqualTo("v");
    assertThat(replicaCalls("jrmtest.repl.default")).isEqualTo(1);
  }

  @Test
  void aRefusedWriteIsNotReplicated() {
    long before = replicaCalls("jrmtest.repl.default");
    assertThatThrownBy(() -> send(onMaster, "JRMTEST.REPL.DEFAULT", "refused", "refuse"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR refused");
    send(onMaster, "SET", "after-refused", "1");
    awaitReplica();
    assertThat(onReplica.get("after-refused")).isEqualTo("1");
    assertThat(replicaCalls("jrmtest.repl.default")).isEqualTo(before);
  }

  @Test
  void noneStaysOnTheMaster() {
    assertThat(send(onMaster, "JRMTEST.REPL.NONE", "none", "v")).isEqualTo("OK");
    send(onMaster, "SET", "after-none", "1");
    awaitReplica();
    assertThat(onMaster.get("none")).isEqualTo("v");
    assertThat(onReplica.get("after-none")).isEqualTo("1");
    assertThat(onReplica.exists("none")).isFalse();
    assertThat(replicaCalls("jrmtest.repl.none")).isZero();
  }

  @Test
  void noneRefusesTheHandlersReplication() {
    assertThatThrownBy(() -> send(onMaster, "JRMTEST.REPL.NONE.TRY", "none-try"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageContaining("declared @RedisCommand(replicate = NONE)");
    send(onMaster, "SET", "after-none-try", "1");
    awaitReplica();
    assertThat(onReplica.get("after-none-try")).isEqualTo("1");
    assertThat(onReplica.exists("none-try")).isFalse();
  }

  @Test
  void manualReplicatesOnlyWhatTheHandlerReplicates() {
    assertThat(send(onMaster, "JRMTEST.REPL.MANUAL", "manual", "v")).isEqualTo("OK");
    awaitReplica();
    assertThat(onMaster.get("manual")).isEqualTo("v");
    assertThat(onReplica.get("manual")).isEqualTo("manual-v");
    assertThat(replicaCalls("jrmtest.repl.manual")).isZero();
  }

  @Test
  void verbatimIsNotPropagatedTwiceWhenTheHandlerAlsoReplicates() {
    assertThat(send(onMaster, "JRMTEST.REPL.INCR", "once")).isEqualTo(1L);
    awaitReplica();
    assertThat(onReplica.get("once")).isEqualTo("1");
    assertThat(replicaCalls("jrmtest.repl.incr")).isEqualTo(1);
  }

  /** Waits until the replica has processed everything the master sent it. */
  private void awaitReplica() {
    assertThat(onMaster.waitReplicas(1, TIMEOUT_MILLIS)).isEqualTo(1);
  }

  /** How many times the replica ran {@code command}, from {@code INFO commandstats}. */
  private long replicaCalls(String command) {
    String prefix = "cmdstat_" + command + ":calls=";
    for (String line : onReplica.info("commandstats").split("\r\n")) {
      if (line.startsWith(prefix)) {
        return Long.parseLong(line.substring(prefix.length(), line.indexOf(',')));
      }
    }
    return 0;
  }
}
