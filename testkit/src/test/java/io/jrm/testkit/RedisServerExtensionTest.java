package io.jrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import redis.clients.jedis.Jedis;

/**
 * Runs small test classes through the Jupiter engine to check what users of the extension see. The
 * nested classes are not run on their own: Surefire skips nested classes by default.
 */
class RedisServerExtensionTest {

  /** What one engine run produced; stderr is captured so deliberate failures stay quiet. */
  private record Run(EngineExecutionResults results, String stderr) {
    /** All events, containers included: class-level failures are reported on the container. */
    Events all() {
      return results.allEvents();
    }

    Events tests() {
      return results.testEvents();
    }
  }

  private static Run execute(Class<?> testClass) {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      EngineExecutionResults results =
          EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
      return new Run(results, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(originalErr);
    }
  }

  private static Events run(Class<?> testClass) {
    return execute(testClass).all();
  }

  @Test
  void serverIsStoppedAndItsDirDeletedAfterTheClass() {
    execute(RecordsItsServer.class).tests().assertStatistics(s -> s.succeeded(3).failed(0));
    assertThat(RecordsItsServer.server).isNotNull();
    assertThat(RecordsItsServer.server.isRunning()).isFalse();
    assertThat(RecordsItsServer.server.exitCode()).hasValue(0);
    assertThat(RecordsItsServer.server.dir()).doesNotExist();
  }

  @Test
  void missingModuleFailsTheClassWithAHint() {
    run(MissingModule.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(
                        m ->
                            m.matches(
                                "Module /.*/target/no-such-module\\.so does not exist:"
                                    + " run mvn package first")))));
  }

  @Test
  void placeholdersInModulePathsComeFromSystemProperties() {
    System.setProperty("jrm.testkit.test.dir", "/some/where");
    try {
      run(PlaceholderModule.class)
          .assertThatEvents()
          .haveExactly(
              1,
              event(
                  finishedWithFailure(
                      message("Module /some/where/x.so does not exist: run mvn package first"))));
    } finally {
      System.clearProperty("jrm.testkit.test.dir");
    }
  }

  @Test
  void unsetPlaceholderIsReported() {
    run(PlaceholderModule.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(m -> m.contains("System property 'jrm.testkit.test.dir'")))));
  }

  @Test
  void badConfigFailsTheClassWithTheRedisLog() {
    run(BadConfig.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    instanceOf(RedisServerException.class),
                    message(m -> m.contains("Bad directive or wrong number of arguments")))));
  }

  @Test
  void extendWithWithoutAnnotationIsAConfigurationError() {
    run(NoAnnotation.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> m.contains("annotated with @RedisServerTest")))));
  }

  @Test
  void failingTestPrintsTheRedisLog() {
    Run run = execute(FailingTest.class);
    run.tests().assertStatistics(s -> s.failed(1));
    String err = run.stderr();
    assertThat(err)
        .contains(FailingTest.class.getName() + "#fails")
        .contains("last 40 lines of")
        .contains("Ready to accept connections");
  }

  @Test
  void unsupportedParameterTypesAreLeftToOtherResolvers() {
    run(AsksForString.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    instanceOf(ParameterResolutionException.class),
                    message(m -> m.contains("No ParameterResolver registered")))));
  }

  @Test
  void perClassLifecycleGetsTheServerInItsConstructor() {
    execute(PerClassLifecycle.class).tests().assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @Test
  void nestedClassWithItsOwnAnnotationGetsItsOwnServer() {
    execute(OuterWithOwnNestedServer.class).tests().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @RedisServerTest
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassLifecycle {
    private final RedisServer server;
    private final Jedis jedis;

    PerClassLifecycle(RedisServer server, Jedis jedis) {
      this.server = server;
      this.jedis = jedis;
    }

    @Test
    void constructorServerIsRunning(RedisServer injected) {
      assertThat(injected).isSameAs(server);
      assertThat(server.isRunning()).isTrue();
    }

    @Test
    void constructorConnectionLivesForTheClass() {
      assertThat(jedis.ping()).isEqualTo("PONG");
    }
  }

  @RedisServerTest
  static class OuterWithOwnNestedServer {
    static RedisServer outer;

    @BeforeAll
    static void remember(RedisServer server) {
      outer = server;
    }

    @Nested
    @RedisServerTest(config = "maxmemory 5mb")
    class Inner {
      @Test
      void hasItsOwnServer(RedisServer server, Jedis jedis) {
        assertThat(server).isNotSameAs(outer);
        assertThat(jedis.configGet("maxmemory")).containsEntry("maxmemory", "5242880");
      }
    }
  }

  @RedisServerTest
  static class RecordsItsServer {
    static RedisServer server;

    @Test
    void one(RedisServer s, Jedis jedis) {
      server = s;
      jedis.set("k", "v");
    }

    @Test
    void two(Jedis jedis) {
      jedis.ping();
    }

    @Test
    void three(Jedis jedis) {
      jedis.ping();
    }
  }

  @RedisServerTest(modules = @LoadModule(path = "target/no-such-module.so"))
  static class MissingModule {
    @Test
    void test() {}
  }

  @RedisServerTest(modules = @LoadModule(path = "${jrm.testkit.test.dir}/x.so"))
  static class PlaceholderModule {
    @Test
    void test() {}
  }

  @RedisServerTest(config = "no-such-option 1")
  static class BadConfig {
    @Test
    void test() {}
  }

  @ExtendWith(RedisServerExtension.class)
  static class NoAnnotation {
    @Test
    void test(Jedis jedis) {}
  }

  @RedisServerTest
  static class FailingTest {
    @Test
    void fails(Jedis jedis) {
      jedis.set("a", "b");
      throw new AssertionError("deliberate failure");
    }

    @AfterEach
    void connectionStillUsableAfterFailure(Jedis jedis) {
      jedis.ping();
    }
  }

  @RedisServerTest
  static class AsksForString {
    @Test
    void test(String notProvided) {}
  }
}
