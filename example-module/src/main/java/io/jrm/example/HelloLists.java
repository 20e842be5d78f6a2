package io.jrm.example;

import static io.jrm.Key.WRONGTYPE;

import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.KeyType;
import io.jrm.ListEnd;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.KeyName;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.Replicate;
import java.util.Arrays;

/**
 * The helloworld commands that work on lists through the low-level key API ({@link Key}) rather
 * than by calling commands. Part of the {@link HelloWorld} module.
 */
public final class HelloLists {
  private HelloLists() {}

  /**
   * HELLO.PUSH.NATIVE key value: RPUSH again, this time on the key itself: open it, push, read the
   * new length. Pushing onto a missing key creates the list. About as fast as RPUSH.
   */
  @RedisCommand(name = "hello.push.native", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static long pushNative(Context ctx, @KeyName RedisString keyName, RedisString value) {
    try (Key key = ctx.openKey(keyName, KeyMode.READ_WRITE)) {
      try {
        key.listPush(ListEnd.TAIL, value);
      } catch (RedisException wrongType) {
        // The C module ignores that ListPush failed and replies the length of whatever the key
        // holds (a string's length, a hash's size); the port answers the same.
      }
      return key.valueLength();
    }
  }

  /**
   * HELLO.LIST.SPLICE srclist dstlist count: moves {@code count} elements, one at a time, from the
   * tail of {@code srclist} to the head of {@code dstlist}, or as many as there are; replies with
   * what is left in {@code srclist}. Both keys must hold lists or nothing. With the same key twice
   * it rotates the list.
   *
   * <p>Everything is freed by hand here: the keys by try-with-resources, each popped element by its
   * close. Compare {@code hello.list.splice.auto}.
   */
  @RedisCommand(name = "hello.list.splice", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static long listSplice(
      Context ctx,
      @KeyName RedisString srcName,
      @KeyName RedisString dstName,
      RedisString countArg) {
    // One key opened twice would be two handles on one list, and the first could delete the list
    // under the second: open it once.
    boolean sameKey = Arrays.equals(srcName.bytes(), dstName.bytes());
    try (Key src = ctx.openKey(srcName, KeyMode.READ_WRITE);
        Key dst = sameKey ? src : ctx.openKey(dstName, KeyMode.READ_WRITE)) {
      if (!isListOrEmpty(src) || !isListOrEmpty(dst)) {
        throw new RedisException(WRONGTYPE);
      }
      long count = HelloWorld.parseNonNegative(countArg, "ERR invalid count");
      for (long moved = 0; moved < count; moved++) {
        try (RedisString element = src.listPop(ListEnd.TAIL)) {
          if (element == null) {
            break; // srclist is empty: it was deleted with its last element
          }
          dst.listPush(ListEnd.HEAD, element);
        }
      }
      return src.valueLength();
    }
  }

  /**
   * HELLO.LIST.SPLICE.AUTO srclist dstlist count: {@code hello.list.splice} with automatic memory
   * management: after {@link Context#autoMemory()}, Redis closes the keys and frees the popped
   * elements when the command returns, so nothing is closed by hand.
   */
  @RedisCommand(
      name = "hello.list.splice.auto",
      flags = "write deny-oom",
      replicate = Replicate.MANUAL)
  public static long listSpliceAuto(
      Context ctx,
      @KeyName RedisString srcName,
      @KeyName RedisString dstName,
      RedisString countArg) {
    ctx.autoMemory();
    boolean sameKey = Arrays.equals(srcName.bytes(), dstName.bytes());
    Key src = ctx.openKey(srcName, KeyMode.READ_WRITE);
    Key dst = sameKey ? src : ctx.openKey(dstName, KeyMode.READ_WRITE);
    if (!isListOrEmpty(src) || !isListOrEmpty(dst)) {
      throw new RedisException(WRONGTYPE);
    }
    long count = HelloWorld.parseNonNegative(countArg, "ERR invalid count");
    for (long moved = 0; moved < count; moved++) {
      RedisString element = src.listPop(ListEnd.TAIL);
      if (element == null) {
        break;
      }
      dst.listPush(ListEnd.HEAD, element);
    }
    return src.valueLength();
  }

  /**
   * HELLO.REPL2 list: adds 1 to every element of a list of numbers (an element that is not a number
   * counts as 0) and replies with the sum of the new values. It rotates the list once: it pops each
   * element from the tail and pushes the new value at the head, which leaves the order as it was.
   *
   * <p>Shows {@link Context#replicateVerbatim()}: replicas and the AOF receive the command exactly
   * as the client sent it, and run it themselves (rather than receiving each push and pop). Also
   * shows working with strings: parsing them as numbers and creating them from numbers.
   */
  @RedisCommand(name = "hello.repl2", flags = "write")
  public static long repl2(Context ctx, @KeyName RedisString keyName) {
    ctx.autoMemory(); // frees the key and every string below when the command returns
    Key key = ctx.openKey(keyName, KeyMode.READ_WRITE);
    if (key.type() != KeyType.LIST) {
      throw new RedisException(WRONGTYPE);
    }
    long sum = 0;
    for (long left = key.valueLength(); left > 0; left--) {
      RedisString element = key.listPop(ListEnd.TAIL);
      long value = toLongOrZero(element) + 1;
      sum += value;
      key.listPush(ListEnd.HEAD, ctx.createString(value));
    }
    ctx.replicateVerbatim();
    return sum;
  }

  private static boolean isListOrEmpty(Key key) {
    KeyType type = key.type();
    return type == KeyType.LIST || type == KeyType.EMPTY;
  }

  private static long toLongOrZero(RedisString str) {
    try {
      return str.toLongLong();
    } catch (RedisException notANumber) {
      return 0;
    }
  }
}
