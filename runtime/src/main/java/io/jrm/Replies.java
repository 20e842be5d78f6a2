package io.jrm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sends the value a handler returned as its reply: the code generated for a {@code @RedisCommand}
 * method that returns a value calls {@code Replies.write(ctx, Owner.method(ctx, argv))}, and the
 * Java compiler picks the overload of the method's declared return type. A void handler may call it
 * too, as its whole reply.
 *
 * <p>Each overload first checks that nothing was replied yet: a handler that returns its reply and
 * also replied through its {@link Context} (or blocked the client) gets its returned value refused,
 * as any second reply is, with a warning in the Redis log; the client keeps the first reply.
 */
public final class Replies {
  /**
   * The classes {@link #write(Context, Object)} sends as one value, alone or as an element (besides
   * {@link Reply}, arrays, collections and maps), space-separated. The annotation processor reads
   * this constant from the class path to check handlers' return types, so the list is written once,
   * here; {@code RepliesTest} checks that {@code value} has a case for each.
   */
  static final String SCALAR_TYPES =
      "java.lang.String java.lang.Long java.lang.Integer java.lang.Double java.lang.Boolean"
          + " io.jrm.SimpleString io.jrm.RedisString java.math.BigInteger io.jrm.CallReply"
          + " java.math.BigDecimal";

  private Replies() {}

  /**
   * An integer reply; {@code int} values come here too.
   *
   * @param ctx the context of the command
   * @param value the returned value
   */
  public static void write(Context ctx, long value) {
    unstarted(ctx).replyWithLongLong(value);
  }

  /**
   * A double: RESP3 double, a bulk string for a RESP2 client.
   *
   * @param ctx the context of the command
   * @param value the returned value
   */
  public static void write(Context ctx, double value) {
    unstarted(ctx).replyWithDouble(value);
  }

  /**
   * A boolean: RESP3 boolean, the integer 1 or 0 for a RESP2 client.
   *
   * @param ctx the context of the command
   * @param value the returned value
   */
  public static void write(Context ctx, boolean value) {
    unstarted(ctx).replyWithBool(value);
  }

  /**
   * A bulk string of the UTF-8 bytes of {@code value}, or the null reply.
   *
   * @param ctx the context of the command
   * @param value the returned value; null is the null reply
   */
  public static void write(Context ctx, @Nullable String value) {
    value(unstarted(ctx), value);
  }

  /**
   * A simple string, or the null reply.
   *
   * @param ctx the context of the command
   * @param value the returned value; null is the null reply
   */
  public static void write(Context ctx, @Nullable SimpleString value) {
    value(unstarted(ctx), value);
  }

  /**
   * A bulk string of {@code value}, or the null reply.
   *
   * @param ctx the context of the command
   * @param value the returned value; null is the null reply
   */
  public static void write(Context ctx, byte @Nullable [] value) {
    value(unstarted(ctx), value);
  }

  /**
   * A bulk string of {@code value}, or the null reply.
   *
   * @param ctx the context of the command
   * @param value the returned value; null is the null reply
   */
  public static void write(Context ctx, @Nullable RedisString value) {
    value(unstarted(ctx), value);
  }

  /**
   * Forwards {@code value} ({@code ReplyWithCallReply}) and frees it, even when it is refused; a
   * null is the null reply.
   *
   * @param ctx the context of the command
   * @param value the returned value; null is the null reply
   */
  public static void write(Context ctx, @Nullable CallReply value) {
    try {
      value(unstarted(ctx), value);
    } finally {
      if (value != null) {
        value.close();
      }
    }
  }

  /**
   * Any value a handler may return, its kind found at run time: null is the null reply; {@code
   * Long} and {@code Integer} an integer; {@code Double} a double; {@code Boolean} a boolean;
   * {@code String} (UTF-8), {@code byte[]} and {@link RedisString} a bulk string; {@link
   * SimpleString} a simple string; {@link BigInteger} a big number; {@link BigDecimal} a long
   * double; {@link CallReply} forwarded (not freed); a {@link Reply} as it says; a {@link List},
   * other non-{@link java.util.Set} {@link Collection}, object array or {@code long[]}, {@code
   * int[]}, {@code double[]}, {@code boolean[]} an array; a {@link java.util.Set} a set; a {@link
   * Map} a map; elements, keys and values recursively so.
   *
   * @param ctx the context of the command
   * @param value the returned value; null is the null reply
   * @throws IllegalArgumentException for a value of another type, or inside a collection an element
   *     of another type: the reply so far is then closed with an error element
   */
  public static void write(Context ctx, @Nullable Object value) {
    value(unstarted(ctx), value);
  }

  private static Context unstarted(Context ctx) {
    ctx.replyTracker().checkUnstarted();
    return ctx;
  }

