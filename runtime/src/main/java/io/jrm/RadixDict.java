package io.jrm;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A sorted map from binary keys to Java objects, on a Redis module dictionary (a radix tree, {@link
 * NativeDict}): keys are ordered by their bytes, unsigned, and a shorter key before the longer ones
 * it starts. The tree stores a handle per key (0 for a null value); the objects stay in this map's
 * Java table, so the garbage collector sees them. Its methods are those of {@link
 * java.util.NavigableMap} that fit a map of {@code byte[]} keys, which have no {@code equals}: it
 * is not a {@link Map}.
 *
 * <pre>{@code
 * static RadixDict<byte[]> store;              // created in @OnLoad: RadixDict.create(ctx)
 * store.put(key.bytes(), value.bytes());
 * for (Map.Entry<byte[], byte[]> e : store.range(from, to, 10)) { ... }
 * }</pre>
 *
 * <p>It lives until {@link #close}, across commands. Not thread-safe: use it on Redis's main thread
 * or under the module lock.
 *
 * @param <V> the values' type
 */
public final class RadixDict<V extends @Nullable Object> implements AutoCloseable {
  private static final byte[] NO_KEY = new byte[0];

  private final NativeDict dict;
  private final Map<Long, V> values = new HashMap<>();
  private long lastHandle;

  private RadixDict(NativeDict dict) {
    this.dict = dict;
  }

  /**
   * A new empty map.
   *
   * @param ctx any active context (for the API only: the map outlives it)
   * @param <V> the values' type
   * @return the map, to close when done
   */
  public static <V extends @Nullable Object> RadixDict<V> create(Context ctx) {
    return new RadixDict<>(NativeDict.create(ctx));
  }

  /** {@return how many keys the map holds} */
  public long size() {
    return dict.size();
  }

  /** {@return whether the map holds no key} */
  public boolean isEmpty() {
    return size() == 0;
  }

  /**
   * Sets {@code key} to {@code value}, added or replaced.
   *
   * @param key the key's bytes (copied)
   * @param value the value, may be null
   * @return the value it replaced, or null
   */
  public @Nullable V put(byte[] key, V value) {
    long replaced = dict.get(key).orElse(0);
    dict.replace(key, handle(value));
    return replaced == 0 ? null : values.remove(replaced);
  }

  /**
   * Adds {@code key} with {@code value} unless it is there, as Redis's {@code DictSet}.
   *
   * @param key the key's bytes (copied)
   * @param value the value, may be null
   * @return true when added, false when the key was there (its value unchanged)
   */
  public boolean putIfAbsent(byte[] key, V value) {
    long handle = handle(value);
    if (dict.set(key, handle)) {
      return true;
    }
    values.remove(handle);
    return false;
  }

  /**
   * {@return the value at {@code key}, or null when absent (or null)}
   *
   * @param key the key's bytes
   */
  public @Nullable V get(byte[] key) {
    return value(dict.get(key).orElse(0));
  }

  /**
   * {@return whether the map holds {@code key}}
   *
   * @param key the key's bytes
   */
  public boolean containsKey(byte[] key) {
    return dict.get(key).isPresent();
  }

  /**
   * Removes {@code key}.
   *
   * @param key the key's bytes
   * @return the value it held, or null
   */
  public @Nullable V remove(byte[] key) {
    OptionalLong handle = dict.del(key);
    return handle.isPresent() ? values.remove(handle.getAsLong()) : null;
  }

  /** {@return the entry of the smallest key, or null when empty} */
  public Map.@Nullable Entry<byte[], V> firstEntry() {
    return entry(DictOperator.FIRST, NO_KEY);
  }

  /** {@return the entry of the greatest key, or null when empty} */
  public Map.@Nullable Entry<byte[], V> lastEntry() {
    return entry(DictOperator.LAST, NO_KEY);
  }

  /**
   * {@return the entry of the smallest key greater than or equal to {@code key}, or null}
   *
   * @param key the bound
   */
  public Map.@Nullable Entry<byte[], V> ceilingEntry(byte[] key) {
    return entry(DictOperator.GREATER_OR_EQUAL, key);
  }

  /**
   * {@return the entry of the smallest key greater than {@code key}, or null}
   *
   * @param key the bound
   */
  public Map.@Nullable Entry<byte[], V> higherEntry(byte[] key) {
    return entry(DictOperator.GREATER, key);
  }

  /**
   * {@return the entry of the greatest key smaller than or equal to {@code key}, or null}
   *
   * @param key the bound
   */
  public Map.@Nullable Entry<byte[], V> floorEntry(byte[] key) {
    return entry(DictOperator.LESS_OR_EQUAL, key);
  }

  /**
   * {@return the entry of the greatest key smaller than {@code key}, or null}
   *
   * @param key the bound
   */
  public Map.@Nullable Entry<byte[], V> lowerEntry(byte[] key) {
    return entry(DictOperator.LESS, key);
  }

  /**
   * {@return at most {@code limit} entries whose keys lie between {@code from} and {@code to}, both
   * included, in ascending order; none when {@code from} is greater than {@code to}}
   *
   * @param from the smallest key answered
   * @param to the greatest key answered
   * @param limit the most entries to answer
   */
  public List<Map.Entry<byte[], V>> range(byte[] from, byte[] to, long limit) {
    List<Map.Entry<byte[], V>> entries = new ArrayList<>();
    try (DictIterator it = dict.iteratorStart(DictOperator.GREATER_OR_EQUAL, from)) {
      while (entries.size() < limit) {
        byte[] key = it.next();
        if (key == null || !it.compare(DictOperator.LESS_OR_EQUAL, to)) {
          break;
        }
        entries.add(new SimpleImmutableEntry<>(key, value(it.value())));
      }
    }
    return entries;
  }

  /**
   * {@return the memory the tree's structure takes, in bytes, without keys and values ({@code
   * MallocSizeDict})}
   */
  public long mallocSize() {
    return dict.mallocSize();
  }

  /** Frees the tree and drops the values; closing it again does nothing. */
  @Override
  public void close() {
    dict.close();
    values.clear();
  }

  private Map.@Nullable Entry<byte[], V> entry(DictOperator op, byte[] key) {
    try (DictIterator it = dict.iteratorStart(op, key)) {
      byte[] found = it.next(); // the first step answers the key sought, whichever its direction
      return found == null ? null : new SimpleImmutableEntry<>(found, value(it.value()));
    }
  }

  private long handle(V value) {
    if (value == null) {
      return 0;
    }
    values.put(++lastHandle, value);
    return lastHandle;
  }

  private @Nullable V value(long handle) {
    return handle == 0 ? null : values.get(handle);
  }
}
