package io.jrm;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The reply of a command run with {@link Context#call} ({@code RedisModuleCallReply}).
 *
 * <p>Close the reply when done with it (try-with-resources), unless {@link Context#autoMemory()} is
 * on. Elements of an array reply belong to it: they need no closing and die with it.
 */
public final class CallReply implements AutoCloseable {
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

  /** {@return the number of elements of an array, or the length of a string or error} */
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
    if (root == null && pointer != 0) {
      context.api().freeCallReply(pointer());
      pointer = 0;
    }
  }
}
