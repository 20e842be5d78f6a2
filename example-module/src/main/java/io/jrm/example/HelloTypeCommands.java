package io.jrm.example;

import io.jrm.Context;
import io.jrm.ReadKey;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.WriteKey;
import io.jrm.annotations.KeyName;
import io.jrm.annotations.RedisCommand;
import java.util.List;

/**
 * The commands of Redis 7.0's {@code src/modules/hellotype.c} over {@link HelloType}:
 * HELLOTYPE.INSERT, HELLOTYPE.RANGE and HELLOTYPE.LEN (HELLOTYPE.BRANGE waits for blocking on
 * keys).
 *
 * <p>The handlers take their arguments as typed parameters, the key marked {@link KeyName}, but
 * parse their numbers themselves: C checks the key's type before the numbers and has its own errors
 * for them, where a {@code long} parameter would be parsed first and reply {@code ERR value is not
 * an integer or out of range}.
 */
public final class HelloTypeCommands {
  private HelloTypeCommands() {}

  /** HELLOTYPE.INSERT key value: inserts value, creating the key; replies with the new length. */
  @RedisCommand(name = "hellotype.insert", flags = "write deny-oom")
  public static long insert(Context ctx, @KeyName RedisString keyName, RedisString element) {
    long length;
    try (WriteKey key = ctx.writeKey(keyName)) {
      HelloType value = key.value(HelloType.class);
      long parsed = parse(element, "ERR invalid value: must be a signed 64 bit integer");
      if (value == null) {
        value = new HelloType();
        key.setValue(value);
      }
      value.insert(parsed);
      length = value.values.size();
    }
    ctx.replicateVerbatim();
    return length;
  }

  /**
   * HELLOTYPE.RANGE key first count: up to count elements from the start. Like the C module, it
   * checks first but does not skip elements by it.
   */
  @RedisCommand(name = "hellotype.range", flags = "readonly")
  public static List<Long> range(
      Context ctx, @KeyName RedisString keyName, RedisString firstArg, RedisString countArg) {
    try (ReadKey key = ctx.readKey(keyName)) {
      HelloType value = key.value(HelloType.class);
      long first = parse(firstArg, "ERR invalid first or count parameters");
      long count = parse(countArg, "ERR invalid first or count parameters");
      if (first < 0 || count < 0) {
        throw new RedisException("ERR invalid first or count parameters");
      }
      if (value == null) {
        return List.of();
      }
      // A copy: the reply is sent after the key is closed.
      return List.copyOf(value.values.subList(0, (int) Math.min(count, value.values.size())));
    }
  }

  /** HELLOTYPE.LEN key: the number of elements, 0 for a missing key. */
  @RedisCommand(name = "hellotype.len", flags = "readonly")
  public static long len(Context ctx, @KeyName RedisString keyName) {
    try (ReadKey key = ctx.readKey(keyName)) {
      HelloType value = key.value(HelloType.class);
      return value == null ? 0 : value.values.size();
    }
  }

  private static long parse(RedisString arg, String error) {
    try {
      return arg.toLongLong();
    } catch (RedisException notANumber) {
      throw new RedisException(error);
    }
  }
}
