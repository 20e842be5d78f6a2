package io.jrm.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against its own real {@code redis-server}, started before the first
 * test and stopped after the last one (even if tests fail). Test methods, lifecycle methods and
 * constructors can declare parameters of type {@link RedisServer} (the class's server) and {@link
 * redis.clients.jedis.Jedis} (a fresh connection per test method, closed afterwards). When a test
 * fails, the tail of the server's log is printed to {@code System.err}.
 *
 * <pre>{@code
 * @RedisServerTest(
 *     modules = @LoadModule(path = "target/helloworld.so"),
 *     config = {"maxmemory 10mb"})
 * class HelloWorldIT {
 *   @Test
 *   void hello(Jedis jedis) {
 *     assertEquals("hello", jedis.sendCommand(() -> SafeEncoder.encode("HELLO.WORLD")));
 *   }
 * }
 * }</pre>
 *
 * <p>{@link org.junit.jupiter.api.Nested @Nested} classes share their enclosing class's server.
 * Keys written by one test are visible to the next; call {@code jedis.flushAll()} in a
 * {@code @BeforeEach} if tests must not see each other's data.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RedisServerExtension.class)
public @interface RedisServerTest {

  /**
   * @return modules to load, in order; none by default
   */
  LoadModule[] modules() default {};

  /**
   * Configuration directives, each {@code "name value..."} separated by whitespace, e.g. {@code
   * "maxmemory 10mb"} or {@code "save 60 1"}. A value written as {@code ""} is passed as an empty
   * string.
   *
   * @return configuration directives; none by default
   */
  String[] config() default {};
}