  private static void value(Context ctx, Object value) {
    if (value == null) {
      ctx.replyWithNull();
    } else if (value instanceof String text) {
      ctx.replyWithString(text);
    } else if (value instanceof Long || value instanceof java.lang.Integer) {
      ctx.replyWithLongLong(((Number) value).longValue());
    } else if (value instanceof java.lang.Double number) {
      ctx.replyWithDouble(number);
    } else if (value instanceof Boolean bool) {
      ctx.replyWithBool(bool);
    } else if (value instanceof byte[] bytes) {
      ctx.replyWithStringBuffer(bytes);
    } else if (value instanceof RedisString string) {
      ctx.replyWithString(string);
    } else if (value instanceof SimpleString simple) {
      ctx.replyWithSimpleString(simple.text());
    } else if (value instanceof BigInteger number) {
      ctx.replyWithBigNumber(number.toString());
    } else if (value instanceof CallReply callReply) {
      ctx.replyWithCallReply(callReply);
    } else if (value instanceof BigDecimal number) {
      ctx.replyWithLongDouble(number);
    } else if (value instanceof Reply reply) {
      reply(ctx, reply);
    } else if (value instanceof java.util.Set<?> set) {
      ctx.replyWithSet(set.size());
      elements(ctx, set.iterator(), set.size());
    } else if (value instanceof Collection<?> collection) {
      ctx.replyWithArray(collection.size());
      elements(ctx, collection.iterator(), collection.size());
    } else if (value instanceof Map<?, ?> map) {
      entries(ctx, map);
    } else if (value instanceof Object[] array) {
      ctx.replyWithArray(array.length);
      elements(ctx, Arrays.asList(array).iterator(), array.length);
    } else {
      primitiveArray(ctx, value);
    }
  }

  private static void reply(Context ctx, Reply reply) {
    if (reply instanceof SimpleString simple) {
      ctx.replyWithSimpleString(simple.text());
    } else if (reply instanceof Reply.Integer integer) {
      ctx.replyWithLongLong(integer.value());
    } else if (reply instanceof Reply.Bulk bulk) {
      ctx.replyWithStringBuffer(bulk.bytes());
    } else if (reply instanceof Reply.Error error) {
      ctx.replyWithError(error.line());
    } else if (reply instanceof Reply.Null) {
      ctx.replyWithNull();
    } else if (reply instanceof Reply.Array array) {
      value(ctx, array.elements());
    } else if (reply instanceof Reply.Map map) {
      entries(ctx, map.entries());
    } else if (reply instanceof Reply.Set set) {
      ctx.replyWithSet(set.elements().size());
      elements(ctx, set.elements().iterator(), set.elements().size());
    } else if (reply instanceof Reply.Double number) {
      ctx.replyWithDouble(number.value());
    } else if (reply instanceof Reply.Bool bool) {
      ctx.replyWithBool(bool.value());
    } else if (reply instanceof Reply.BigNumber number) {
      ctx.replyWithBigNumber(number.value().toString());
    } else if (reply instanceof Reply.Verbatim verbatim) {
      ctx.replyWithVerbatimString(verbatim.format(), verbatim.text());
    }
  }

  private static void entries(Context ctx, Map<?, ?> map) {
    int size = map.size();
    ctx.replyWithMap(size);
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    for (int i = 0; i < size; i++) {
      Map.Entry<?, ?> entry = next(entries, size);
      value(ctx, entry.getKey());
      value(ctx, entry.getValue());
    }
  }

  /** Exactly {@code size} elements, the length already sent, whatever the collection does. */
  private static void elements(Context ctx, Iterator<?> elements, int size) {
    for (int i = 0; i < size; i++) {
      value(ctx, next(elements, size));
    }
  }

  private static <T> T next(Iterator<T> iterator, int size) {
    if (!iterator.hasNext()) {
      throw new IllegalStateException(
          "the collection had fewer elements than its size(), " + size + ", said");
    }
    return iterator.next();
  }

  private static void primitiveArray(Context ctx, Object value) {
    if (value instanceof long[] longs) {
      ctx.replyWithArray(longs.length);
      for (long element : longs) {
        ctx.replyWithLongLong(element);
      }
    } else if (value instanceof int[] ints) {
      ctx.replyWithArray(ints.length);
      for (int element : ints) {
        ctx.replyWithLongLong(element);
      }
    } else if (value instanceof double[] doubles) {
      ctx.replyWithArray(doubles.length);
      for (double element : doubles) {
        ctx.replyWithDouble(element);
      }
    } else if (value instanceof boolean[] bools) {
      ctx.replyWithArray(bools.length);
      for (boolean element : bools) {
        ctx.replyWithBool(element);
      }
    } else {
      throw new IllegalArgumentException(
          "cannot reply with a "
              + value.getClass().getName()
              + ": return a Reply, or a String, Long, Double, Boolean, List, Map... (see"
              + " io.jrm.Replies)");
    }
  }
}
