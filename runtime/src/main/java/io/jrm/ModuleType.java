package io.jrm;

/**
 * A data type registered with Redis ({@code RedisModuleType}), as {@code @DataType} declared it.
 */
public final class ModuleType {
  private final String name;
  private final int encver;
  private final long pointer;

  ModuleType(String name, int encver, long pointer) {
    this.name = name;
    this.encver = encver;
    this.pointer = pointer;
  }

  /** {@return the 9-character type name} */
  public String name() {
    return name;
  }

  /** {@return the encoding version the module writes} */
  public int encver() {
    return encver;
  }

  long pointer() {
    return pointer;
  }

  @Override
  public String toString() {
    return name + " (encver " + encver + ")";
  }
}
