package io.jrm.it;

import static io.jrm.it.TypeServers.assertCleanLog;
import static io.jrm.it.TypeServers.awaitAofRewrite;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * BGREWRITEAOF in a forked child, with and without an RDB preamble, and a restart from the
 * rewritten AOF. Without a preamble, values of types without aofRewrite are rewritten as {@code
 * jrmtest.jrm-restore key type encver payload}, and AofList values as its own commands.
 */
@Timeout(60)
class AofRewriteIT {
  private static final Duration REWRITE_TIMEOUT = Duration.ofSeconds(20);

  private static RedisServer start(String preamble) {
    return builder().config("appendonly", "yes").config("aof-use-rdb-preamble", preamble).start();
  }

  @ParameterizedTest(name = "aof-use-rdb-preamble {0}")
  @ValueSource(strings = {"yes", "no"})
  void restartFromARewrittenAofRestoresEqualValues(String preamble) throws Exception {
    try (RedisServer server = start(preamble)) {
      Map<String, String> before;
      String digest;
      try (Jedis jedis = client(server)) {
        populate(jedis);
        try (Writer writer = new Writer(server)) {
          Thread.sleep(50);
          assertThat(jedis.bgrewriteaof()).contains("Background append only file rewriting");
          assertThat(awaitAofRewrite(jedis, REWRITE_TIMEOUT)).isEqualTo("ok");
          Thread.sleep(50);
        }
        // Changes after the rewrite, which only the incremental file holds.
        send(jedis, "JRMTEST.TYPE.BUMP", "r:full");
        send(jedis, "JRMTEST.ATYPE.PUSH", "a:list", "after-rewrite");
        send(jedis, "JRMTEST.CTYPE.INCR", "c:one", "after", "1");
        before = contents(jedis);
        digest = digest(jedis);
      }
      Path base = AofFiles.baseFile(server.dir());
      assertThat(base.getFileName().toString())
          .endsWith(preamble.equals("yes") ? ".base.rdb" : ".base.aof");
      if (preamble.equals("no")) {
        checkPlainBase(base);
      }
      server.restart();
      try (Jedis jedis = client(server)) {
        assertThat(contents(jedis)).isEqualTo(before);
        assertThat(digest(jedis)).isEqualTo(digest);
      }
      assertThat(TypeServers.log(server)).contains("DB loaded from append only file");
      assertCleanLog(server);
    }
  }

