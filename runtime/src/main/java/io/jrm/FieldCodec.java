package io.jrm;

/**
 * The RDB encoding of one field of a {@code @DataType} or {@code @Persistable} class, named by the
 * field's {@code @io.jrm.annotations.Codec}: the generated serializer calls it for that field
 * instead of encoding the field's type itself, so the type need not be one JRM persists.
 *
 * <p>The generated class creates one instance per field with the public no-argument constructor and
 * keeps it for good, so a codec should hold no state. {@link #save} is never given null: for a
 * {@code @Nullable} field JRM writes the null flag first and calls the codec only for a value.
 *
 * <p>For example, an {@code Instant} stored as epoch milliseconds:
 *
 * <pre>{@code
 * public final class EpochMillis implements FieldCodec<Instant> {
 *   public void save(Instant value, RdbOutput out) {
 *     out.saveSigned(value.toEpochMilli());
 *   }
 *
 *   public Instant load(RdbInput in, int encver) {
 *     return Instant.ofEpochMilli(in.loadSigned());
 *   }
 * }
 * }</pre>
 *
 * <p>A field then uses it as {@code @Codec(EpochMillis.class) Instant createdAt;}.
 *
 * @param <T> the type of the field, boxed if it is primitive
 */
public interface FieldCodec<T> {
  /**
   * Writes {@code value}, which is not null, to {@code out}.
   *
   * @param value the field's value, never null
   * @param out where to write it
   */
  void save(T value, RdbOutput out);

  /**
   * Reads back a value {@link #save} wrote.
   *
   * @param in where to read from
   * @param encver the encoding version of the data type being loaded, which may be older than the
   *     current one
   * @return the value
   */
  T load(RdbInput in, int encver);
}
