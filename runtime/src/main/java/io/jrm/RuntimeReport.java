package io.jrm;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.ObjLongConsumer;

/**
 * The INFO section {@code <module>_jrm}: what the JVM and the data types cost the server. The
 * garbage collections so far and the time they took, per collector; the data type values alive, the
 * bytes of their serialized forms in native memory, the values waiting to be serialized at the next
 * fork; and the part of the last fork's pause spent in JRM's prepare handler. The heap itself is in
 * {@link HeapGuard}'s section.
 */
final class RuntimeReport {
  /** The INFO section, {@code <module>_jrm}, that {@link #report} fills. */
  static final String INFO_SECTION = "jrm";

  private final List<GarbageCollectorMXBean> collectors =
      ManagementFactory.getGarbageCollectorMXBeans();

  /** Per collector, its name as a field name ("G1 Young Generation": "g1_young_generation"). */
  private final String[] collectorFields = new String[collectors.size()];

  /** Nanoseconds the last fork's prepare handler spent in Java; -1 before the first fork. */
  private volatile long lastForkPrepareNanos = -1;

  /** Whether forked children get no Java heap (the stub's {@code find_java_heap} found it). */
  private volatile boolean heapKeptFromForks;

  RuntimeReport() {
    for (int i = 0; i < collectorFields.length; i++) {
      collectorFields[i] =
          collectors.get(i).getName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
  }

  /** Records whether the stub keeps the Java heap out of forked children. */
  void heapKeptFromForks(boolean kept) {
    heapKeptFromForks = kept;
  }

  /** Records the time the prepare handler of a fork spent in Java, in nanoseconds. */
  void forkPrepared(long nanos) {
    lastForkPrepareNanos = nanos;
  }

  /**
   * The fields of the section: {@code gc_<collector>_count} and {@code gc_<collector>_time_ms} for
   * each collector of the JVM, then {@code values}, {@code snapshot_bytes}, {@code
   * values_pending_serialization} (all 0 without data types), {@code last_fork_prepare_usec} (-1
   * before the first fork) and {@code heap_kept_from_forks} (1 when forked children get no Java
   * heap: the stub marks its range {@code MADV_DONTFORK}). Redis puts the module name in front of
   * each.
   *
   * @param dataTypes the module's data types, null when it has none
   */
  void report(DataTypes dataTypes, ObjLongConsumer<String> field) {
    for (int i = 0; i < collectorFields.length; i++) {
      GarbageCollectorMXBean collector = collectors.get(i);
      field.accept("gc_" + collectorFields[i] + "_count", collector.getCollectionCount());
      field.accept("gc_" + collectorFields[i] + "_time_ms", collector.getCollectionTime());
    }
    field.accept("values", dataTypes == null ? 0 : dataTypes.valueCount());
    field.accept("snapshot_bytes", dataTypes == null ? 0 : dataTypes.snapshotBytes());
    field.accept("values_pending_serialization", dataTypes == null ? 0 : dataTypes.pendingValues());
    long nanos = lastForkPrepareNanos;
    field.accept("last_fork_prepare_usec", nanos < 0 ? -1 : nanos / 1000);
    field.accept("heap_kept_from_forks", heapKeptFromForks ? 1 : 0);
  }
}
