package io.jrm.example;

import io.jrm.Context;
import io.jrm.ReadKey;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.Replies;
import io.jrm.WriteKey;
import io.jrm.annotations.KeyName;
import io.jrm.annotations.RedisCommand;
import java.util.List;

/**
 * The commands of Redis 7.0's {@code src/modules/hellotype.c} over {@link HelloType}:
 * HELLOTYPE.INSERT, HELLOTYPE.RANGE, HELLOTYPE.LEN and HELLOTYPE.BRANGE, which blocks on its key.
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
    ctx.signalKeyAsReady(keyName); // serves the HELLOTYPE.BRANGE clients waiting for the key
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

  /**
   * HELLOTYPE.BRANGE key first count timeout: HELLOTYPE.RANGE, but on a missing key the client
   * waits until HELLOTYPE.INSERT creates it, then gets the range; {@code Request timedout} once
   * timeout milliseconds (0: none) pass first.
   */
  @RedisCommand(name = "hellotype.brange", flags = "readonly")
  public static void brange(
      Context ctx,
      @KeyName RedisString keyName,
      RedisString firstArg,
      RedisString countArg,
      RedisString timeoutArg) {
    boolean missing;
    try (ReadKey key = ctx.readKey(keyName)) {
      missing = key.value(HelloType.class) == null;
    }
    // Parsed before serving, so that a bad timeout fails at once, as in C.
    long timeout = parse(timeoutArg, "ERR invalid timeout parameter");
    if (!missing) {
      Replies.write(ctx, range(ctx, keyName, firstArg, countArg));
      return;
    }
    // The bytes, not argv's strings: those are reused once this command returns.
    byte[] first = firstArg.bytes();
    byte[] count = countArg.bytes();
    ctx.blockClientOnKeys(
        (reply, ready) -> {
          if (holdsHelloType(reply, ready)) {
            try (RedisString firstCopy = reply.createString(first);
                RedisString countCopy = reply.createString(count)) {
              Replies.write(reply, range(reply, ready, firstCopy, countCopy));
            }
          } // else the ready key is still missing, or of another type: the client waits on
        },
        (reply, data) -> reply.replyWithSimpleString("Request timedout"),
        timeout,
        keyName);
  }

  private static boolean holdsHelloType(Context ctx, RedisString keyName) {
    try (ReadKey key = ctx.readKey(keyName)) {
      return key.value(HelloType.class) != null;
    } catch (RedisException wrongType) {
      return false;
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
