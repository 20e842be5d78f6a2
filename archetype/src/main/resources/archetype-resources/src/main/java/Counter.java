package ${package};

import io.jrm.annotations.DataType;

/**
 * The value of a key written by {@code ${moduleName}.count}: a running total, stored as a Redis
 * native type. It persists in RDB and AOF files and reaches replicas with the encoding JRM
 * generates from its fields, in declaration order (here one signed 64-bit integer).
 *
 * <p>A type name is exactly 9 characters and unique among the modules of a server. When the fields
 * change, raise {@code encver} and mark the new fields {@code @Since}, so that data saved before
 * still loads (JRM's docs/data-types.md).
 */
@DataType(name = "${dataTypeName}", encver = 0)
public final class Counter {
  /** The sum of every increment counted. */
  long total;
}
