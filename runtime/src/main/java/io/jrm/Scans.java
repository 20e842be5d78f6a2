package io.jrm;

import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.RedisModuleApi;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of {@code Scan} or {@code ScanKey}. Redis allows little inside a scan callback (no
 * deletes, no writes to the scanned key), so Java never runs there: the stub's collectors copy what
 * the step yields into a native batch ({@code JrmScanBatch}), and Java reads it once the step has
 * returned, when the author's callback may do anything a command may.
 */
final class Scans {
  // Indexes of the stub's collectors in its callback functions (StubAbiTest checks them).
  static final int SCAN_CALLBACK = 17;
  static final int SCAN_KEY_CALLBACK = 18;

  // The layout of the stub's JrmScanBatch (StubAbiTest checks it): data, length, capacity.
  static final int BATCH_SIZE = 24;
  static final int BATCH_DATA = 0;
  static final int BATCH_LENGTH = 8;

  /** The length word of an entry that has no bytes at all (a set member's value). */
  private static final long ABSENT = -1;

  /** A step: Scan or ScanKey with the collector and the batch as privdata; nonzero while more. */
  interface Step {
    int run(long collector, long batch);
  }

  private Scans() {}

  /**
   * Runs one step and adds the entries it yielded to {@code entries} (null for an absent value).
   *
   * @return whether the scan has more steps
   */
  static boolean step(
      RedisModuleApi api, int collector, Step step, List<byte @Nullable []> entries) {
    NativeBackend memory = api.backend();
    long batch = api.calloc(1, BATCH_SIZE);
    try {
      boolean more = step.run(ModuleEntry.callbacks()[collector], batch) != 0;
      long data = memory.readWord(batch + BATCH_DATA);
      if (data != 0) {
        try {
          read(
              memory.readBytes(data, Math.toIntExact(memory.readWord(batch + BATCH_LENGTH))),
              entries);
        } finally {
          api.free(data);
        }
      }
      return more;
    } finally {
      api.free(batch);
    }
  }

  private static void read(byte[] bytes, List<byte @Nullable []> entries) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    while (buffer.hasRemaining()) {
      long length = buffer.getLong();
      if (length == ABSENT) {
        entries.add(null);
      } else {
        byte[] entry = new byte[Math.toIntExact(length)];
        buffer.get(entry);
        entries.add(entry);
      }
    }
  }
}
