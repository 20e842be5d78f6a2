package io.jrm;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The reply of a command run with {@link Context#call} ({@code RedisModuleCallReply}).
 *
 * <p>Close the reply when done with it (try-with-resources), unless {@link Context#autoMemory()} is
 * on. Elements of an array reply belong to it: they need no closing and die with it.
 *
 * <p>A call answers in RESP2, as to a RESP2 client, unless it has flag {@code 3} ({@link
 * Context#callWithFlags}): then Redis answers in RESP3, and maps, sets, doubles, booleans, big
 * numbers, verbatim strings and attributes keep their {@link CallReplyType}, read with {@link
 * #mapElement}, {@link #setElement}, {@link #doubleValue}, {@link #bool}, {@link #bigNumber},
 * {@link #verbatim} and {@link #attribute}. Flag {@code 0} answers in the protocol of the client
 * that sent the command.
 */
public final class CallReply implements AutoCloseable {
  /** The length of a verbatim string's format, as {@code txt}. */
  private static final int VERBATIM_FORMAT_LENGTH = 3;

  private final Context context;

  /**
   * The reply this one is an element of, whose close frees both; null for that reply itself. Never
   * {@code this}: a field that may hold the new object or another would keep the JIT from
   * eliminating the element objects a loop over an array reply makes.
   */
  private final CallReply root;

  private long pointer;

  /** The context's call the reply belongs to ({@link Context#call()}). */
  private final int call;

  CallReply(Context context, long pointer, CallReply root) {
    this.context = context;
    this.call = context.call();
    this.pointer = pointer;
    this.root = root;
  }

  long pointer() {
    context.checkCall(call);
    if (root == null ? pointer == 0 : root.pointer == 0) {
      throw freed();
    }
    return pointer;
  }

  private static IllegalStateException freed() {
    return new IllegalStateException("this CallReply was freed");
  }

  /** {@return the reply's type} */
  public CallReplyType type() {
    return CallReplyType.of(context.api().callReplyType(pointer()));
  }

  /** {@return whether the command answered with an error} */
  public boolean isError() {
    return type() == CallReplyType.ERROR;
  }

  /**
   * {@return the number of elements of an array or set, of entries of a map or attribute, or the
   * length of a string or error}
   */
  public long length() {
    return context.api().callReplyLength(pointer());
  }

  /**
   * Element {@code index} of an array reply.
   *
   * @param index the element's position, from 0
   * @return the element, freed with this reply
   * @throws IndexOutOfBoundsException when there is no such element
   */
  public CallReply arrayElement(long index) {
    long element = context.api().callReplyArrayElement(pointer(), index);
    if (element == 0) {
      throw noElement(index);
    }
    return element(element);
  }

  /**
   * Element {@code index} of a RESP3 set reply ({@code CallReplySetElement}).
   *
   * @param index the element's position, from 0
   * @return the element, freed with this reply
   * @throws IndexOutOfBoundsException when there is no such element (or the reply is no set)
   */
  public CallReply setElement(long index) {
    long element = context.api().callReplySetElement(pointer(), index);
    if (element == 0) {
      throw noElement(index);
    }
    return element(element);
  }

  /**
   * Entry {@code index} of a RESP3 map reply ({@code CallReplyMapElement}); {@link #length()} is
   * the number of entries.
   *
   * @param index the entry's position, from 0
   * @return the key and the value, freed with this reply
   * @throws IndexOutOfBoundsException when there is no such entry (or the reply is no map)
   */
  public Map.Entry<CallReply, CallReply> mapElement(long index) {
    long[] key = new long[1];
    long[] value = new long[1];
    if (context.api().callReplyMapElement(pointer(), index, key, value) != Context.OK) {
      throw noElement(index);
    }
    return Map.entry(element(key[0]), element(value[0]));
  }

  /**
   * The RESP3 attribute Redis sent before this reply ({@code CallReplyAttribute}), read with {@link
   * #attributeElement} (or, on Redis 7.0, {@link #proto()}); only a call with flag {@code 3} gets
   * one.
   *
   * @return the attribute, freed with this reply, or null when there is none
   */
  public @Nullable CallReply attribute() {
    // Redis 7.0 parses a reply lazily, and CallReplyAttribute does not: CallReplyType does.
    context.api().callReplyType(pointer());
    long attribute = context.api().callReplyAttribute(pointer());
    return attribute == 0 ? null : element(attribute);
  }

  /**
   * Entry {@code index} of an attribute ({@code CallReplyAttributeElement}). Redis 7.0 refuses
   * every entry (its CallReplyAttributeElement checks for a map, which an attribute is not): there
   * read the attribute's {@link #proto()} instead.
   *
   * @param index the entry's position, from 0
   * @return the key and the value, freed with this reply
   * @throws IndexOutOfBoundsException when there is no such entry (or the reply is no attribute)
   * @throws UnsupportedOperationException when Redis refuses an entry that exists (Redis 7.0)
   */
  public Map.Entry<CallReply, CallReply> attributeElement(long index) {
    long[] key = new long[1];
    long[] value = new long[1];
    if (context.api().callReplyAttributeElement(pointer(), index, key, value) != Context.OK) {
      if (type() == CallReplyType.ATTRIBUTE && index >= 0 && index < length()) {
        throw new UnsupportedOperationException(
            "this Redis cannot read an attribute's entries (Redis 7.0 checks for a map):"
                + " read its proto() instead");
      }
      throw noElement(index);
    }
    return Map.entry(element(key[0]), element(value[0]));
  }

  /** A reply inside this one, freed with its root. */
  private CallReply element(long element) {
    return new CallReply(context, element, root == null ? this : root);
  }

  private IndexOutOfBoundsException noElement(long index) {
    return new IndexOutOfBoundsException(
        "no element " + index + " in a " + type() + " reply of length " + length());
  }

  /**
   * {@return the value of an integer reply}
   *
   * @throws RedisException with the error when the command failed
   * @throws IllegalStateException when the reply is of another type
   */
  public long integer() {
    long value = context.api().callReplyInteger(pointer());
    // Redis answers LLONG_MIN for any other type: only then is the type worth a second downcall.
    if (value == Long.MIN_VALUE) {
      expect(CallReplyType.INTEGER);
    }
    return value;
  }

  /**
   * {@return the value of a RESP3 double reply ({@code CallReplyDouble})}
   *
   * @throws RedisException with the error when the command failed
   * @throws IllegalStateException when the reply is of another type
   */
  public double doubleValue() {
    double value = context.api().callReplyDouble(pointer());
    // Redis answers LLONG_MIN for any other type: only then is the type worth a second downcall.
    if (value == (double) Long.MIN_VALUE) {
      expect(CallReplyType.DOUBLE);
    }
    return value;
  }

  /**
   * {@return the value of a RESP3 boolean reply ({@code CallReplyBool})}
   *
   * @throws RedisException with the error when the command failed
   * @throws IllegalStateException when the reply is of another type
   */
  public boolean bool() {
    int value = context.api().callReplyBool(pointer());
    if (value == java.lang.Integer.MIN_VALUE) { // what Redis answers for any other type
      expect(CallReplyType.BOOL);
    }
    return value != 0;
  }

  /**
   * {@return the value of a RESP3 big number reply ({@code CallReplyBigNumber})}
   *
   * @throws RedisException with the error when the command failed
   * @throws IllegalStateException when the reply is of another type
   */
  public BigInteger bigNumber() {
    long[] length = new long[1];
    byte[] digits =
        context.api().copyOut(context.api().callReplyBigNumber(pointer(), length), length);
    if (digits == null) {
      expect(CallReplyType.BIG_NUMBER);
    }
    return new BigInteger(new String(digits, StandardCharsets.US_ASCII));
  }

  /**
   * {@return the format and text of a RESP3 verbatim string reply ({@code CallReplyVerbatim})}
   *
   * @throws RedisException with the error when the command failed
   * @throws IllegalStateException when the reply is of another type
   */
  public Reply.Verbatim verbatim() {
    long[] length = new long[1];
    long[] format = new long[1];
    byte[] text =
        context.api().copyOut(context.api().callReplyVerbatim(pointer(), length, format), length);
    if (text == null) {
      expect(CallReplyType.VERBATIM_STRING);
    }
    // the format is its three characters inside the reply, not NUL-terminated
    byte[] type = context.api().backend().readBytes(format[0], VERBATIM_FORMAT_LENGTH);
    return new Reply.Verbatim(
        new String(type, StandardCharsets.US_ASCII), new String(text, StandardCharsets.UTF_8));
  }

  /**
   * The bytes of a string, error or other text reply; null for other types.
   *
   * @return the bytes, or null for a reply of another type
   */
  public byte @Nullable [] bytes() {
    long[] length = new long[1];
    return context.api().copyOut(context.api().callReplyStringPtr(pointer(), length), length);
  }

  /**
   * The text of a string or error reply, as UTF-8; null for other types.
   *
   * @return the text, or null for a reply of another type
   */
  public @Nullable String string() {
    byte[] bytes = bytes();
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  /** {@return the reply as the RESP protocol bytes Redis would send ({@code CallReplyProto})} */
  public byte[] proto() {
    long[] length = new long[1];
    return context.api().copyOut(context.api().callReplyProto(pointer(), length), length);
  }

  /**
   * A new {@link RedisString} with the reply's string or integer value; close it when done.
   *
   * @return a new string
   */
  public RedisString toRedisString() {
    long str = context.api().createStringFromCallReply(pointer());
    if (str == 0) {
      throw new IllegalStateException("a " + type() + " reply has no string value");
    }
    return new RedisString(context, str, true);
  }

  private void expect(CallReplyType expected) {
    CallReplyType actual = type();
    if (actual == CallReplyType.ERROR) {
      throw new RedisException(string());
    }
    if (actual != expected) {
      throw new IllegalStateException("the reply is " + actual + ", not " + expected);
    }
  }

  /** Frees the reply and its elements ({@code FreeCallReply}); an element's close does nothing. */
  @Override
  public void close() {
    // Trivial, as Key.close: JDK 17 compiles the close on the exception path of
    // try-with-resources, and one it cannot inline there makes the reply escape.
    free();
  }

  private void free() {
    if (root == null && pointer != 0) {
      context.api().freeCallReply(pointer());
      pointer = 0;
    }
  }
}
