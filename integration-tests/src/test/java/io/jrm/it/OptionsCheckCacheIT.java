package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The stub remembers JVM options a child JVM started with ({@code $JRM_CACHE_DIR}, set by the
 * failsafe configuration), so that later loads skip that check. Each test passes an option of its
 * own ({@code -Djrm.test.id=...}) so that its entry is its own.
 */
class OptionsCheckCacheIT {
  private static final Path TEST_MODULE = Path.of(System.getProperty("jrm.test.module"));
  private static final Path CACHE_DIR = Path.of(System.getProperty("jrm.cache.dir"));
  private static final String CHECKED_IN_CHILD = "options checked in a child JVM";
  private static final String CHECKED_BEFORE = "options checked by an earlier load";

  private final String idOption = "-Djrm.test.id=" + UUID.randomUUID();

  @Test
  void aPassedCheckIsRememberedForTheNextLoad() {
    assertThat(startAndLog()).contains(CHECKED_IN_CHILD).doesNotContain(CHECKED_BEFORE);
    assertThat(startAndLog()).contains(CHECKED_BEFORE);
  }

  @Test
  void aCorruptEntryIsIgnoredAndRewritten() throws IOException {
    startAndLog();
    Path entry = entries().get(0);
    String key = Files.readString(entry);
    Files.writeString(entry, key.substring(0, key.length() / 2) + "\u0000garbage");

    assertThat(startAndLog()).contains(CHECKED_IN_CHILD);
    assertThat(Files.readString(entry)).isEqualTo(key);
  }

  @Test
  void anEntryThatIsNotARegularFileIsIgnored() throws IOException {
    startAndLog();
    Path entry = entries().get(0);
    Files.delete(entry);
    Files.createDirectory(entry);

    assertThat(startAndLog()).contains(CHECKED_IN_CHILD);
    Files.delete(entry);
  }

  @Test
  void refusedOptionsAreCheckedOnEveryLoad() {
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> start("jrm.xms=1k", "jrm.xmx=1k").close())
          .hasMessageContaining("JRM: the JVM refuses the options")
          .hasMessageContaining("Too small maximum heap");
    }
    assertThat(entries()).isEmpty();
  }

  @Test
  void anEntryIsDroppedWhenTheJvmThenFailsToStart() {
    try (RedisServer server = RedisServer.builder().config("enable-module-command", "yes").start();
        Jedis jedis = server.client()) {
      // The java launcher takes -version, the JVM itself does not: the check passes, the JVM fails.
      assertThatThrownBy(
              () ->
                  send(
                      jedis,
                      "MODULE",
                      "LOAD",
                      TEST_MODULE.toString(),
                      "jrm.jvm-option=" + idOption,
                      "jrm.jvm-option=-version"))
          .hasMessageContaining("Error loading the extension");
      assertThat(server.logTail(3)).contains("JRM: the JVM did not start");
    }
    assertThat(entries()).isEmpty();
  }

  /** Starts a server with the test module and this test's option; its log once it answers. */
  private String startAndLog() {
    try (RedisServer server = start();
        Jedis jedis = server.client()) {
      assertThat(send(jedis, "JRMTEST.TIME")).isInstanceOf(Long.class);
      return server.logTail(50);
    }
  }

  private RedisServer start(String... args) {
    String[] all =
        Stream.concat(Stream.of("jrm.jvm-option=" + idOption), Stream.of(args))
            .toArray(String[]::new);
    return RedisServer.builder().module(TEST_MODULE, all).start();
  }

  /** The cache entries of this test's option. */
  private List<Path> entries() {
    try (Stream<Path> files = Files.list(CACHE_DIR)) {
      return files.filter(file -> Files.isRegularFile(file) && holdsThisTestsOption(file)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean holdsThisTestsOption(Path file) {
    try {
      return Files.readString(file).contains("option " + idOption + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
