package io.jrm;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A reply of any kind Redis 7.0's module API can send, for a handler whose reply is not always of
 * one type: return {@code Reply} and choose the kind per call, like redismodule-rs's {@code
 * RedisValue}. Elements of {@link Array}, {@link Map} and {@link Set} may be any value a handler
 * may return (a {@code Reply}, {@code String}, {@code Long}, a {@code List}...); {@link
 * Replies#write(Context, Object)} says how each is sent.
 */
public sealed interface Reply
    permits SimpleString,
        Reply.Integer,
        Reply.Bulk,
        Reply.Error,
        Reply.Null,
        Reply.Array,
        Reply.Map,
        Reply.Set,
        Reply.Double,
        Reply.Bool,
        Reply.BigNumber,
        Reply.Verbatim {

  /** The null reply. */
  Reply NULL = new Null();

  /**
   * An integer reply ({@code ReplyWithLongLong}).
   *
   * @param value the integer
   */
  record Integer(long value) implements Reply {}

  /**
   * A bulk string reply ({@code ReplyWithStringBuffer}).
   *
   * @param bytes the string's bytes, sent as they are
   */
  record Bulk(byte[] bytes) implements Reply {
    /**
     * Checks that {@code bytes} is not null.
     *
     * @param bytes the string's bytes
     */
    public Bulk {
      Objects.requireNonNull(bytes, "bytes");
    }

    /**
     * A bulk string of the UTF-8 bytes of {@code text}.
     *
     * @param text the text, sent as UTF-8
     */
    public Bulk(String text) {
      this(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * An error reply ({@code ReplyWithError}); throwing {@link RedisException} does the same for the
   * whole reply.
   *
   * @param line the error, starting with its code, as in {@code ERR invalid count}
   */
  record Error(String line) implements Reply {
    /**
     * Checks that {@code line} is not null.
     *
     * @param line the error line
     */
    public Error {
      Objects.requireNonNull(line, "line");
    }
  }

  /** The null reply ({@code ReplyWithNull}); {@link Reply#NULL} is one. */
  record Null() implements Reply {}

  /**
   * An array reply ({@code ReplyWithArray}).
   *
   * @param elements the elements, each any value a handler may return
   */
  record Array(List<?> elements) implements Reply {
    /**
     * Checks that {@code elements} is not null.
     *
     * @param elements the elements
     */
    public Array {
      Objects.requireNonNull(elements, "elements");
    }
  }

  /**
   * A map reply ({@code ReplyWithMap}): a RESP3 map, which Redis sends to a RESP2 client as an
   * array of keys and values.
   *
   * @param entries the entries in their iteration order, keys and values any value a handler may
   *     return
   */
  record Map(java.util.Map<?, ?> entries) implements Reply {
    /**
     * Checks that {@code entries} is not null.
     *
     * @param entries the entries
     */
    public Map {
      Objects.requireNonNull(entries, "entries");
    }
  }

  /**
   * A set reply ({@code ReplyWithSet}): a RESP3 set, an array for a RESP2 client.
   *
   * @param elements the elements, each any value a handler may return
   */
  record Set(Collection<?> elements) implements Reply {
    /**
     * Checks that {@code elements} is not null.
     *
     * @param elements the elements
     */
    public Set {
      Objects.requireNonNull(elements, "elements");
    }
  }

  /**
   * A double reply ({@code ReplyWithDouble}): RESP3 double, a bulk string for a RESP2 client.
   *
   * @param value the number
   */
  record Double(double value) implements Reply {}

  /**
   * A boolean reply ({@code ReplyWithBool}): RESP3 boolean, the integer 1 or 0 for a RESP2 client.
   *
   * @param value the truth value
   */
  record Bool(boolean value) implements Reply {}

  /**
   * A big number reply ({@code ReplyWithBigNumber}): RESP3 big number, a bulk string for a RESP2
   * client.
   *
   * @param value the number
   */
  record BigNumber(BigInteger value) implements Reply {
    /**
     * Checks that {@code value} is not null.
     *
     * @param value the digits
     */
    public BigNumber {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A verbatim string reply ({@code ReplyWithVerbatimStringType}): RESP3 verbatim string, a bulk
   * string for a RESP2 client.
   *
   * @param format three ASCII characters saying what the text is, such as {@code txt} or {@code
   *     mkd}
   * @param text the text, sent as UTF-8
   */
  record Verbatim(String format, String text) implements Reply {
    /**
     * Checks that neither is null.
     *
     * @param format the three-letter format, as {@code txt}
     * @param text the text
     */
    public Verbatim {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(text, "text");
    }

    /**
     * A verbatim string of format {@code txt}.
     *
     * @param text the text
     */
    public Verbatim(String text) {
      this("txt", text);
    }
  }
}
