package io.jrm;

import java.util.Arrays;

/**
 * Follows the shape of the reply a command is writing, so that an exception thrown half-way through
 * an array still ends in a well-formed reply, and a reply after the whole reply is refused: one
 * extra or one missing element would desynchronize the client for every later command.
 */
final class ReplyTracker {
  /** Marks an array whose length comes later ({@code REDISMODULE_POSTPONED_LEN}). */
  private static final long POSTPONED = -1;

  /**
   * Per open array: elements still owed, or POSTPONED. Made by the first array reply (most commands
   * reply one value), then kept: the tracker of a reused Context serves call after call.
   */
  private long[] remaining;

  /** Per open array: elements written so far (what a postponed array's length becomes). */
  private long[] written;

  /**
   * Per open array: {@link #ARRAY}, {@link #MAP}, {@link #SET} or {@link #ATTRIBUTE}, how a
   * postponed one is closed.
   */
  private byte[] kinds;

  private static final byte ARRAY = 0;
  private static final byte MAP = 1;
  private static final byte SET = 2;

  /** A RESP3 attribute: its entries precede the value it annotates, and are not a value. */
  private static final byte ATTRIBUTE = 3;

  private int depth;
  private boolean complete;
  private boolean delegated;
  private boolean dropped;
  private boolean failed;

  /** The call has no client (a keyspace notification): every reply is refused. */
  private boolean noClient;

  /**
   * Thrown by a reply written after the whole reply: Redis would send it to the client as the
   * answer to its next command.
   */
  static final class ExtraReplyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ExtraReplyException() {
      super("the command has already replied: the extra reply was dropped (reply exactly once)");
    }
  }

  /** Starts following the reply of a new call. */
  void reset() {
    depth = 0;
    complete = false;
    delegated = false;
    dropped = false;
    failed = false;
    noClient = false;
  }

  /** Refuses every reply of this call: it has no client to send one to. */
  void refuseAll() {
    complete = true;
    noClient = true;
  }

  /**
   * Checks that a reply may be written now, before it is sent.
   *
   * @throws ExtraReplyException when the whole reply has been written
   */
  void checkOpen() {
    if (complete) {
      if (noClient) {
        throw new IllegalStateException("a keyspace notification has no client to reply to");
      }
      dropped = true;
      throw new ExtraReplyException();
    }
  }

  /** Records one value (a scalar, or an array header counting as its parent's element). */
  void value() {
    if (depth == 0) {
      complete = true;
      return;
    }
    written[depth - 1]++;
    if (remaining[depth - 1] != POSTPONED && --remaining[depth - 1] == 0) {
      close();
    }
  }

  /** Closes the innermost collection: a value of its parent, unless it is an attribute. */
  private void close() {
    depth--;
    if (kinds[depth] != ATTRIBUTE) {
      value();
    }
  }

  /** Records an error reply; as the whole reply it means the command failed. */
  void error() {
    failed |= depth == 0;
    value();
  }

  /** Whether the whole reply is an error: the command failed, so it is not replicated. */
  boolean failed() {
    return failed;
  }

  /** Whether a blocked client's callback replies, so the command has not finished yet. */
  boolean delegated() {
    return delegated;
  }

  /** Records an array header of {@code length} elements, or {@link #POSTPONED}. */
  void array(long length) {
    if (length == 0) {
      value();
      return;
    }
    if (remaining == null) {
      remaining = new long[8];
      written = new long[8];
      kinds = new byte[8];
    } else if (depth == remaining.length) {
      remaining = Arrays.copyOf(remaining, depth * 2);
      written = Arrays.copyOf(written, depth * 2);
      kinds = Arrays.copyOf(kinds, depth * 2);
    }
    remaining[depth] = length < 0 ? POSTPONED : length;
    written[depth] = 0;
    kinds[depth] = ARRAY;
    depth++;
  }

  /** Records a map header of {@code pairs} entries (two elements each), or {@link #POSTPONED}. */
  void map(long pairs) {
    collection(pairs < 0 ? POSTPONED : pairs * 2, MAP);
  }

  /** Records a set header of {@code length} elements, or {@link #POSTPONED}. */
  void set(long length) {
    collection(length, SET);
  }

  /**
   * Records an attribute header of {@code pairs} entries, or {@link #POSTPONED}: an attribute of no
   * entries is nothing, and a whole one is not a value (the value it annotates follows).
   */
  void attribute(long pairs) {
    if (pairs != 0) {
      collection(pairs < 0 ? POSTPONED : pairs * 2, ATTRIBUTE);
    }
  }

  private void collection(long elements, byte kind) {
    int before = depth;
    array(elements);
    if (depth > before) {
      kinds[before] = kind;
    }
  }

  /**
   * Checks that nothing was replied yet, before a handler's returned value is written: the value
   * would otherwise be a second reply, or an element of an array the handler started through its
   * context, or a reply of its own to a client a callback will answer.
   *
   * @throws ExtraReplyException when a reply was started or delegated
   */
  void checkUnstarted() {
    if (started() || delegated) {
      dropped = true;
      throw new ExtraReplyException();
    }
  }

  /** Records the length of the innermost postponed array being set. */
  void setLength() {
    if (depth > 0 && remaining[depth - 1] == POSTPONED) {
      close();
    }
  }

  /**
   * Records the length of the innermost postponed attribute being set; nothing when there is none
   * (a RESP2 client, to which Redis sent no attribute).
   */
  void setAttributeLength() {
    if (depth > 0 && kinds[depth - 1] == ATTRIBUTE) {
      setLength();
    }
  }

  /** Whether a reply was started: an error now can only be an element of it. */
  boolean started() {
    return complete || depth > 0;
  }

  /**
   * Records that a blocked client's callback will reply. The command may still reply itself, after
   * aborting the block.
   */
  void delegate() {
    delegated = true;
  }

  /** Whether the whole reply has been written, or left to a blocked client's callback. */
  boolean complete() {
    return complete || delegated;
  }

  /** Whether a reply after the whole reply was refused. */
  boolean dropped() {
    return dropped;
  }

  /**
   * Closes every open array, map, set and attribute after the caller wrote one element (the error):
   * fills known lengths with nulls and gives postponed ones the length they have (a map's odd
   * element, a key, gets a null value); an attribute left at the top annotates {@code error} again,
   * the whole reply a client that skips attributes reads.
   */
  void finish(Context context, String error) {
    while (depth > 0) {
      if (remaining[depth - 1] != POSTPONED) {
        context.replyWithNull();
      } else if (kinds[depth - 1] == MAP || kinds[depth - 1] == ATTRIBUTE) {
        if (written[depth - 1] % 2 != 0) {
          context.replyWithNull(); // the value of the key the error stands for
        }
        if (kinds[depth - 1] == MAP) {
          context.replySetMapLength(written[depth - 1] / 2);
        } else {
          context.replySetAttributeLength(written[depth - 1] / 2);
        }
      } else if (kinds[depth - 1] == SET) {
        context.replySetSetLength(written[depth - 1]);
      } else {
        context.replySetArrayLength(written[depth - 1]);
      }
    }
    if (!complete) {
      context.replyWithError(error);
    }
  }
}
