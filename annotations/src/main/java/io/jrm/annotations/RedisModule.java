package io.jrm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the class that names a Redis module. Exactly one class per compilation carries it.
 *
 * <p>The annotation processor turns the module class, and every {@link RedisCommand} method of the
 * compilation, into a registration class and a C stub; the JRM Maven plugin compiles the stub into
 * {@code target/<name>.so} and packages {@code target/<name>.jar}. Load the module with {@code
 * redis-server --loadmodule target/<name>.so} or {@code MODULE LOAD}.
 *
 * <pre>{@code
 * @RedisModule(name = "helloworld", version = 1)
 * public final class HelloWorld {
 *   @RedisCommand(name = "hello.simple", flags = "readonly")
 *   public static void simple(Context ctx, RedisString[] argv) {
 *     ctx.replyWithLongLong(ctx.selectedDb());
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RedisModule {
  /**
   * {@return the module name Redis knows the module by ({@code MODULE LIST}, log lines)} It also
   * names the built files: {@code <name>.so} and {@code <name>.jar}. Letters, digits, {@code -} and
   * {@code _}.
   */
  String name();

  /** {@return the module version reported by {@code MODULE LIST}} */
  int version() default 1;
}
