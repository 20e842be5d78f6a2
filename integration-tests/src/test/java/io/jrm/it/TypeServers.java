package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * Servers running the jrmtest module for the data type persistence tests, the values they hold, and
 * what their logs must never say.
 */
final class TypeServers {
  static final Path MODULE = Path.of(System.getProperty("jrm.test.module"));

  /** What the stub logs when something tried to run Java in a forked child. */
  static final String FORKED_JAVA = "refused to run Java in a forked child";

  private TypeServers() {}

  /** A server with the jrmtest module and DEBUG enabled; persistence off unless configured. */
  static RedisServer.Builder builder(String... moduleArguments) {
    return RedisServer.builder()
        .module(MODULE, moduleArguments)
        .config("enable-debug-command", "yes");
  }

  /**
   * A connection that waits up to 30 seconds for a reply: big fills, SAVE and DEBUG RELOAD take a
   * while.
   */
  static Jedis client(RedisServer server) {
    Jedis jedis = new Jedis(server.host(), server.port(), 30_000);
    jedis.connect();
    return jedis;
  }

  /** The whole log of {@code server}, across restarts. */
  static String log(RedisServer server) {
    try {
      return Files.readString(server.logFile(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that one line of the log holds every one of {@code parts}, in order. */
  static void assertLogLine(RedisServer server, String... parts) {
    String pattern =
        java.util.Arrays.stream(parts)
            .map(java.util.regex.Pattern::quote)
            .collect(java.util.stream.Collectors.joining(".*"));
    assertThat(log(server)).as("a log line with %s", List.of(parts)).containsPattern(pattern);
  }

  /** No Java in a forked child, no crash, no value a child could not write. */
  static void assertCleanLog(RedisServer server) {
    assertThat(log(server))
        .as("log of %s", server)
        .doesNotContain(FORKED_JAVA)
        .doesNotContain("was not prepared for this fork")
        .doesNotContain("crashed by signal")
        .doesNotContain("Guru Meditation")
        .doesNotContain("JRM: cannot load");
  }

  /** {@code DEBUG DIGEST}: one digest of the whole dataset. */
  static String digest(Jedis jedis) {
    return (String) send(jedis, "DEBUG", "DIGEST");
  }

  /** {@code DEBUG DIGEST-VALUE key}. */
  static String digestValue(Jedis jedis, String key) {
    @SuppressWarnings("unchecked")
    List<String> digests = (List<String>) send(jedis, "DEBUG", "DIGEST-VALUE", key);
    return digests.get(0);
  }

  /** JRMTEST.TYPE.GET: "type-name:description" of a module value. */
  static String describe(Jedis jedis, String key) {
    return (String) send(jedis, "JRMTEST.TYPE.GET", key);
  }

  /** Every key with what it holds: the description of module values, the type of others. */
  static Map<String, String> contents(Jedis jedis) {
    return contents(jedis, BULK_PREFIX + "#");
  }

  /**
   * Keys whose name starts with this are bulk data the digest covers: {@link #contents} skips them.
   */
  static final String BULK_PREFIX = "big:";

  /** Like {@link #contents}, skipping keys that start with {@code skipped}. */
  static Map<String, String> contents(Jedis jedis, String skipped) {
    Map<String, String> contents = new TreeMap<>();
    for (String key : jedis.keys("*")) {
      if (key.startsWith(skipped)) {
        continue;
      }
      String type = jedis.type(key);
      contents.put(
          key,
          type.startsWith("jrmtest")
              ? describe(jedis, key)
              : type + ":" + otherValue(jedis, key, type));
    }
    return contents;
  }

  private static String otherValue(Jedis jedis, String key, String type) {
    return switch (type) {
      case "string" -> jedis.get(key);
      case "hash" -> new TreeMap<>(jedis.hgetAll(key)).toString();
      default -> type;
    };
  }

  /** Asserts equal contents, reporting only the keys that differ. */
  static void assertSameContents(Map<String, String> actual, Map<String, String> expected) {
    Map<String, String> differences = new TreeMap<>();
    java.util.Set<String> keys = new java.util.TreeSet<>(actual.keySet());
    keys.addAll(expected.keySet());
    for (String key : keys) {
      if (!java.util.Objects.equals(actual.get(key), expected.get(key))) {
        differences.put(key, "expected " + expected.get(key) + " but was " + actual.get(key));
      }
    }
    assertThat(differences).as("keys that differ").isEmpty();
  }

  /** Sends a command whose arguments may be binary. */
  static Object sendBinary(Jedis jedis, String command, byte[]... args) {
    ProtocolCommand name = () -> command.getBytes(StandardCharsets.UTF_8);
    return jedis.sendCommand(name, args);
  }

  /** Sends {@code command} with {@code first} arguments then {@code rest}. */
  static Object sendAll(Jedis jedis, String command, List<String> first, List<String> rest) {
    List<String> args = new ArrayList<>(first);
    args.addAll(rest);
    return send(jedis, command, args.toArray(String[]::new));
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Values of every kind: the three types with full, empty and large content (a long text that RDB
   * compresses, binary bytes, extreme numbers, NaN and infinities), bulk-filled ones, and a string
   * and a hash beside them.
   */
  static void populate(Jedis jedis) {
    send(
        jedis,
        "JRMTEST.TYPE.SET",
        "r:full",
        "number",
        String.valueOf(Long.MIN_VALUE),
        "small",
        String.valueOf(Integer.MIN_VALUE),
        "tiny",
        "32767",
        "octet",
        "-128",
        "flag",
        "true",
        "letter",
        "é",
        "ratio",
        "3.141592653589793",
        "weight",
        "-Infinity",
        "boxed",
        "42",
        "text",
        "héllo wörld ✓",
        "shade",
        "BLUE",
        "note",
        "a note",
        "label",
        "custom-label");
    sendBinary(
        jedis,
        "JRMTEST.TYPE.SET",
        bytes("r:full"),
        bytes("blob"),
        new byte[] {0, (byte) 0xff, 10, 13, 0});
    send(jedis, "JRMTEST.TYPE.ADD", "r:full", "longs", String.valueOf(Long.MAX_VALUE), "-1", "0");
    send(jedis, "JRMTEST.TYPE.ADD", "r:full", "tags", "t1", "", "t3", "ünï");
    send(jedis, "JRMTEST.TYPE.ADD", "r:full", "entry", "e1", "1", "x", "0.25");
    send(jedis, "JRMTEST.TYPE.ADD", "r:full", "entry", "e2", "-2", "", TypeNull.NULL);
    send(jedis, "JRMTEST.TYPE.SET", "r:empty", "number", "0");
    send(
        jedis, "JRMTEST.TYPE.SET", "r:nan", "ratio", "NaN", "weight", "NaN", "note", TypeNull.NULL);
    send(jedis, "JRMTEST.TYPE.SET", "r:large", "text", "abcdefghij".repeat(5_000) + "end");
    List<String> longs = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      longs.add(String.valueOf((long) i * i * 7919 - 1_000_000));
      tags.add("tag-" + i);
    }
    sendAll(jedis, "JRMTEST.TYPE.ADD", List.of("r:large", "longs"), longs);
    sendAll(jedis, "JRMTEST.TYPE.ADD", List.of("r:large", "tags"), tags);
    for (int i = 0; i < 200; i++) {
      send(
          jedis,
          "JRMTEST.TYPE.ADD",
          "r:large",
          "entry",
          "k" + i,
          String.valueOf(i),
          "v".repeat(i % 30),
          i % 3 == 0 ? TypeNull.NULL : String.valueOf(i / 7.0));
    }
    send(jedis, "JRMTEST.CTYPE.INCR", "c:one", "apples", "5");
    send(jedis, "JRMTEST.CTYPE.INCR", "c:one", "pears", "-12");
    send(jedis, "JRMTEST.CTYPE.INCR", "c:one", "apples", "3");
    send(
        jedis, "JRMTEST.ATYPE.PUSH", "a:list", "one", "two", "three", "four", "", "six", "seven ✓");
    send(jedis, "JRMTEST.ATYPE.SEQ", "a:list", "9");
    send(jedis, "JRMTEST.ATYPE.SEQ", "a:empty", "-3");
    send(jedis, "JRMTEST.TYPE.FILL", "rich", "fr:", "300", "4");
    send(jedis, "JRMTEST.TYPE.FILL", "counter", "fc:", "100", "3");
    send(jedis, "JRMTEST.TYPE.FILL", "aof", "fa:", "100", "5");
    send(jedis, "JRMTEST.TYPE.FILL", "counter", "c:empty", "1", "0");
    // A time to live, which DEBUG DIGEST covers: persisted with the value.
    jedis.pexpire("fr:1", 3_600_000);
    jedis.set("plain:string", "just a string");
    jedis.hset("plain:hash", Map.of("f1", "v1", "f2", "v2"));
  }

  /** Waits until no BGSAVE runs; returns {@code rdb_last_bgsave_status}. */
  static String awaitBgsave(Jedis jedis, Duration timeout) throws InterruptedException {
    awaitField(jedis, "persistence", "rdb_bgsave_in_progress", "0", timeout);
    return Info.field(jedis, "persistence", "rdb_last_bgsave_status");
  }

  /** Waits until no AOF rewrite runs or is scheduled; returns {@code aof_last_bgrewrite_status}. */
  static String awaitAofRewrite(Jedis jedis, Duration timeout) throws InterruptedException {
    awaitField(jedis, "persistence", "aof_rewrite_in_progress", "0", timeout);
    awaitField(jedis, "persistence", "aof_rewrite_scheduled", "0", timeout);
    return Info.field(jedis, "persistence", "aof_last_bgrewrite_status");
  }

  static void awaitField(Jedis jedis, String section, String field, String value, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Info.field(jedis, section, field).equals(value)) {
      assertThat(System.nanoTime())
          .as("%s:%s within %s", field, value, timeout)
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
