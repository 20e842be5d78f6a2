package io.jrm.example;

import io.jrm.annotations.DataType;
import io.jrm.annotations.Since;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A top-K heavy-hitters counter, the value of the {@code HELLOTOPK.*} commands ({@link
 * TopKCommands}): it counts how often items are added and tells which are the most frequent.
 *
 * <p>Without a capacity (a key created by {@code HELLOTOPK.ADD}), it counts every item exactly.
 * With one ({@code HELLOTOPK.RESERVE key k}), it tracks at most {@code k} items with the
 * Space-Saving algorithm (Metwally, Agrawal and El Abbadi, 2005): a new item, when all {@code k}
 * slots are taken, replaces the item with the smallest count and inherits that count, which it
 * records as its {@link TopKCounter#error}. Every item added more than {@code total / k} times is
 * then guaranteed to be tracked, and each count is at most its error above the truth.
 *
 * <h2>How it persists</h2>
 *
 * <p>JRM generates the RDB encoding from the fields, in declaration order (see {@link DataType}):
 * the number of {@link #counters}, then for each its item ({@code SaveStringBuffer}, UTF-8) and the
 * fields of its {@link TopKCounter}; the number of {@link #ignored} items, then each item; then
 * {@link #capacity} and {@link #total} ({@code SaveSigned}). The same encoding goes into {@code
 * DUMP}, replication and, since the class has no {@code aofRewrite}, the rewritten AOF, as {@code
 * helloworld.jrm-restore} commands.
 *
 * <p>Encver 0 was an exact tally: items, their counts and the ignored items. Encver 1 added {@link
 * #capacity}, {@link #total} and {@link TopKCounter#error}, all marked {@link Since @Since(1)} so
 * that encver-0 data still loads: they keep their initial values (no capacity, errors of 0, right
 * for data where nothing was ever evicted), then {@link #upgrade} computes the total.
 *
 * <p>{@link #counters} and {@link #ignored} are declared {@code Map} and {@code Set}, which load as
 * a {@code LinkedHashMap} and a {@code LinkedHashSet}: the order in which items were first tracked
 * survives saving, loading and replication, so that ties between smallest counts evict the same
 * item on a master and its replicas. {@code DEBUG DIGEST} sorts them instead, so that equal content
 * digests equally whatever the order.
 */
@DataType(name = "hellotopk", encver = 1)
public final class TopK {
  /** The largest capacity {@code HELLOTOPK.RESERVE} accepts. */
  static final int MAX_CAPACITY = 100_000;

  /** The tracked items and their counters, in the order they were first tracked. */
  Map<String, TopKCounter> counters = new LinkedHashMap<>();

  /** Items {@code HELLOTOPK.ADD} leaves uncounted ({@code HELLOTOPK.IGNORE}). */
  Set<String> ignored = new LinkedHashSet<>();

  /** The most items tracked at once; 0 for no limit (exact counts). Added in encver 1. */
  @Since(1)
  int capacity;

  /**
   * The sum of every increment counted since the key was created or reset, those of evicted items
   * included. Added in encver 1; {@link #upgrade} computes it for older data.
   */
  @Since(1)
  long total;

  /** An exact counter, without capacity; JRM's loader also starts from here. */
  public TopK() {}

  /** A counter that tracks at most {@code capacity} items (0: no limit). */
  TopK(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Runs after loading data of an older encver, once every field of that encver is read. Encver 0
   * had no total: with nothing ever evicted, it is the sum of the counts.
   */
  public void upgrade(int fromEncver) {
    if (fromEncver < 1) {
      total = 0;
      for (TopKCounter counter : counters.values()) {
        total = Math.addExact(total, counter.count);
      }
    }
  }

  /**
   * Refuses a loaded value no sequence of commands could have built: RDB, {@code RESTORE} and
   * {@code helloworld.jrm-restore} take bytes that may be hand-made, and a capacity below the items
   * tracked or a negative count would break {@link #add}'s eviction and the guarantees above. (A
   * repeated item is refused before, by the generated loader.)
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public void validateLoaded() {
    if (capacity < 0 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity " + capacity + " out of range");
    }
    if (capacity > 0 && counters.size() > capacity) {
      throw new IllegalArgumentException(
          counters.size() + " items tracked, above the capacity " + capacity);
    }
    if (total < 0) {
      throw new IllegalArgumentException("negative total " + total);
    }
    for (Map.Entry<String, TopKCounter> entry : counters.entrySet()) {
      TopKCounter counter = entry.getValue();
      if (counter.count < 1 || counter.error < 0 || counter.error >= counter.count) {
        throw new IllegalArgumentException(
            "item "
                + entry.getKey()
                + " has count "
                + counter.count
                + " and error "
                + counter.error
                + "; a count is positive and above its error");
      }
      if (ignored.contains(entry.getKey())) {
        throw new IllegalArgumentException(
            "item " + entry.getKey() + " is both counted and ignored");
      }
    }
  }

  /**
   * Counts {@code increment} more occurrences of {@code item}, evicting the item with the smallest
   * count (the first tracked among equals) when a new item finds every slot taken.
   *
   * @return the item's new count, or 0 when the item is ignored (nothing changes then)
   * @throws ArithmeticException when the count or the total would pass {@link Long#MAX_VALUE};
   *     nothing changes then
   */
  long add(String item, long increment) {
    if (ignored.contains(item)) {
      return 0;
    }
    long newTotal = Math.addExact(total, increment);
    TopKCounter counter = counters.get(item);
    if (counter != null) {
      counter.count = Math.addExact(counter.count, increment);
    } else if (capacity <= 0 || counters.size() < capacity) {
      counter = new TopKCounter(increment, 0);
      counters.put(item, counter);
    } else {
      Map.Entry<String, TopKCounter> smallest = smallest();
      long inherited = smallest.getValue().count;
      counter = new TopKCounter(Math.addExact(inherited, increment), inherited);
      counters.remove(smallest.getKey());
      counters.put(item, counter);
    }
    total = newTotal;
    return counter.count;
  }

  /** The counter with the smallest count, the first tracked among equals. */
  private Map.Entry<String, TopKCounter> smallest() {
    Map.Entry<String, TopKCounter> smallest = null;
    for (Map.Entry<String, TopKCounter> entry : counters.entrySet()) {
      if (smallest == null || entry.getValue().count < smallest.getValue().count) {
        smallest = entry;
      }
    }
    return smallest;
  }

  /** The estimated count of {@code item}: 0 when it is not tracked. */
  long count(String item) {
    TopKCounter counter = counters.get(item);
    return counter == null ? 0 : counter.count;
  }

  /**
   * Stops counting {@code item}: drops its counter (the total keeps what it counted) and ignores it
   * from now on.
   *
   * @return whether it was not ignored already
   */
  boolean ignore(String item) {
    counters.remove(item);
    return ignored.add(item);
  }

  /**
   * Forgets every count and the total; the capacity and the ignored items stay.
   *
   * @return the number of counters dropped
   */
  int reset() {
    int dropped = counters.size();
    counters.clear();
    total = 0;
    return dropped;
  }

  /**
   * The tracked items, most frequent first, ties in item order: the same list whatever the order in
   * which the items came. A new list: the value itself is not changed, so this is safe on a value
   * read through a key opened for reading.
   */
  List<Map.Entry<String, TopKCounter>> ranking() {
    List<Map.Entry<String, TopKCounter>> ranking = new ArrayList<>(counters.entrySet());
    ranking.sort(
        Comparator.comparingLong((Map.Entry<String, TopKCounter> entry) -> entry.getValue().count)
            .reversed()
            .thenComparing(Map.Entry::getKey));
    return ranking;
  }
}
