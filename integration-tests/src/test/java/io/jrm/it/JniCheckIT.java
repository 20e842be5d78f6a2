package io.jrm.it;

import static io.jrm.it.TypeServers.awaitAofRewrite;
import static io.jrm.it.TypeServers.awaitBgsave;
import static io.jrm.it.TypeServers.awaitField;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The stub's JNI use under {@code -Xcheck:jni}: loading, commands, type callbacks (save, load,
 * fork, digest, free), blocked clients (their disconnect callback too, returning or throwing) and a
 * second module joining the JVM draw no JNI warning from JRM's own code (the jni backend's
 * downcalls included).
 *
 * <p>JNA's dispatch library draws warnings of its own that are left alone: its {@code JNI_OnLoad}
 * (under {@code NativeLibraries.load}) exceeds its local reference capacity and calls {@code
 * CallStaticObjectMethod} without checking, and each downcall ({@code Native.invoke*}) calls {@code
 * CallObjectMethod} without checking. The stub never calls {@code CallObjectMethod} outside the
 * load, where no Java frame is below it, so those warnings cannot be the stub's.
 */
class JniCheckIT {
  private static final Path TEST_MODULE = Path.of(System.getProperty("jrm.test.module"));
  private static final Path EXAMPLE_MODULE = Path.of(System.getProperty("jrm.example.module"));
  private static final Duration FORK_TIMEOUT = Duration.ofSeconds(30);

  /** How long the server may take to block or free a client; only a broken one gets there. */
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @Test
  void jrmMakesNoJniCallThatTheJniCheckerWarnsAbout() throws Exception {
    Path output;
    try (RedisServer server =
            RedisServer.builder()
                .module(TEST_MODULE, "jrm.jvm-option=-Xcheck:jni", "aux=both")
                .config("enable-debug-command", "yes")
                .config("enable-module-command", "yes")
                .start();
        Jedis jedis = TypeServers.client(server)) {
      output = server.stdoutFile();
      exerciseTheStub(server, jedis);
      assertThat(server.stop()).isZero();
      List<String> warnings = jrmWarnings(Files.readAllLines(output, StandardCharsets.UTF_8));
      assertThat(warnings).isEmpty();
      // -Xcheck:jni really ran: JNA's own warnings (from the second module, on jna) are there.
      assertThat(Files.readString(output, StandardCharsets.UTF_8))
          .contains("WARNING in native method: JNI");
    }
  }

