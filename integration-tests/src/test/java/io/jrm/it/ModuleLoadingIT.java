package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrm.testkit.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * Loading Java modules: module arguments, MODULE LOAD, two modules in one JVM, each way a load can
 * fail (one clear log line, never a crash), JDK choice, and clean shutdown.
 */
class ModuleLoadingIT {
  private static final Path TEST_MODULE = Path.of(System.getProperty("jrm.test.module"));
  private static final Path EXAMPLE_MODULE = Path.of(System.getProperty("jrm.example.module"));
  private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  @Test
  void twoJavaModulesServeSideBySideInOneServer() {
    try (RedisServer server =
            RedisServer.builder().module(EXAMPLE_MODULE).module(TEST_MODULE, "x").start();
        Jedis jedis = server.client()) {
      assertThat(send(jedis, "HELLO.PUSH.CALL", "list", "a")).isEqualTo(1L);
      assertThat(send(jedis, "JRMTEST.ARGS")).isEqualTo(List.of("x"));
      assertThat(send(jedis, "MODULE", "LIST").toString()).contains("helloworld", "jrmtest");
      assertThat(server.logTail(100)).contains("joining the JVM already running in this process");
    }
  }

  @Test
  void moduleLoadAddsAJavaModuleToARunningServer() {
    try (RedisServer server = withModuleCommand().start();
        Jedis jedis = server.client()) {
      assertThat(send(jedis, "MODULE", "LOAD", TEST_MODULE.toString(), "a", "jrm.xmx=128m", "b"))
          .isEqualTo("OK");
      assertThat(send(jedis, "JRMTEST.ARGS")).isEqualTo(List.of("a", "b"));
      assertThat(send(jedis, "MODULE", "LOAD", EXAMPLE_MODULE.toString())).isEqualTo("OK");
      assertThat(send(jedis, "HELLO.SIMPLE")).isEqualTo(0L);
    }
  }

  @Test
  void loadingTheSameModuleTwiceIsRefused() {
    try (RedisServer server = withModuleCommand().module(TEST_MODULE).start();
        Jedis jedis = server.client()) {
      assertThatThrownBy(() -> send(jedis, "MODULE", "LOAD", TEST_MODULE.toString()))
          .hasMessageContaining("Error loading the extension");
      assertThat(server.logTail(20)).contains("a module named jrmtest is already loaded");
      assertThat(send(jedis, "JRMTEST.TIME")).isInstanceOf(Long.class);
    }
  }

  @Test
  void anOnLoadThatThrowsFailsTheLoadWithItsReason() {
    assertLoadFails(
        TEST_MODULE,
        List.of("fail-on-load"),
        "JRM: loading the module failed: java.lang.IllegalStateException: refusing to load, as asked");
  }

  @Test
  void anUnknownJrmArgumentFailsTheLoad() {
    assertLoadFails(
        TEST_MODULE, List.of("jrm.heap=1g"), "JRM: unknown module argument 'jrm.heap=1g'");
  }

  @Test
  void aBadHeapSizeFailsTheLoad() {
    assertLoadFails(TEST_MODULE, List.of("jrm.xmx=lots"), "JRM: jrm.xms and jrm.xmx take a size");
    assertLoadFails(
        TEST_MODULE,
        List.of("jrm.xms=1g", "jrm.xmx=64m"),
        "JRM: jrm.xms=1g is larger than jrm.xmx=64m");
  }

  @Test
  void aMissingJdkFailsTheLoad() {
    assertLoadFails(
        TEST_MODULE, List.of("jrm.jdk=/no/such/jdk"), "JRM: jrm.jdk=/no/such/jdk is not a JDK");
  }

  @Test
  void aJvmOptionTheJvmRefusesFailsTheLoad() {
    assertLoadFails(
        TEST_MODULE,
        List.of("jrm.jvm-option=-XX:+NoSuchJvmOption"),
        "JRM: the JVM refuses the options -Xrs -Xms32m -Xmx256m -Djna.nosys=true --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC "
            + JitDefaults.OPTIONS
            + " -XX:+NoSuchJvmOption: "
            + "Unrecognized VM option 'NoSuchJvmOption'");
  }

