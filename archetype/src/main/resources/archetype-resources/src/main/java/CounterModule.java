package ${package};

import io.jrm.Context;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.WriteKey;
import io.jrm.annotations.KeyName;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.Optional;

/**
 * The module {@code ${moduleName}}: {@code mvn package} builds it into {@code
 * target/${moduleName}.so} and {@code target/${moduleName}.jar}, which {@code redis-server
 * --loadmodule target/${moduleName}.so} loads.
 */
@RedisModule(name = "${moduleName}", version = 1)
public final class CounterModule {
  private CounterModule() {}

  /**
   * {@code ${moduleName}.count key [increment]}: adds increment (1 by default) to the {@link
   * Counter} in key, creating it, and replies with the new total.
   */
  @RedisCommand(name = "${moduleName}.count", flags = "write deny-oom fast")
  public static long count(Context ctx, @KeyName RedisString key, Optional<Long> increment) {
    // The arguments are parsed (and the count checked) by generated code before this runs, so
    // bad input changes nothing; @KeyName gives Redis the key's position.
    long total;
    try (WriteKey counterKey = ctx.writeKey(key)) {
      Counter counter = counterKey.value(Counter.class);
      if (counter == null) {
        counter = new Counter();
        counterKey.setValue(counter);
      }
      counter.total = add(counter.total, increment.orElse(1L));
      total = counter.total;
    }
    // A write command is propagated verbatim once it has replied without error (replicate's
    // default): replicas and the AOF run it again, which gives the same total.
    return total; // the reply
  }

  private static long add(long total, long increment) {
    try {
      return Math.addExact(total, increment);
    } catch (ArithmeticException overflow) {
      throw new RedisException("ERR increment would overflow");
    }
  }
}
