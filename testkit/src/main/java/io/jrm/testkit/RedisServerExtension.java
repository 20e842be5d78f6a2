package io.jrm.testkit;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;
import redis.clients.jedis.Jedis;

/**
 * JUnit 5 extension behind {@link RedisServerTest}: starts one {@link RedisServer} per annotated
 * test class, injects it and per-test {@link Jedis} connections, and prints the server log when a
 * test fails. Use it through {@code @RedisServerTest} rather than {@code @ExtendWith}, since the
 * annotation carries the server's configuration.
 *
 * <p>Servers and connections live in JUnit's {@link ExtensionContext.Store}, which closes them when
 * their class or test finishes, whether it passed or not.
 */
public class RedisServerExtension implements BeforeAllCallback, ParameterResolver, TestWatcher {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RedisServerExtension.class);
  private static final int FAILURE_LOG_LINES = 40;

  /** Creates the extension; JUnit does this, not test code. */
  public RedisServerExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    // Start eagerly so a server that cannot start fails the class once, with the Redis log,
    // instead of failing every test with a parameter-resolution error.
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RedisServer.class || type == Jedis.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RedisServer server;
    try {
      server = server(context);
    } catch (ExtensionConfigurationException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
    if (parameter.getParameter().getType() == RedisServer.class) {
      return server;
    }
    // Keyed by the context's id because store lookups fall back to parent contexts: without it
    // a test would reuse the connection opened for a @BeforeAll method.
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("jedis:" + context.getUniqueId(), k -> server.client(), Jedis.class);
  }

  /**
   * Resolves constructor parameters in the test method's context so that, with the default
   * per-method lifecycle, a {@code Jedis} injected into the constructor is also per test.
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext root) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    findStartedServer(context).ifPresent(server -> printLogTail(context, server));
  }

  private static void printLogTail(ExtensionContext context, RedisServer server) {
    String test =
        context.getRequiredTestClass().getName()
            + context.getTestMethod().map(m -> "#" + m.getName()).orElse("")
            + " ["
            + context.getDisplayName()
            + "]";
    String state =
        server.isRunning() ? "running" : "NOT running, exit code " + server.exitCode().getAsInt();
    System.err.println(
        "===== "
            + test
            + " failed; last "
            + FAILURE_LOG_LINES
            + " lines of "
            + server.logFile()
            + " (server "
            + state
            + ") =====");
    System.err.println(server.logTail(FAILURE_LOG_LINES));
    System.err.println("===== end of redis log =====");
  }

  private static RedisServer server(ExtensionContext context) {
    Class<?> owner = owningClass(context.getRequiredTestClass());
    RedisServer started = context.getStore(NAMESPACE).get(owner, RedisServer.class);
    if (started != null) {
      return started;
    }
    // Not started by beforeAll yet: with @TestInstance(PER_CLASS) the instance, and so its
    // constructor parameters, come first.
    RedisServerTest spec =
        AnnotationSupport.findAnnotation(owner, RedisServerTest.class).orElseThrow();
    return contextOf(context, owner)
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(owner, k -> AnnotatedServers.start(spec, owner), RedisServer.class);
  }

  /** Never starts a server: a failure report must not have side effects. */
  private static Optional<RedisServer> findStartedServer(ExtensionContext context) {
    try {
      Class<?> owner = owningClass(context.getRequiredTestClass());
      // Look in the class's context: the failed test's own store may already be closed.
      ExtensionContext.Store store = contextOf(context, owner).getStore(NAMESPACE);
      return Optional.ofNullable(store.get(owner, RedisServer.class));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The class whose annotation configures the server: the test class itself, or for a
   * {@code @Nested} class without its own annotation, the nearest annotated enclosing class, whose
   * server it then shares.
   */
  private static Class<?> owningClass(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      if (AnnotationSupport.isAnnotated(c, RedisServerTest.class)) {
        return c;
      }
    }
    throw new ExtensionConfigurationException(
        "RedisServerExtension is registered for "
            + testClass.getName()
            + ", but neither it nor an enclosing class is annotated with @RedisServerTest;"
            + " annotate the class with @RedisServerTest instead of"
            + " @ExtendWith(RedisServerExtension.class)");
  }

  private static ExtensionContext contextOf(ExtensionContext context, Class<?> owner) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      boolean isClassContext = c.getTestMethod().isEmpty();
      if (isClassContext && c.getElement().filter(owner::equals).isPresent()) {
        return c;
      }
    }
    return context;
  }
}
