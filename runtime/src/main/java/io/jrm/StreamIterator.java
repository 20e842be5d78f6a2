package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * A walk over a range of a stream's entries, from {@link ReadKey#streamIteratorStart}: {@link
 * #nextId()} moves to the next entry, {@link #nextField()} reads its fields one by one, and {@link
 * #delete()} removes it. Or, as an {@link Iterable}, each entry whole with its fields. Close it
 * when done ({@code StreamIteratorStop}); closing the key closes it too.
 *
 * <pre>{@code
 * try (ReadKey key = ctx.readKey(argv[1]);
 *     StreamIterator entries = key.streamIteratorStart(null, null)) {
 *   for (StreamEntry entry : entries) {
 *     try (entry) {
 *       ctx.log(LogLevel.NOTICE, entry.id() + " has " + entry.fields().size() + " fields");
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>A key holds one stream iteration at a time, as in C: starting another on the same key, or
 * writing through the key ({@link WriteKey#streamAdd}, {@link WriteKey#streamTrimByLength}...),
 * ends this one, and then every method but {@link #close()} and {@link #isActive()} throws {@link
 * IllegalStateException}. Do not change the stream by other means (such as {@link Context#call})
 * while iterating.
 */
public final class StreamIterator implements AutoCloseable, Iterable<StreamEntry> {
  private final Key key;

  /** Where {@code StreamIteratorNextID} writes the id: pool memory, null for an empty walk. */
  private final @Nullable NativeBuffer id;

  /** The out-parameters of the C calls: one set per iteration, not per entry or field. */
  private final long[] fieldCount = new long[1];

  private final long[] field = new long[1];
  private final long[] value = new long[1];

  private boolean closed;

  private StreamIterator(Key key, @Nullable NativeBuffer id) {
    this.key = key;
    this.id = id;
  }

  /** A walk over nothing: the key is empty, or the range cannot hold an entry. */
  static StreamIterator empty(Key key) {
    return new StreamIterator(key, null);
  }

  /** A walk C has started on {@code key}, which the key now holds as its one. */
  static StreamIterator started(Key key) {
    return new StreamIterator(key, key.context().poolAlloc(StreamId.SIZE));
  }

  /**
   * {@return whether the walk can still be used: not closed, not ended by another walk or a write}
   */
  public boolean isActive() {
    return !closed && key.isOpen() && (id == null || key.activeStreamIterator() == this);
  }

  /**
   * Moves to the next entry of the range ({@code StreamIteratorNextID}), whose fields {@link
   * #nextField()} then reads.
   *
   * @return the entry's id, or null past the end of the range
   */
  public @Nullable StreamId nextId() {
    long pointer = pointer();
    if (id == null || api().streamIteratorNextID(pointer, id.address(), fieldCount) != Context.OK) {
      fieldCount[0] = 0;
      return null;
    }
    return StreamId.of(id.read(0, StreamId.SIZE));
  }

  /**
   * {@return how many fields the entry {@link #nextId()} moved to has (C's {@code numfields}); 0
   * before the first entry and past the last}
   */
  public long fieldCount() {
    pointer();
    return fieldCount[0];
  }

  /**
   * Reads the next field of the current entry and its value ({@code StreamIteratorNextField}). Both
   * are new strings: close the field unless auto memory is on.
   *
   * @return the field and its value, or null when the entry has no more (or there is no entry)
   */
  public @Nullable StreamField nextField() {
    long pointer = pointer();
    if (id == null || api().streamIteratorNextField(pointer, field, value) != Context.OK) {
      return null;
    }
    Context context = key.context();
    return new StreamField(
        new RedisString(context, field[0], true), new RedisString(context, value[0], true));
  }

  /**
   * Deletes the current entry from the stream ({@code StreamIteratorDelete}), the one {@link
   * #nextId()} moved to, also after some or all of its fields were read; the walk goes on from it.
   * With the {@link Iterable} form, that is the entry {@code next()} returned, until {@code
   * hasNext()} is asked again.
   *
   * @throws RedisException when the key is not open for writing
   * @throws NoSuchElementException when there is no current entry: none yet, past the end, or it
   *     was deleted already
   */
  public void delete() {
    long pointer = pointer();
    if (!key.mode().writes()) {
      throw new RedisException(Key.NOT_WRITABLE);
    }
    // With the key writable and the walk active, C refuses only for want of a current entry.
    if (id == null || api().streamIteratorDelete(pointer) != Context.OK) {
      throw new NoSuchElementException("the stream iterator has no current entry to delete");
    }
  }

  /**
   * Walks the rest of the range, each entry read whole: {@link #nextId()} and then every {@link
   * #nextField()}. The fields are new strings: close each entry unless auto memory is on.
   */
  @Override
  public Iterator<StreamEntry> iterator() {
    return new Iterator<>() {
      /** The entry the last hasNext() moved to, not taken yet: one move per entry, not two. */
      private @Nullable StreamId found;

      @Override
      public boolean hasNext() {
        if (found == null) {
          found = nextId();
        }
        return found != null;
      }

      @Override
      public StreamEntry next() {
        if (!hasNext()) {
          throw new NoSuchElementException("the end of the stream range was reached");
        }
        StreamId entry = found;
        found = null;
        List<StreamField> fields = new ArrayList<>((int) fieldCount());
        for (StreamField read = nextField(); read != null; read = nextField()) {
          fields.add(read);
        }
        return new StreamEntry(entry, fields);
      }
    };
  }

  /**
   * Ends the walk ({@code StreamIteratorStop}); closing twice, or a walk already ended by another,
   * a write or the key's close, does nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (id != null && key.isOpen() && key.activeStreamIterator() == this) {
      key.stopStreamIterator();
    }
  }

  private RedisModuleApi api() {
    return key.context().api();
  }

  /** The key's pointer, after checking the walk may still be used. */
  private long pointer() {
    long pointer = key.pointer(); // throws for a closed key or a finished command
    if (closed) {
      throw new IllegalStateException("this StreamIterator was closed");
    }
    if (id != null && key.activeStreamIterator() != this) {
      throw new IllegalStateException(
          "this StreamIterator was ended by a write through its key or by a newer one on it");
    }
    return pointer;
  }
}
