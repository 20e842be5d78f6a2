package io.jrm.conformance.defragtest;

import io.jrm.DefragContext;
import io.jrm.KeyOptContext;
import io.jrm.NativeBuffer;
import io.jrm.annotations.DataType;
import java.util.OptionalLong;

/**
 * The type {@code frag_type} of Redis's tests/modules/defragtest.c: {@code len} allocations of
 * {@code size} bytes from Redis's allocator, which its {@code defrag} moves, {@code maxstep} of
 * them per call at most (0: no limit), resuming from a cursor in a late defrag. The C type has no
 * RDB methods, so it cannot be saved at all; here the shape persists and a loaded value holds no
 * allocations. The allocations are freed when Redis frees the value ({@code free}, C's FragFree).
 */
@DataType(name = "frag_type", encver = 0)
public final class FragObject {
  long len;
  long maxstep;
  private transient NativeBuffer[] values = new NativeBuffer[0];

  /** For loading. */
  public FragObject() {}

  FragObject(NativeBuffer[] values, long maxstep) {
    this.values = values;
    this.len = values.length;
    this.maxstep = maxstep;
  }

  /**
   * The length: over active-defrag-max-scan-fields, Redis defrags the value late, with a cursor.
   */
  public long freeEffort(KeyOptContext keys) {
    return len;
  }

  /** Frees the allocations, on Redis's lazy-free thread when the effort is over 64. */
  public void free() {
    for (NativeBuffer value : values) {
      value.close();
    }
    values = new NativeBuffer[0];
  }

  /** C's FragDefrag: counts in {@link DefragStats}, stops after maxstep or when told to. */
  public boolean defrag(DefragContext ctx) {
    DefragStats stats = DefragStats.INSTANCE;
    if (ctx.dbId() == -1) {
      throw new IllegalStateException("a value's defrag without its database"); // C asserts
    }
    long i = 0;
    OptionalLong cursor = ctx.defragCursorGet();
    if (cursor.isPresent()) {
      i = cursor.getAsLong();
      if (i > 0) {
        stats.resumes++;
      }
      if (i != stats.lastSetCursor) {
        stats.wrongCursor++;
      }
    } else if (stats.lastSetCursor != 0) {
      stats.wrongCursor++;
    }
    stats.attempts++; // the object itself: JRM has moved its part of the value
    int steps = 0;
    for (; i < values.length; i++) {
      stats.attempts++;
      if (ctx.defragAlloc(values[(int) i])) {
        stats.defragged++;
      }
      if ((maxstep != 0 && ++steps > maxstep) || (i % 64 == 0 && ctx.defragShouldStop())) {
        ctx.defragCursorSet(i);
        stats.lastSetCursor = i;
        return true;
      }
    }
    stats.lastSetCursor = 0;
    return false;
  }
}
