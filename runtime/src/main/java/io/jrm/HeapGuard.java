package io.jrm;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Refuses the commands flagged {@code deny-oom} while the Java heap is nearly full, the way Redis
 * refuses them above {@code maxmemory}: the JVM's live data after a GC above {@link #limit()} (a
 * percentage of what the heap's old generation can hold, {@value #DEFAULT_PERCENT} unless the
 * system property {@value #PERCENT_PROPERTY} says otherwise). Reads and deletes keep working, and
 * writes are accepted again once deleted keys have given the heap back. Without it, a heap that
 * fills up makes the GC run back to back, Redis stops answering, and then every allocation fails.
 *
 * <p>The limit is on the old generation, not on {@code -Xmx}: values live long, so they end up
 * there, and the heap runs out when it is full. Under the serial and parallel collectors it is two
 * thirds of the heap, so a limit on the whole heap would never be reached before an {@link
 * OutOfMemoryError}; under G1 and ZGC it is the whole heap. The old generation is the heap pool
 * that can grow the largest (the first of equals: ZGC lists its old generation first).
 *
 * <p>Between two GCs a check costs a load: what it compares with the limit, the old generation's
 * use after the last GC, changes only in a GC, so once a check has found the heap under the limit
 * the next ones answer the same until a GC has run, which a weak reference to an object made at
 * that check tells at once (the first GC after it clears it) and the GC's notification later.
 * Reading the heap's use takes two calls into the JVM, 55-65 ns a command on Temurin 25 and JDK 17.
 * The first check after a GC finds the heap under the limit when the heap, garbage included, is.
 * Above it, it reads the old generation in use after the last GC, which a GC notification records;
 * no GC runs per command. The JVM sends that notification later, from its service thread, so when a
 * GC has run whose notification has not arrived (a busy machine delays it by many commands, and a
 * fill that goes on meanwhile ran out of heap before the guard saw it), it reads the old
 * generation's usage now: under every collector that is at least its usage after that GC. Only when
 * values were freed since the last look does it run one GC, so that the space they gave back is
 * seen at once rather than at the next old-generation collection; and when the old generation grew
 * by a tenth since its last such GC, since the old generation after a young GC also holds the
 * garbage of values rewritten in place (an array a write replaced), which only a full or mixed
 * collection reclaims: without that GC a heap holding 1 MB of data refused writes as full
 * (HeapPressureIT).
 */
final class HeapGuard {
  /** The system property that sets the limit, in percent of {@code -Xmx}. */
  static final String PERCENT_PROPERTY = "jrm.heap-limit-percent";

  static final int DEFAULT_PERCENT = 80;

  /** The INFO section, {@code <module>_heap}, that {@link #report} fills. */
  static final String INFO_SECTION = "heap";

  private static final long MB = 1024 * 1024;

  /**
   * {@code -Xmx}: Runtime.maxMemory() would say less under the serial collector (one survivor space
   * is always empty), and the limit and messages are about what {@code jrm.xmx} set.
   */
  private final long max =
      Long.parseLong(
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
              .getVMOption("MaxHeapSize")
              .getValue());

  /** The heap pool long-lived data ends up in: its usage after GC is what the limit is about. */
  private final MemoryPoolMXBean oldGeneration = oldGeneration();

  /** What {@link #oldGeneration} can hold at most, in bytes. */
  private final long oldMax = oldGeneration.getUsage().getMax();

  /** The collectors whose notifications update {@link #usedAfterGc}. */
  private final GarbageCollectorMXBean[] collectors =
      ManagementFactory.getGarbageCollectorMXBeans().toArray(GarbageCollectorMXBean[]::new);

  /**
   * Per collector, the number of its GCs (the id of the last) whose notification has set {@link
   * #usedAfterGc}; only the notification thread writes it, after {@link #usedAfterGc}.
   */
  private final AtomicLongArray notified = new AtomicLongArray(collectors.length);

  private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final int percent;
  private final long limit;
  private final Consumer<String> log;
  private final NotificationListener listener = this::onNotification;
  private final String outOfMemoryLine =
      "OOM the Java heap (jrm.xmx, " + max / MB + " MB) ran out during this command";

  /** Heap in use after the most recent GC, recorded by the GC's notification. */
  private volatile long usedAfterGc;

  /**
   * Made by the last check that found the heap under the limit. The first GC after that check
   * clears its referent (an object that young is in every collection, and only this reference
   * reaches it), and that GC's notification replaces the reference, for a concurrent collector that
   * cleared the referent before the old generation's new use could be read. So while it holds its
   * referent no GC has run since, and the heap is still under the limit: live data reaches the old
   * generation only in a GC (but for G1's humongous arrays, half a region or larger, which the
   * guard sees at the next GC, as it sees promotion).
   */
  private volatile WeakReference<Object> underSinceLastGc = NO_CHECK_SINCE_LAST_GC;

  private static final WeakReference<Object> NO_CHECK_SINCE_LAST_GC = new WeakReference<>(null);

  /** Values were freed since the last forced GC: the heap may have room again. */
  private volatile boolean freed;

  /**
   * Over the limit, a GC measures the old generation again once it has grown by this fraction of
   * what it can hold since the last measure: so a full GC comes only after that much was promoted,
   * about as often as the collector's own would, and data close to the limit, which each young GC's
   * garbage takes over it, is refused rather than collected at every command.
   */
  private static final int CONFIRM_GROWTH_DIVISOR = 10;

  /** The old generation's use the last GC this guard ran measured; main thread only. */
  private long confirmed = Long.MIN_VALUE / 2;

  /** Whether the last check refused; only the main thread reads and writes it. */
  private boolean refusing;

  /** Commands refused since the server started; only the main thread writes it. */
  private long refused;

  private HeapGuard(int percent, Consumer<String> log) {
    this.percent = percent;
    this.limit = oldMax / 100 * percent;
    this.log = log;
  }

  /**
   * The guard of this JVM's heap, listening to its collectors; {@code log} gets a line when writes
   * start and stop being refused.
   */
  static HeapGuard install(Consumer<String> log) {
    HeapGuard guard = new HeapGuard(percent(), log);
    for (int i = 0; i < guard.collectors.length; i++) {
      // Counted as notified: no notification comes for the GCs before the listener.
      guard.notified.set(i, guard.collectors[i].getCollectionCount());
      if (guard.collectors[i] instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(guard.listener, null, i);
      }
    }
    return guard;
  }

  private static MemoryPoolMXBean oldGeneration() {
    MemoryPoolMXBean largest = null;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP
          && (largest == null || pool.getUsage().getMax() > largest.getUsage().getMax())) {
        largest = pool;
      }
    }
    if (largest == null || largest.getUsage().getMax() <= 0) {
      throw new IllegalStateException("the JVM reports no heap pool with a maximum size");
    }
    return largest;
  }

  /**
   * Stops listening to the collectors, as the module is unloaded: the JVM outlives the module, and
   * a listener would keep its class loader alive.
   */
  void uninstall() throws ListenerNotFoundException {
    for (GarbageCollectorMXBean collector : collectors) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.removeNotificationListener(listener);
      }
    }
  }

  private void onNotification(Notification notification, Object handback) {
    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      collected(
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()),
          (Integer) handback);
    }
  }

  private static int percent() {
    String value = System.getProperty(PERCENT_PROPERTY);
    if (value == null) {
      return DEFAULT_PERCENT;
    }
    try {
      int percent = Integer.parseInt(value.trim());
      if (percent >= 1 && percent <= 100) {
        return percent;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException(
        "-D" + PERCENT_PROPERTY + " takes a percentage from 1 to 100, got '" + value + "'");
  }

  /** Runs on the JVM's notification thread after each GC of {@code collectors[collector]}. */
  private void collected(GarbageCollectionNotificationInfo info, int collector) {
    MemoryUsage old = info.getGcInfo().getMemoryUsageAfterGc().get(oldGeneration.getName());
    if (old != null) {
      usedAfterGc = old.getUsed();
    }
    notified.accumulateAndGet(collector, info.getGcInfo().getId(), Math::max);
    underSinceLastGc = NO_CHECK_SINCE_LAST_GC;
  }

  /** Whether a GC has run whose notification has not arrived; allocates nothing. */
  private boolean notificationPending() {
    for (int i = 0; i < collectors.length; i++) {
      if (collectors[i].getCollectionCount() > notified.get(i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The old generation in use after the last GC: what its notification recorded or, while a GC's
   * notification is still on its way, the old generation's usage now (never less).
   */
  private long usedAfterLastGc() {
    if (notificationPending()) {
      usedAfterGc = oldGeneration.getUsage().getUsed();
    }
    return usedAfterGc;
  }

  /** The heap in use above which deny-oom commands are refused, in bytes. */
  long limit() {
    return limit;
  }

  /** A value was freed (DEL, overwrite, eviction, FLUSHALL): may run on a lazy-free thread. */
  void valueFreed() {
    freed = true;
  }

  /**
   * Throws the {@code -OOM} error reply when the heap is above the limit; called on the main thread
   * before each command flagged {@code deny-oom}. Like Redis with {@code maxmemory}, it never
   * refuses what it must obey: the master's replication stream and the AOF being loaded.
   */
  void check(Context caller) {
    if (underSinceLastGc.get() != null) {
      return; // no GC since a check found the heap under the limit: it still is
    }
    if (!full()) {
      underSinceLastGc = new WeakReference<>(new Object());
      if (refusing) {
        refusing = false;
        log.accept(
            "JRM: the Java heap is back under "
                + percent
                + "% of its old generation after GC: commands flagged deny-oom are accepted again");
      }
      return;
    }
    Set<ContextFlag> flags = caller.flags();
    if (flags.contains(ContextFlag.REPLICATED) || flags.contains(ContextFlag.LOADING)) {
      return;
    }
    if (!refusing) {
      refusing = true;
      log.accept(
          "JRM: the Java heap holds "
              + usedAfterGc / MB
              + " MB after GC, over "
              + ofOldGeneration()
              + ": commands flagged deny-oom get an OOM error until keys are deleted");
    }
    refused++;
    throw new RedisException(errorLine());
  }

  private boolean full() {
    if (percent == 100) {
      return false; // the guard is off: a full old generation is not over 100% of itself
    }
    Runtime runtime = Runtime.getRuntime();
    if (runtime.totalMemory() - runtime.freeMemory() < limit || usedAfterLastGc() < limit) {
      return false; // the whole heap now, or the old generation after the last GC: under the limit
    }
    if (freed || usedAfterGc - confirmed >= oldMax / CONFIRM_GROWTH_DIVISOR) {
      // Values were freed (count the room they gave back now), or the old generation grew by a
      // tenth of itself since a GC last measured it: after a young GC it also holds the garbage of
      // values rewritten in place until a full (or, under G1, mixed) collection.
      freed = false;
      System.gc();
      usedAfterGc = oldGeneration.getUsage().getUsed();
      confirmed = usedAfterGc;
    }
    return usedAfterGc >= limit;
  }

  /**
   * The fields of the INFO section, in bytes but for the last three: {@code heap_used} (now,
   * garbage included), {@code heap_used_after_gc} (the old generation), {@code heap_limit}, {@code
   * heap_old_gen_max} (what the old generation can hold), {@code heap_max} ({@code -Xmx}), {@code
   * heap_refusing} (1 while deny-oom commands are refused) and {@code heap_refused_commands}, then
   * {@code main_thread_allocated_bytes}: what the thread asking, Redis's main thread, has allocated
   * on the Java heap since it started, for measuring what a command allocates (sample it around
   * many calls). Redis puts the module name in front of each.
   */
  void report(ObjLongConsumer<String> field) {
    Runtime runtime = Runtime.getRuntime();
    field.accept("heap_used", runtime.totalMemory() - runtime.freeMemory());
    field.accept("heap_used_after_gc", usedAfterLastGc());
    field.accept("heap_limit", limit);
    field.accept("heap_old_gen_max", oldMax);
    field.accept("heap_max", max);
    field.accept("heap_refusing", refusing ? 1 : 0);
    field.accept("heap_refused_commands", refused);
    field.accept("main_thread_allocated_bytes", threads.getCurrentThreadAllocatedBytes());
  }

  /** The error reply of a refused command. */
  String errorLine() {
    return "OOM command not allowed when the Java heap after GC is over " + ofOldGeneration();
  }

  /** "80% of the 21 MB its old generation holds (jrm.xmx 32 MB)": the limit in words. */
  private String ofOldGeneration() {
    return percent
        + "% of the "
        + oldMax / MB
        + " MB its old generation holds (jrm.xmx "
        + max / MB
        + " MB)";
  }

  /**
   * The error reply of a command that ran out of heap ({@link OutOfMemoryError}): made once, as the
   * heap may run out again while making it.
   */
  String outOfMemoryLine() {
    return outOfMemoryLine;
  }
}
