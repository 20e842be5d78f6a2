package io.jrm;

/**
 * One field of a stream entry and its value, as {@link StreamIterator#nextField()} reads them. Both
 * are new strings owned by the caller: close the field (or each string) when done, unless {@link
 * Context#autoMemory()} is on.
 *
 * @param field the field's name
 * @param value its value
 */
public record StreamField(RedisString field, RedisString value) implements AutoCloseable {
  /** Frees both strings. */
  @Override
  public void close() {
    field.close();
    value.close();
  }
}
