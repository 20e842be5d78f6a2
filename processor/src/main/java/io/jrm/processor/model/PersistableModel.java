package io.jrm.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * A validated {@code @Persistable} class.
 *
 * @param encoding how an instance is written and read
 */
public record PersistableModel(ClassEncoding encoding) {
  /** Name prefix of the generated serializer. */
  public static final String SERIALIZER_PREFIX = "JrmPersist_";

  /** The generated serializer: {@code JrmPersist_Bar} next to {@code Bar}. */
  public ClassName serializerClass() {
    return serializerOf(encoding.type());
  }

  /**
   * The serializer of {@code persistable}, generated in this compilation or in the one that
   * compiled it.
   */
  public static ClassName serializerOf(ClassName persistable) {
    return ClassEncoding.generatedName(persistable, SERIALIZER_PREFIX);
  }
}
