package io.jrm.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;
import redis.clients.jedis.JedisCluster;

/**
 * JUnit 5 extension behind {@link RedisClusterTest}: starts one {@link RedisCluster} per annotated
 * test class, injects it and per-test {@link JedisCluster} clients, and prints the nodes' logs when
 * a test fails. Use it through {@code @RedisClusterTest}, which carries the cluster's shape.
 *
 * <p>The cluster and the clients live in JUnit's {@link ExtensionContext.Store}, which closes them
 * when their class or test finishes, whether it passed or not.
 */
public class RedisClusterExtension implements BeforeAllCallback, ParameterResolver, TestWatcher {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RedisClusterExtension.class);
  private static final int FAILURE_LOG_LINES = 20;

  /** Creates the extension; JUnit does this, not test code. */
  public RedisClusterExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster(context); // eagerly, so that a cluster that cannot start fails the class once
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RedisCluster.class || type == JedisCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RedisCluster cluster;
    try {
      cluster = cluster(context);
    } catch (ExtensionConfigurationException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
    if (parameter.getParameter().getType() == RedisCluster.class) {
      return cluster;
    }
    // Keyed by the context's id, as RedisServerExtension's Jedis: one client per test.
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            "jedis-cluster:" + context.getUniqueId(), k -> cluster.client(), JedisCluster.class);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    RedisCluster cluster =
        classStore(context).get(context.getRequiredTestClass(), RedisCluster.class);
    if (cluster == null) {
      return;
    }
    for (RedisServer node : cluster.nodes()) {
      System.err.println(
          "===== last " + FAILURE_LOG_LINES + " lines of " + node.logFile() + " =====");
      System.err.println(node.logTail(FAILURE_LOG_LINES));
    }
    System.err.println("===== end of the cluster's logs =====");
  }

  private static RedisCluster cluster(ExtensionContext context) {
    Class<?> owner = context.getRequiredTestClass();
    RedisClusterTest spec =
        AnnotationSupport.findAnnotation(owner, RedisClusterTest.class)
            .orElseThrow(
                () ->
                    new ExtensionConfigurationException(
                        owner.getName() + " is not annotated with @RedisClusterTest"));
    return classStore(context)
        .getOrComputeIfAbsent(owner, k -> AnnotatedServers.start(spec, owner), RedisCluster.class);
  }

  /** The store of the test class's own context, which lives as long as the class's tests. */
  private static ExtensionContext.Store classStore(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c.getStore(NAMESPACE);
  }
}
