package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.sun.management.OperatingSystemMXBean;
import io.jrm.testkit.RedisServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.Jedis;

/**
 * JVM options that are well formed but that the JVM only rejects while it starts, where it would
 * exit redis-server: the load fails with one {@code JRM:} line naming the options and the JVM's
 * reason, and the server keeps running with its data. And once a JVM failed to start in a process,
 * later loads of any Java module fail with a clear line instead of aborting Redis.
 */
class RefusedJvmOptionsIT {
  private static final Path TEST_MODULE = Path.of(System.getProperty("jrm.test.module"));
  private static final Path EXAMPLE_MODULE = Path.of(System.getProperty("jrm.example.module"));
  private static final String REFUSED = "JRM: the JVM refuses the options -Xrs ";

  /** Module arguments, the JVM options the log line names, and the JVM's own reason. */
  static Stream<Arguments> refusedOptions() {
    String heap = heapLargerThanMemory();
    return Stream.of(
        arguments(
            List.of("jrm.xms=" + heap, "jrm.xmx=" + heap),
            "-Xms"
                + heap
                + " -Xmx"
                + heap
                + " -Djna.nosys=true --enable-native-access=ALL-UNNAMED "
                + JitDefaults.OPTIONS
                + ": ",
            "os::commit_memory"),
        arguments(
            List.of("jrm.xmx=100000g"),
            "-Xms32m -Xmx100000g -Djna.nosys=true --enable-native-access=ALL-UNNAMED "
                + JitDefaults.OPTIONS
                + ": ",
            "Could not reserve enough space"),
        arguments(
            List.of("jrm.xms=1k", "jrm.xmx=1k"),
            "-Xms1k -Xmx1k -Djna.nosys=true --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC "
                + JitDefaults.OPTIONS
                + ": ",
            "Too small maximum heap"),
        arguments(
            List.of("jrm.jvm-option=-Xss1k"),
            "-Xms32m -Xmx256m -Djna.nosys=true --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC"
                + " "
                + JitDefaults.OPTIONS
                + " -Xss1k: ",
            "thread stack size specified is too small"));
  }

  @ParameterizedTest
  @MethodSource("refusedOptions")
  void refusedOptionsStopTheServerFromStartingWithTheirReason(
      List<String> args, String options, String reason) {
    assertThatThrownBy(
            () ->
                RedisServer.builder()
                    .module(TEST_MODULE, args.toArray(String[]::new))
                    .start()
                    .close())
        .hasMessageContaining(REFUSED + options)
        .hasMessageContaining(reason);
  }

  @Test
  void refusedOptionsThroughModuleLoadKeepTheServerAndItsData() {
    try (RedisServer server = withModuleCommand().start();
        Jedis jedis = server.client()) {
      jedis.set("kept", "value");
      refusedOptions()
          .forEach(
              refused -> {
                Object[] params = refused.get();
                List<?> args = (List<?>) params[0];
                assertThatThrownBy(() -> moduleLoad(jedis, TEST_MODULE, args))
                    .hasMessageContaining("Error loading the extension");
                assertThat(server.logTail(3)).contains(REFUSED + params[1], (String) params[2]);
                assertThat(jedis.get("kept")).isEqualTo("value");
              });
      // The refused options never reached the JVM in redis-server, so good ones still start it.
      assertThat(moduleLoad(jedis, TEST_MODULE, List.of())).isEqualTo("OK");
      assertThat(send(jedis, "JRMTEST.TIME")).isInstanceOf(Long.class);
    }
  }

  @Test
  void afterTheJvmFailedToStartLaterLoadsOfAnyJavaModuleFailCleanly() {
    try (RedisServer server = withModuleCommand().start();
        Jedis jedis = server.client()) {
      jedis.set("kept", "value");
      // The java launcher takes -version, the JVM itself does not: the check passes, the JVM fails.
      assertThatThrownBy(() -> moduleLoad(jedis, TEST_MODULE, List.of("jrm.jvm-option=-version")))
          .hasMessageContaining("Error loading the extension");
      assertThat(server.logTail(3)).contains("JRM: the JVM did not start");
      for (Path module : List.of(EXAMPLE_MODULE, TEST_MODULE)) {
        assertThatThrownBy(() -> moduleLoad(jedis, module, List.of()))
            .hasMessageContaining("Error loading the extension");
        assertThat(server.logTail(3))
            .contains(
                "JRM: the JVM failed to start earlier in this process and cannot be started twice");
      }
      assertThat(jedis.get("kept")).isEqualTo("value");
    }
  }

  /** A heap the JVM can reserve but not commit: half as large again as the memory, at least 40g. */
  private static String heapLargerThanMemory() {
    long bytes =
        ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    long gib = bytes >> 30;
    return Math.max(40, gib + gib / 2) + "g";
  }

  private static Object moduleLoad(Jedis jedis, Path module, List<?> args) {
    Stream<Object> loadArgs = Stream.concat(Stream.of("LOAD", module.toString()), args.stream());
    return send(jedis, "MODULE", loadArgs.map(String::valueOf).toArray(String[]::new));
  }

  /** Redis 7 refuses MODULE LOAD unless enable-module-command allows it. */
  private static RedisServer.Builder withModuleCommand() {
    return RedisServer.builder().config("enable-module-command", "yes");
  }
}
