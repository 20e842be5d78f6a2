package io.jrm.it;

import io.jrm.KeyOptContext;
import io.jrm.RdbInput;
import io.jrm.RdbOutput;
import io.jrm.RedisString;
import io.jrm.annotations.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * A data type with the methods of the version-4 method struct (docs/data-types.md, "Copy, free
 * effort, unlink"): its copy records the keys it was copied between and refuses the text "nocopy",
 * its free effort is set per value, unlink records the key that left, and its memory usage is its
 * own count, 1000 bytes per character of text. Loading records the key and database the load was
 * for, and free records the text of each value Redis freed and whether that ran on the thread of
 * the commands.
 */
@DataType(name = "jrmtest-t", encver = 0)
public final class TrackedValue {
  /** The key and database (db:key) of the last unlink, for JRMTEST.TRACKED.LASTUNLINK. */
  static volatile String lastUnlinked = "";

  /**
   * Per value Redis freed, in order: its text, then {@code @main} when the free ran on the thread
   * that made the value, else {@code @other} (Redis's lazy-free thread), for JRMTEST.TRACKED.FREED.
   */
  static final Queue<String> freed = new ConcurrentLinkedQueue<>();

  /** The thread that created the value: the commands' thread. */
  private final transient Thread madeOn = Thread.currentThread();

  String text = "";
  long effort = 1;

  /** Where the value was loaded for (db:key, from RdbInput), empty when made by a command. */
  transient String loadedFor = "";

  public TrackedValue() {}

  public void rdbSave(RdbOutput out) {
    out.saveStringBuffer(text.getBytes(StandardCharsets.UTF_8));
    out.saveSigned(effort);
  }

  public static TrackedValue rdbLoad(RdbInput in, int encver) {
    TrackedValue value = new TrackedValue();
    value.text = new String(in.loadStringBuffer(), StandardCharsets.UTF_8);
    value.effort = in.loadSigned();
    RedisString key = in.keyName();
    value.loadedFor = key == null ? "" : in.dbId() + ":" + key;
    return value;
  }

  public @Nullable TrackedValue copy(KeyOptContext keys) {
    if (text.equals("nocopy")) {
      return null;
    }
    TrackedValue copy = new TrackedValue();
    copy.text =
        text
            + " copied "
            + keys.dbId()
            + ":"
            + keys.keyName()
            + " to "
            + keys.toDbId()
            + ":"
            + keys.toKeyName();
    copy.effort = effort;
    return copy;
  }

  public long freeEffort(KeyOptContext keys) {
    return effort;
  }

  public void unlink(KeyOptContext keys) {
    lastUnlinked = keys.dbId() + ":" + keys.keyName();
  }

  public long memUsage() {
    return 1000L * text.length();
  }

  public void free() {
    freed.add(text + (Thread.currentThread() == madeOn ? "@main" : "@other"));
  }
}
