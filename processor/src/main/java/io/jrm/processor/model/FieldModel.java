package io.jrm.processor.model;

/**
 * A persisted field of a {@code @DataType} or {@code @Persistable} class.
 *
 * @param name the field's name
 * @param encoding how its value is written and read
 * @param nullable whether it is annotated {@code @Nullable}: then a presence flag comes first
 * @param since the first encver whose data holds the field ({@code @Since}), 0 if always there
 */
public record FieldModel(String name, ValueEncoding encoding, boolean nullable, int since) {}