  /** What the base file says of the values populate() made. */
  private static void checkPlainBase(Path base) throws java.io.IOException {
    assertThat(
            new String(
                Files.readAllBytes(base), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isNotEqualTo("REDIS");
    Map<String, List<List<String>>> byKey = new HashMap<>();
    Map<String, byte[]> restorePayloads = new HashMap<>();
    for (List<byte[]> command : AofFiles.commands(base)) {
      List<String> text = AofFiles.text(command);
      if (text.size() > 1) {
        byKey.computeIfAbsent(text.get(1), k -> new ArrayList<>()).add(text);
      }
      if (text.get(0).equalsIgnoreCase("jrmtest.jrm-restore")) {
        restorePayloads.put(text.get(1), command.get(4));
      }
    }
    // Types without aofRewrite: one restore command each, with the type's name and encver.
    assertThat(byKey.get("r:full")).hasSize(1);
    assertThat(byKey.get("r:full").get(0).subList(0, 4))
        .containsExactly("jrmtest.jrm-restore", "r:full", "jrmtest-r", "2");
    assertThat(byKey.get("c:one").get(0).subList(0, 4))
        .containsExactly("jrmtest.jrm-restore", "c:one", "jrmtest-c", "1");
    assertThat(byKey.get("fr:10").get(0).subList(0, 4))
        .containsExactly("jrmtest.jrm-restore", "fr:10", "jrmtest-r", "2");
    // The payload is the value's Snapshot encoding: for RichValue, the label comes last.
    byte[] payload = restorePayloads.get("r:full");
    byte[] label =
        SnapshotBytes.version3().text("custom-label").toBytes(); // its version byte first
    assertThat(Arrays.copyOfRange(payload, payload.length - (label.length - 1), payload.length))
        .isEqualTo(Arrays.copyOfRange(label, 1, label.length));
    // c:one: format version 3, then U(2) B("apples") S(8) B("pears") S(-12) D(-4.0) F(2.0)
    // U(0xC0FFEE), as rdbSave wrote it.
    assertThat(restorePayloads.get("c:one"))
        .isEqualTo(
            SnapshotBytes.version3()
                .unsigned(2)
                .text("apples")
                .signed(8)
                .text("pears")
                .signed(-12)
                .dbl(-4.0)
                .flt(2f)
                .unsigned(0xC0FFEE)
                .toBytes());
    // AofList rewrites itself: PUSH with up to 3 items, then SEQ.
    assertThat(byKey.get("a:list"))
        .containsExactly(
            List.of("JRMTEST.ATYPE.PUSH", "a:list", "one", "two", "three"),
            List.of("JRMTEST.ATYPE.PUSH", "a:list", "four", "", "six"),
            List.of("JRMTEST.ATYPE.PUSH", "a:list", "seven ✓"),
            List.of("JRMTEST.ATYPE.SEQ", "a:list", "9"));
    assertThat(byKey.get("a:empty")).containsExactly(List.of("JRMTEST.ATYPE.SEQ", "a:empty", "-3"));
    assertThat(byKey.get("fa:4")).hasSize(3);
    assertThat(restorePayloads.keySet())
        .noneMatch(key -> key.startsWith("a:") || key.startsWith("fa:"));
  }

  @Test
  void switchingThePreambleOffAtRunTimeStillRewritesAnAofThatRestores()
      throws InterruptedException {
    try (RedisServer server = start("yes")) {
      Map<String, String> before;
      String digest;
      try (Jedis jedis = client(server)) {
        populate(jedis);
        assertThat(jedis.bgrewriteaof()).contains("Background append only file rewriting");
        assertThat(awaitAofRewrite(jedis, REWRITE_TIMEOUT)).isEqualTo("ok");
        // Unchanged since the last fork, which prepared no commands: they still must rebuild.
        assertThat(jedis.configSet("aof-use-rdb-preamble", "no")).isEqualTo("OK");
        send(jedis, "JRMTEST.ATYPE.PUSH", "a:changed", "x", "y");
        assertThat(jedis.bgrewriteaof()).contains("Background append only file rewriting");
        assertThat(awaitAofRewrite(jedis, REWRITE_TIMEOUT)).isEqualTo("ok");
        before = contents(jedis);
        digest = digest(jedis);
      }
      Path base = AofFiles.baseFile(server.dir());
      assertThat(base.getFileName().toString()).endsWith(".base.aof");
      List<List<String>> commands = AofFiles.commands(base).stream().map(AofFiles::text).toList();
      assertThat(commands).contains(List.of("JRMTEST.ATYPE.PUSH", "a:changed", "x", "y"));
      // Values unchanged since the fork that prepared no commands get theirs too.
      assertThat(commands)
          .contains(
              List.of("JRMTEST.ATYPE.SEQ", "a:list", "9"),
              List.of("JRMTEST.ATYPE.SEQ", "fa:7", "7"));
      assertThat(commands)
          .noneMatch(c -> c.get(0).equals("jrmtest.jrm-restore") && c.get(2).equals("jrmtest-a"));
      server.restart();
      try (Jedis jedis = client(server)) {
        assertThat(contents(jedis)).isEqualTo(before);
        assertThat(digest(jedis)).isEqualTo(digest);
      }
      assertCleanLog(server);
    }
  }

  /**
   * An aofRewrite that passes the key's name as a String: AofOutput.emit takes any argument "as for
   * Context#call", and in the parent the key's name is what it gets. In a rewrite child, though,
   * the commands come from what Java recorded before the fork with a stand-in key whose name is
   * "key", which only an argument identical to that RedisString object replaces.
   */
  @Test
  void anAofRewriteThatPassesTheKeyNameAsAStringRestoresUnderTheRightKeys()
      throws InterruptedException {
    try (RedisServer server = start("no")) {
      try (Jedis jedis = client(server)) {
        send(jedis, "JRMTEST.KTYPE.SET", "first", "one");
        send(jedis, "JRMTEST.KTYPE.SET", "second", "two");
        assertThat(jedis.bgrewriteaof()).contains("Background append only file rewriting");
        assertThat(awaitAofRewrite(jedis, REWRITE_TIMEOUT)).isEqualTo("ok");
      }
      List<List<String>> commands =
          AofFiles.commands(AofFiles.baseFile(server.dir())).stream()
              .map(AofFiles::text)
              .filter(c -> c.get(0).equals("JRMTEST.KTYPE.SET"))
              .toList();
      assertThat(commands)
          .containsExactlyInAnyOrder(
              List.of("JRMTEST.KTYPE.SET", "first", "one"),
              List.of("JRMTEST.KTYPE.SET", "second", "two"));
      server.restart();
      try (Jedis jedis = client(server)) {
        assertThat(contents(jedis))
            .isEqualTo(Map.of("first", "jrmtest-k:value=one", "second", "jrmtest-k:value=two"));
      }
    }
  }
}
