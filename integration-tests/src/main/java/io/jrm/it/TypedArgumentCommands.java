package io.jrm.it;

import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.annotations.KeyName;
import io.jrm.annotations.RedisCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Commands with typed parameters: each replies what its handler received, so the tests see the
 * generated parsing, arity checks and key positions through a client.
 */
public final class TypedArgumentCommands {
  /** A keyword argument. */
  public enum Mode {
    /** Matched as {@code add}, {@code ADD}, {@code Add}... */
    ADD,
    /** Matched as {@code remove} in any case. */
    REMOVE
  }

  private TypedArgumentCommands() {}

  /** JRMTEST.TYPED.SCALARS raw text bytes long int double boolean mode: each as text. */
  @RedisCommand(name = "jrmtest.typed.scalars", flags = "readonly fast")
  public static void scalars(
      Context ctx,
      RedisString raw,
      String text,
      byte[] bytes,
      long l,
      int i,
      double d,
      boolean b,
      Mode mode) {
    reply(
        ctx,
        raw.toString(),
        text,
        new String(bytes, StandardCharsets.UTF_8),
        Long.toString(l),
        Integer.toString(i),
        Double.toString(d),
        Boolean.toString(b),
        mode.name());
  }

  /** JRMTEST.TYPED.BYTES value: the bytes as given, to show byte[] is binary safe. */
  /** Replies its integer: parsing a typed parameter allocates nothing (UpcallIsolationIT). */
  @RedisCommand(name = "jrmtest.typed.echolong", flags = "readonly fast")
  public static long echoLong(Context ctx, long value) {
    return value;
  }

  @RedisCommand(name = "jrmtest.typed.bytes", flags = "readonly fast")
  public static void bytes(Context ctx, byte[] value) {
    ctx.replyWithStringBuffer(value);
  }

  /** JRMTEST.TYPED.OPTIONAL [count [mode]]: the count or "absent", the mode or "null". */
  @RedisCommand(name = "jrmtest.typed.optional", flags = "readonly fast")
  public static void optional(Context ctx, Optional<Long> count, @Nullable Mode mode) {
    reply(ctx, count.map(String::valueOf).orElse("absent"), mode == null ? "null" : mode.name());
  }

  /** JRMTEST.TYPED.REST first [value ...]: first, then how many values and each value. */
  @RedisCommand(name = "jrmtest.typed.rest", flags = "readonly fast")
  public static void rest(Context ctx, RedisString first, RedisString... values) {
    replyWithRest(ctx, first, List.of(values));
  }

  /** JRMTEST.TYPED.RESTLIST first [value ...]: as JRMTEST.TYPED.REST, from a List parameter. */
  @RedisCommand(name = "jrmtest.typed.restlist", flags = "readonly fast")
  public static void restList(Context ctx, RedisString first, List<RedisString> values) {
    replyWithRest(ctx, first, values);
  }

  /** JRMTEST.TYPED.PAIRS k1 v1 k2 v2: keys at 1 and 3 (step 2) for COMMAND GETKEYS. */
  @RedisCommand(name = "jrmtest.typed.pairs", flags = "readonly")
  public static void pairs(
      Context ctx,
      @KeyName RedisString k1,
      RedisString v1,
      @KeyName RedisString k2,
      RedisString v2) {
    ctx.replyWithSimpleString("OK");
  }

  /** JRMTEST.TYPED.KEYS count key [key ...]: every argument after the count is a key. */
  @RedisCommand(name = "jrmtest.typed.keys", flags = "readonly")
  public static void keys(
      Context ctx, long count, @KeyName RedisString first, @KeyName List<RedisString> more) {
    ctx.replyWithLongLong(1 + more.size());
  }

  /**
   * JRMTEST.TYPED.GETKEYS key count mode: a typed handler with the {@code getkeys-api} flag; its
   * key positions are answered without converting count and mode. Replies with the count.
   */
  @RedisCommand(name = "jrmtest.typed.getkeys", flags = "readonly getkeys-api")
  public static long getKeys(Context ctx, @KeyName RedisString key, long count, Mode mode) {
    return count;
  }

  /**
   * JRMTEST.TYPED.SCALE factor [value ...]: each value times the factor, as a returned list: typed
   * parameters and a returned reply together.
   */
  @RedisCommand(name = "jrmtest.typed.scale", flags = "readonly fast")
  public static List<Double> scale(Context ctx, double factor, List<RedisString> values) {
    return values.stream().map(v -> factor * v.toDouble()).toList();
  }

  private static void replyWithRest(Context ctx, RedisString first, List<RedisString> values) {
    ctx.replyWithArray(2 + values.size());
    ctx.replyWithString(first);
    ctx.replyWithLongLong(values.size());
    for (RedisString value : values) {
      ctx.replyWithString(value);
    }
  }

  private static void reply(Context ctx, String... texts) {
    ctx.replyWithArray(texts.length);
    for (String text : texts) {
      ctx.replyWithString(text);
    }
  }
}