  @SuppressWarnings("unchecked") // the module replies an array of strings
  private static void exerciseTheStub(RedisServer server, Jedis jedis)
      throws InterruptedException, IOException {
    // Keyspace notifications from here on: every write below goes through the keyspace trampoline.
    assertThat(send(jedis, "JRMTEST.KEYSPACE.SUBSCRIBE")).isEqualTo("OK");
    assertThat(send(jedis, "JRMTEST.TYPE.SET", "rich", "number", "5", "text", "hi"))
        .isEqualTo("OK");
    assertThat(send(jedis, "JRMTEST.CTYPE.INCR", "counter", "a", "2")).isEqualTo(2L);
    assertThat(send(jedis, "JRMTEST.ATYPE.PUSH", "list", "x", "y")).isEqualTo(2L);
    // Module-wide state: aux_save in the parent (SAVE, DEBUG RELOAD) and before the forks below.
    assertThat(send(jedis, "JRMTEST.AUX.SET", "before", "b")).isEqualTo("OK");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.THROW")).hasMessageContaining("boom");
    assertThat(send(jedis, "MEMORY", "USAGE", "rich")).isInstanceOf(Long.class);
    assertThat(send(jedis, "DEBUG", "DIGEST-VALUE", "rich")).isNotNull();
    assertThat(jedis.save()).isEqualTo("OK");
    assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
    assertThat((List<Object>) send(jedis, "JRMTEST.KEYSPACE.LOADED"))
        .containsExactlyInAnyOrder("rich", "counter", "list");
    assertThat(send(jedis, "JRMTEST.AUX.LOADS")).isEqualTo(List.of("BEFORE_RDB", "AFTER_RDB"));
    assertThat(jedis.bgsave()).isEqualTo("Background saving started");
    assertThat(awaitBgsave(jedis, FORK_TIMEOUT)).isEqualTo("ok");
    jedis.bgrewriteaof();
    assertThat(awaitAofRewrite(jedis, FORK_TIMEOUT)).isEqualTo("ok");
    try (Jedis other = server.client()) {
      CompletableFuture<Object> blocked =
          CompletableFuture.supplyAsync(() -> send(other, "JRMTEST.BLOCK.ECHO", "50", "v"));
      assertThat(send(jedis, "JRMTEST.BLOCK.TIMEOUT", "50")).isEqualTo("TIMEOUT");
      assertThat(blocked.join()).isEqualTo(List.of("v", 1L, 0L));
    }
    assertThat(send(jedis, "JRMTEST.BLOCK.INCR", "n", "3")).isEqualTo(List.of("3", 1L, 0L));
    disconnectBlockedClients(server, jedis);
    send(jedis, "JRMTEST.TIMER.PUSH", "fired", "timer", "1");
    assertThat(jedis.blpop(10, "fired")).containsExactly("fired", "timer");
    assertThat(send(jedis, "JRMTEST.INFO.SET", "fields")).isEqualTo("OK");
    assertThat(jedis.info("jrmtest")).contains("jrmtest_text:hello");
    assertThat(send(jedis, "JRMTEST.INFO.GET", "c", "replication", "role")).isEqualTo("master");
    // On jna: the jni backend never calls JNA, and JNA's warnings show the checker is on.
    assertThat(send(jedis, "MODULE", "LOAD", EXAMPLE_MODULE.toString(), "jrm.backend=jna"))
        .isEqualTo("OK");
    assertThat(send(jedis, "HELLO.SIMPLE")).isEqualTo(0L);
    assertThat(jedis.del("rich", "counter", "list")).isEqualTo(3L);
    assertThat(jedis.flushAll()).isEqualTo("OK");
  }

  /**
   * Two clients blocked with a disconnect callback go away: the stub calls Java over JNI from
   * Redis's freeing of the client, once for a callback that returns, once for one that throws.
   */
  private static void disconnectBlockedClients(RedisServer server, Jedis jedis)
      throws InterruptedException, IOException {
    long before = (Long) send(jedis, "JRMTEST.BLOCK.DISCONNECTS");
    List<String[]> holds =
        List.of(new String[] {"JRMTEST.BLOCK.HOLD"}, new String[] {"JRMTEST.BLOCK.HOLD", "throw"});
    for (String[] hold : holds) {
      try (RawClient client = new RawClient(server)) {
        client.send(hold);
        awaitField(jedis, "clients", "blocked_clients", "1", PATIENCE);
      }
      // Redis runs the callback as it frees the client, before it counts the client unblocked.
      awaitField(jedis, "clients", "blocked_clients", "0", PATIENCE);
    }
    assertThat(send(jedis, "JRMTEST.BLOCK.DISCONNECTS")).isEqualTo(before + 2);
  }

  /**
   * The checker's warnings that are not JNA's (see the class comment), each with its first frame.
   */
  private static List<String> jrmWarnings(List<String> lines) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("WARNING") && !line.startsWith("FATAL ERROR in native method")) {
        continue;
      }
      String frame = i + 1 < lines.size() ? lines.get(i + 1).trim() : "";
      if (!isJnas(line, frame)) {
        found.add(line + " / " + frame);
      }
    }
    return found;
  }

  private static boolean isJnas(String warning, String firstFrame) {
    boolean onLoad = firstFrame.startsWith("at jdk.internal.loader.NativeLibraries.load(");
    boolean downcall =
        firstFrame.startsWith("at com.sun.jna.Native.invoke")
            && warning.endsWith("from CallObjectMethod");
    return onLoad || downcall;
  }
}
