package io.jrm.it;

import io.jrm.Context;
import io.jrm.NativeBuffer;
import io.jrm.RedisString;
import io.jrm.StreamId;
import io.jrm.annotations.RedisCommand;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Commands of the jrmtest module ({@code JRMTEST.SM.*}) for {@code StringMemoryIT}: stream id and
 * long double strings, held strings, allocations that may fail and the allocator's sizes.
 */
public final class StringMemoryCommands {
  /** The string JRMTEST.SM.HOLD keeps, held and retained; null before the first. */
  private static RedisString kept;

  private StringMemoryCommands() {}

  /** JRMTEST.SM.STREAMID text: [ms, seq, the id written back], both parts unsigned. */
  @RedisCommand(name = "jrmtest.sm.streamid", flags = "readonly")
  public static void streamId(Context ctx, RedisString text) {
    StreamId id = text.toStreamId();
    try (RedisString written = ctx.createString(id)) {
      ctx.replyWithArray(3);
      ctx.replyWithString(Long.toUnsignedString(id.ms()));
      ctx.replyWithString(Long.toUnsignedString(id.seq()));
      ctx.replyWithString(written);
    }
  }

  /** JRMTEST.SM.LONGDOUBLE number human: the number as a long double string, human 1 or 0. */
  @RedisCommand(name = "jrmtest.sm.longdouble", flags = "readonly")
  public static void longDouble(Context ctx, String number, long human) {
    try (RedisString written = ctx.createString(new BigDecimal(number), human != 0)) {
      ctx.replyWithString(written);
    }
  }

  /**
   * JRMTEST.SM.HOLD value: keeps value past the command (held, then retained), replacing the one
   * kept before; replies the memory the value takes, as MallocSizeString counts it.
   */
  @RedisCommand(name = "jrmtest.sm.hold", flags = "readonly")
  public static void hold(Context ctx, RedisString value) {
    RedisString held = value.hold().retain();
    if (kept != null) {
      kept.close();
    }
    kept = held;
    ctx.replyWithLongLong(held.mallocSize());
  }

  /** JRMTEST.SM.HELD: the value JRMTEST.SM.HOLD kept last, or null. */
  @RedisCommand(name = "jrmtest.sm.held", flags = "readonly")
  public static void held(Context ctx) {
    if (kept == null) {
      ctx.replyWithNull();
    } else {
      ctx.replyWithString(kept);
    }
  }

  /**
   * JRMTEST.SM.TRYALLOC size: [size, the allocator's size of it, its usable size] of a buffer
   * TryAlloc gave, or -1 when the allocator refused.
   */
  @RedisCommand(name = "jrmtest.sm.tryalloc", flags = "readonly")
  public static void tryAlloc(Context ctx, long size) {
    Optional<NativeBuffer> allocated = ctx.tryAlloc(size);
    if (allocated.isEmpty()) {
      ctx.replyWithLongLong(-1);
      return;
    }
    try (NativeBuffer buffer = allocated.get()) {
      ctx.replyWithArray(3);
      ctx.replyWithLongLong(buffer.size());
      ctx.replyWithLongLong(buffer.mallocSize());
      ctx.replyWithLongLong(buffer.mallocUsableSize());
    }
  }
}
