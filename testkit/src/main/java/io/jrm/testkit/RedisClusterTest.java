package io.jrm.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against its own real Redis Cluster ({@link RedisCluster}), started
 * before the first test and stopped after the last one (even if tests fail). Test methods,
 * lifecycle methods and constructors can declare parameters of type {@link RedisCluster} (the
 * class's cluster, with its nodes and the resharding and failover helpers) and {@link
 * redis.clients.jedis.JedisCluster} (a fresh cluster client per test method, closed afterwards).
 * When a test fails, the tail of each node's log is printed to {@code System.err}.
 *
 * <pre>{@code
 * @RedisClusterTest(
 *     masters = 3,
 *     replicasPerMaster = 1,
 *     modules = @LoadModule(path = "target/mymodule.so"))
 * class MyModuleClusterIT {
 *   @Test
 *   void survivesAFailover(RedisCluster cluster, JedisCluster jedis) {
 *     jedis.set("key", "value");
 *     cluster.failover(cluster.masterOf(JedisClusterCRC16.getSlot("key")));
 *     assertEquals("value", jedis.get("key"));
 *   }
 * }
 * }</pre>
 *
 * <p>Tests of a class share its cluster: a test that reshards or fails over leaves the cluster so.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RedisClusterExtension.class)
public @interface RedisClusterTest {

  /**
   * @return how many masters share the 16384 slots; 3 by default
   */
  int masters() default 3;

  /**
   * @return how many replicas each master has; none by default
   */
  int replicasPerMaster() default 0;

  /**
   * @return modules every node loads, in order; none by default
   */
  LoadModule[] modules() default {};

  /**
   * Configuration directives of every node, as {@link RedisServerTest#config()}.
   *
   * @return configuration directives; none by default
   */
  String[] config() default {};
}
