package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Propagation to replicas and the AOF: calls with {@code !}, {@code !A}, {@code !R},
 * Context.replicate and Context.replicateVerbatim, and {@code @RedisCommand(replicate = ...)}, on a
 * master (appendonly yes) with one replica, both running the jrmtest module.
 */
class ReplicationIT {
  private static final long TIMEOUT_MILLIS = 10_000;

  private static RedisServer master;
  private static RedisServer replica;
  private Jedis onMaster;
  private Jedis onReplica;

  @BeforeAll
  static void startServers() {
    Path module = Path.of(System.getProperty("jrm.test.module"));
    master =
        RedisServer.builder()
            .module(module)
            .config("appendonly", "yes")
            // Written and flushed before the reply goes out, so the test can read it at once.
            .config("appendfsync", "always")
            .config("enable-debug-command", "yes")
            .start();
    replica =
        RedisServer.builder()
            .module(module)
            .config("replicaof", "127.0.0.1", String.valueOf(master.port()))
            .config("enable-debug-command", "yes")
            .start();
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
  void connect() throws InterruptedException {
    onMaster = master.client();
    onReplica = replica.client();
    long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
    while (!Info.field(onReplica, "replication", "master_link_status").equals("up")) {
      assertThat(System.currentTimeMillis()).as("replica link up").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @AfterEach
  void disconnect() {
    onMaster.close();
    onReplica.close();
  }

  @Test
  void replicatedCallsAndReplicateReachTheReplicaAndTheAofInOneTransaction() {
    assertThat(send(onMaster, "JRMTEST.API.REPL.INCR", "counter", "marker")).isEqualTo(2L);
    awaitReplica();
    assertThat(onMaster.get("counter")).isEqualTo("2");
    assertThat(onReplica.get("counter")).isEqualTo("2");
    // Replicate only propagates: the master never ran the SET.
    assertThat(onMaster.exists("marker")).isFalse();
    assertThat(onReplica.get("marker")).isEqualTo("replicated-only");
    List<List<String>> transaction =
        List.of(
            List.of("MULTI"),
            List.of("INCR", "counter"),
            List.of("SET", "marker", "replicated-only"),
            List.of("INCR", "counter"),
            List.of("EXEC"));
    List<List<String>> aof = aof();
    assertThat(Collections.indexOfSubList(aof, transaction))
        .as("%s in the AOF %s", transaction, aof)
        .isNotNegative();
  }

  @Test
  void verbatimReplicationRunsTheCommandOnTheReplica() {
    assertThat(send(onMaster, "JRMTEST.API.REPL.VERBATIM", "verbatim", "value")).isEqualTo("OK");
    awaitReplica();
    assertThat(onReplica.get("verbatim")).isEqualTo("value");
    assertThat(send(onReplica, "DEBUG", "DIGEST-VALUE", "verbatim"))
        .isEqualTo(send(onMaster, "DEBUG", "DIGEST-VALUE", "verbatim"));
    List<List<String>> aof = aof();
    // The SET inside was not replicated: the command itself was, as the client sent it, alone
    // (so without MULTI).
    int verbatim = aof.indexOf(List.of("JRMTEST.API.REPL.VERBATIM", "verbatim", "value"));
    assertThat(verbatim).as("the command in the AOF %s", aof).isNotNegative();
    assertThat(aof.get(verbatim - 1)).isNotEqualTo(List.of("MULTI"));
    assertThat(aof).doesNotContain(List.of("SET", "verbatim", "value"));
  }

  @Test
  void callsWithoutReplicateFlagStayOnTheMaster() {
    assertThat(call("", "SET", "local", "1")).isEqualTo(List.of("STRING", "+OK\r\n"));
    assertThat(call("!", "SET", "everywhere", "1")).isEqualTo(List.of("STRING", "+OK\r\n"));
    awaitReplica();
    assertThat(onMaster.get("local")).isEqualTo("1");
    assertThat(onReplica.exists("local")).isFalse();
    assertThat(onReplica.get("everywhere")).isEqualTo("1");
    List<List<String>> aof = aof();
    assertThat(aof)
        .contains(List.of("SET", "everywhere", "1"))
        .doesNotContain(List.of("SET", "local", "1"));
  }

  @Test
  void flagsAAndRChooseTheTargets() {
    assertThat(call("!A", "SET", "replica-only", "1").get(0)).isEqualTo("STRING");
    assertThat(call("!R", "SET", "aof-only", "1").get(0)).isEqualTo("STRING");
    awaitReplica();
    assertThat(onMaster.mget("replica-only", "aof-only")).containsExactly("1", "1");
    assertThat(onReplica.get("replica-only")).isEqualTo("1");
    assertThat(onReplica.exists("aof-only")).isFalse();
    List<List<String>> aof = aof();
    assertThat(aof)
        .contains(List.of("SET", "aof-only", "1"))
        .doesNotContain(List.of("SET", "replica-only", "1"));
  }

  // @RedisCommand(replicate = ...): what the replica gets, and runs (INFO commandstats).

  @Test
  void aWriteCommandReachesTheReplicaByDefault() {
    long before = replicaCalls("jrmtest.repl.default");
    assertThat(send(onMaster, "JRMTEST.REPL.DEFAULT", "by-default", "v")).isEqualTo("OK");
    awaitReplica();
    assertThat(onReplica.get("by-default")).isEqualTo("v");
    assertThat(replicaCalls("jrmtest.repl.default")).isEqualTo(before + 1);
  }

  @Test
  void aRefusedWriteIsNotReplicated() {
    long before = replicaCalls("jrmtest.repl.default");
    assertThatThrownBy(() -> send(onMaster, "JRMTEST.REPL.DEFAULT", "refused", "refuse"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR refused");
    assertThatThrownBy(() -> send(onMaster, "JRMTEST.REPL.DEFAULT", "wrong-arity"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageContaining("wrong number of arguments");
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
    assertThat(aof()).doesNotContain(List.of("JRMTEST.REPL.NONE", "none", "v"));
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
  void eachCallStartsWithItsOwnDeclaration() {
    // Contexts are reused call after call: what NONE refused, or what a handler propagated, must
    // not carry over to the next command.
    long before = replicaCalls("jrmtest.repl.default");
    assertThat(send(onMaster, "JRMTEST.REPL.NONE", "carry-none", "v")).isEqualTo("OK");
    assertThat(send(onMaster, "JRMTEST.REPL.MANUAL", "carry-manual", "v")).isEqualTo("OK");
    assertThat(send(onMaster, "JRMTEST.REPL.DEFAULT", "carry-default", "v")).isEqualTo("OK");
    awaitReplica();
    assertThat(onReplica.get("carry-manual")).isEqualTo("manual-v");
    assertThat(onReplica.get("carry-default")).isEqualTo("v");
    assertThat(replicaCalls("jrmtest.repl.default")).isEqualTo(before + 1);
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
    assertThat(Collections.frequency(aof(), List.of("JRMTEST.REPL.INCR", "once"))).isEqualTo(1);
  }

  @SuppressWarnings("unchecked")
  private List<String> call(String flags, String... command) {
    String[] args = Stream.concat(Stream.of(flags), Stream.of(command)).toArray(String[]::new);
    return (List<String>) send(onMaster, "JRMTEST.API.CALL.FLAGS", args);
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

  /** Every command of the master's incremental AOF files, in order. */
  private static List<List<String>> aof() {
    Path dir = master.dir().resolve("appendonlydir");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> incremental =
          files.filter(f -> f.getFileName().toString().endsWith(".incr.aof")).sorted().toList();
      assertThat(incremental).as("incremental AOF files in %s", dir).isNotEmpty();
      List<List<String>> commands = new ArrayList<>();
      for (Path file : incremental) {
        try (InputStream in = Files.newInputStream(file)) {
          for (List<String> command = readCommand(in); command != null; command = readCommand(in)) {
            commands.add(command);
          }
        }
      }
      return Collections.unmodifiableList(commands);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One {@code *N\r\n$len\r\narg\r\n...} command, or null at the end of the file. */
  private static List<String> readCommand(InputStream in) throws IOException {
    String header = readLine(in);
    if (header == null) {
      return null;
    }
    assertThat(header).startsWith("*");
    int count = Integer.parseInt(header.substring(1));
    List<String> command = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = Integer.parseInt(readLine(in).substring(1));
      command.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
      readLine(in);
    }
    return command;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