  @Test
  void aModuleWithoutItsJarFailsTheLoad(@TempDir Path dir) throws IOException {
    Path lonely = Files.copy(TEST_MODULE, dir.resolve("jrmtest.so"));
    assertLoadFails(
        lonely, List.of(), "JRM: module jar " + dir.resolve("jrmtest.jar") + " not found");
  }

  @Test
  void aJarWithoutTheModuleClassesFailsTheLoad(@TempDir Path dir) throws IOException {
    Path so = Files.copy(TEST_MODULE, dir.resolve("jrmtest.so"));
    Files.copy(EXAMPLE_MODULE.resolveSibling("helloworld.jar"), dir.resolve("jrmtest.jar"));
    assertLoadFails(
        so, List.of(), "JRM: class io.jrm.it.JrmModule_TestModule not found in the module jar");
  }

  @Test
  void theSameModuleLoadsOnJdk25ByItsModuleArgumentAlone() {
    assumeTrue(Files.exists(JDK_25.resolve("lib/server/libjvm.so")), "Temurin 25 is not installed");
    try (RedisServer server =
            RedisServer.builder().module(TEST_MODULE, "jrm.jdk=" + JDK_25).start();
        Jedis jedis = server.client()) {
      assertThat(send(jedis, "JRMTEST.TIME")).isInstanceOf(Long.class);
      assertThat(server.logTail(50)).contains("started the JVM from " + JDK_25, "on Java 25");
    }
  }

  @Test
  void argumentsOfAModuleWithoutOnLoadAreLoggedAsIgnored() {
    Path module = Path.of(System.getProperty("jrm.no-onload.module"));
    try (RedisServer server =
            RedisServer.builder().module(module, "jrm.xmx=128m", "a", "b").start();
        Jedis jedis = server.client()) {
      assertThat(send(jedis, "NOONLOAD.PING")).isEqualTo("PONG");
      assertThat(server.logTail(50))
          .contains(
              "JRM: module noonload has no @OnLoad method, so its arguments are ignored: a b");
    }
  }

  /**
   * On both fast backends: JNA's restricted-method warnings would land on stdout, and so would the
   * JVM's warning at a first use of {@code sun.misc.Unsafe}'s memory methods, which the jni backend
   * uses before Java 23 only.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ffm", "jni"})
  void aCleanStartOnJdk25PrintsNothingOnStdoutOrStderr(String backend) throws IOException {
    assumeTrue(Files.exists(JDK_25.resolve("lib/server/libjvm.so")), "Temurin 25 is not installed");
    try (RedisServer server =
            RedisServer.builder()
                .module(TEST_MODULE, "jrm.jdk=" + JDK_25, "jrm.backend=" + backend)
                .start();
        Jedis jedis = server.client()) {
      assertThat(send(jedis, "JRMTEST.TIME")).isInstanceOf(Long.class);
      assertThat(send(jedis, "JRMTEST.KEY.COUNTER", "counter")).isEqualTo(1L); // argv, StringDMA
      // JRM's lines go to the Redis log.
      assertThat(Files.readString(server.stdoutFile())).isEmpty();
    }
  }

  @Test
  void sigtermStopsTheServerCleanly() {
    try (RedisServer server = RedisServer.builder().module(TEST_MODULE).start()) {
      assertThat(server.stop()).isZero();
      assertThat(server.logTail(10)).contains("Redis is now ready to exit, bye bye...");
    }
  }

  @Test
  void shutdownStopsTheServerCleanly() throws InterruptedException {
    try (RedisServer server = RedisServer.builder().module(TEST_MODULE).start()) {
      try (Jedis jedis = server.client()) {
        jedis.shutdown();
      } catch (RuntimeException connectionClosed) {
        // SHUTDOWN closes the connection instead of replying
      }
      assertThat(server.stop()).isZero();
      assertThat(server.logTail(10)).contains("Redis is now ready to exit, bye bye...");
    }
  }

  /** Redis 7 refuses MODULE LOAD and UNLOAD unless enable-module-command allows them. */
  private static RedisServer.Builder withModuleCommand() {
    return RedisServer.builder().config("enable-module-command", "yes");
  }

  private static void assertLoadFails(Path module, List<String> args, String logLine) {
    assertThatThrownBy(
            () -> RedisServer.builder().module(module, args.toArray(String[]::new)).start().close())
        .hasMessageContaining(logLine);
  }
}
