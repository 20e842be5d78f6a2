package io.jrm.spi;

import io.jrm.RdbOutput;
import io.jrm.internal.types.SnapshotWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Orders unordered collections by the bytes of their serialized elements, so that digests of equal
 * content are equal whatever the insertion history. Used by generated code when {@link
 * RdbOutput#canonical()} is true.
 */
public final class Canonical {
  private Canonical() {}

  /**
   * The elements, ordered by their serialization with {@code writer}.
   *
   * @param <E> the element type
   * @param elements the elements
   * @param writer how one element is written to the RDB
   * @return the elements in the order of their written bytes
   */
  public static <E> List<E> sorted(Collection<E> elements, BiConsumer<RdbOutput, E> writer) {
    List<Keyed<E>> keyed = new ArrayList<>(elements.size());
    for (E element : elements) {
      keyed.add(new Keyed<>(serialize(writer, element), element));
    }
    keyed.sort(Comparator.comparing(Keyed::key, Arrays::compareUnsigned));
    List<E> ordered = new ArrayList<>(keyed.size());
    keyed.forEach(k -> ordered.add(k.element()));
    return ordered;
  }

  /**
   * The entries, ordered by the serialization of their keys with {@code keyWriter}.
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param map the map
   * @param keyWriter how one key is written to the RDB
   * @return the entries in the order of their keys' written bytes
   */
  public static <K, V> List<Map.Entry<K, V>> sortedEntries(
      Map<K, V> map, BiConsumer<RdbOutput, K> keyWriter) {
    return sorted(map.entrySet(), (out, entry) -> keyWriter.accept(out, entry.getKey()));
  }

  private static <E> byte[] serialize(BiConsumer<RdbOutput, E> writer, E element) {
    SnapshotWriter out = new SnapshotWriter(true);
    writer.accept(out, element);
    return out.toByteArray();
  }

  private record Keyed<E>(byte[] key, E element) {}
}
