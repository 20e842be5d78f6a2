package io.jrm;

/**
 * Where in an RDB file a data type's module-wide state goes ({@code REDISMODULE_AUX_BEFORE_RDB},
 * {@code REDISMODULE_AUX_AFTER_RDB}), in bit order: constant {@code i} is bit {@code 1 << i}. A
 * {@code @DataType} class that declares {@code auxSave} and {@code auxLoad} gets them called with
 * the phase Redis is writing or reading (docs/data-types.md, "Module-wide state").
 */
public enum AuxPhase {
  /**
   * Before the keyspace: loaded before any value of the file, so values may use it as they load.
   */
  BEFORE_RDB,
  /** After the keyspace: loaded once every value of the file has loaded. */
  AFTER_RDB
}
