package io.jrm;

import java.util.List;

/**
 * One entry of a stream, its id and all its fields in order, as a {@link StreamIterator}'s {@link
 * StreamIterator#iterator() iterator} reads it. The fields' strings are owned by the caller: close
 * the entry when done, unless {@link Context#autoMemory()} is on.
 *
 * @param id the entry's id
 * @param fields its fields and values, in the order they were added
 */
public record StreamEntry(StreamId id, List<StreamField> fields) implements AutoCloseable {
  /**
   * The entry, with an unmodifiable copy of {@code fields}.
   *
   * @param id the entry's id
   * @param fields its fields and values, in the order they were added
   */
  public StreamEntry {
    fields = List.copyOf(fields);
  }

  /** Frees the strings of every field. */
  @Override
  public void close() {
    for (StreamField field : fields) {
      field.close();
    }
  }
}
