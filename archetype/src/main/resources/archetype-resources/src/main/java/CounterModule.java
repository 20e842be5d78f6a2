package ${package};

import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;

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
  @RedisCommand(
      name = "${moduleName}.count",
      flags = "write deny-oom fast",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void count(Context ctx, RedisString[] argv) {
    if (argv.length < 2 || argv.length > 3) {
      ctx.wrongArity();
      return;
    }
    // Parsed before the key is touched, so that bad input changes nothing.
    long increment = argv.length == 3 ? argv[2].toLongLong() : 1;
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      Counter counter = key.value(Counter.class);
      if (counter == null) {
        counter = new Counter();
        key.setValue(counter);
      }
      counter.total = add(counter.total, increment);
      ctx.replyWithLongLong(counter.total);
    }
    // Replicas and the AOF run the command again, which gives the same total.
    ctx.replicateVerbatim();
  }

  private static long add(long total, long increment) {
    try {
      return Math.addExact(total, increment);
    } catch (ArithmeticException overflow) {
      throw new RedisException("ERR increment would overflow");
    }
  }
}
