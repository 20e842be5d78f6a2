package io.jrm;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * Where this JVM's heap lies in the process's address space, so that the stub can keep it out of
 * forked children ({@code madvise(MADV_DONTFORK)} in its fork prepare handler). A child never runs
 * Java, so it never reads the heap; but a heap it shares costs the parent twice: {@code fork()}
 * copies the heap's page tables (the pause grows with the heap, not with Redis's data), and after
 * the fork every page the parent writes first takes a copy-on-write fault, which the GC and every
 * allocation do across the whole heap (13 µs per page on the machines JRM is measured on: a young
 * GC after a BGSAVE paused for 100-200 ms).
 *
 * <p>The JVM says where its heap is only in its diagnostic output: the bounds printed by {@code
 * GC.heap_info} (its generations, or G1's one reserved region, as {@code [0x..., 0x...)}), which is
 * what this reads, checked against {@code MaxHeapSize}. A collector that prints none (ZGC) gets no
 * range, and forks copy its heap as before. Reading it takes the platform MBean server, which costs
 * 0.1-0.5 s to create on a busy machine: {@link #findInBackground} does it on a thread of its own,
 * so that loading the module does not wait for it, and forks before it is done share the heap.
 */
final class HeapAddresses {
  private static final Pattern ADDRESS = Pattern.compile("0x([0-9a-fA-F]+)");

  private static final long[] UNKNOWN = {0, 0};

  /** The range once found: the JVM's heap does not move. */
  private static volatile long[] known = UNKNOWN;

  private HeapAddresses() {}

  /** The range found so far, {@code {0, 0}} before (or when there is none). */
  static long[] known() {
    return known;
  }

  /**
   * Finds the range on a daemon thread; {@code log} gets the reason when there is none, since the
   * forks then cost more.
   */
  static void findInBackground(Consumer<String> log) {
    Thread finder =
        new Thread(
            () -> {
              try {
                known = range();
                if (known[1] == 0) {
                  log.accept("the collector does not say where the Java heap is");
                }
              } catch (Throwable t) {
                log.accept(t.toString());
              }
            },
            "jrm-heap-addresses");
    finder.setDaemon(true);
    finder.start();
  }

  /**
   * The heap's reserved range {@code {start, end}}, or {@code {0, 0}} when the JVM does not say or
   * says something that is not a heap of {@code MaxHeapSize} bytes.
   */
  static long[] range() throws Exception {
    String heapInfo =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcHeapInfo",
                    new Object[] {null},
                    new String[] {String[].class.getName()});
    long maxHeap =
        Long.parseLong(
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("MaxHeapSize")
                .getValue());
    return range(heapInfo, maxHeap);
  }

  /** The range the heap bounds in {@code heapInfo} span, if it is one of {@code maxHeap} bytes. */
  static long[] range(String heapInfo, long maxHeap) {
    int metaspace = heapInfo.indexOf("Metaspace"); // JDK 17 prints it after the heap: not the heap
    Matcher address = ADDRESS.matcher(metaspace < 0 ? heapInfo : heapInfo.substring(0, metaspace));
    long start = Long.MAX_VALUE;
    long end = 0;
    while (address.find()) {
      long value = Long.parseUnsignedLong(address.group(1), 16);
      start = Math.min(start, value);
      end = Math.max(end, value);
    }
    long pageMask = 4096 - 1;
    boolean heapSized = end > start && end - start >= maxHeap / 2 && end - start <= 2 * maxHeap;
    return heapSized && (start & pageMask) == 0 && (end & pageMask) == 0
        ? new long[] {start, end}
        : UNKNOWN;
  }
}
