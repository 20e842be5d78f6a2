package io.jrm.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one persisted value is written to and read from RDB: a field, or an element, key or value of
 * a collection. The validator resolves each persisted field's type to one of these, so that the
 * generators never look at javax.lang.model types.
 */
public sealed interface ValueEncoding {
  /** The Java type of the value, as generated code declares it. */
  TypeName type();

  /** Whether the value is a reference that may be null, so that saving it checks first. */
  default boolean isReference() {
    return !type().isPrimitive();
  }

  /** The primitive kinds, with the RDB call each is saved with. */
  enum ScalarKind {
    /** {@code SaveSigned}, loaded with a range check. */
    BYTE(TypeName.BYTE),
    /** {@code SaveSigned}, loaded with a range check. */
    SHORT(TypeName.SHORT),
    /** {@code SaveSigned}, loaded with a range check. */
    INT(TypeName.INT),
    /** {@code SaveSigned}. */
    LONG(TypeName.LONG),
    /** {@code SaveUnsigned} of 0 or 1; anything else loads as corrupt. */
    BOOLEAN(TypeName.BOOLEAN),
    /** {@code SaveUnsigned}, loaded with a range check. */
    CHAR(TypeName.CHAR),
    /** {@code SaveFloat}. */
    FLOAT(TypeName.FLOAT),
    /** {@code SaveDouble}. */
    DOUBLE(TypeName.DOUBLE);

    private final TypeName primitive;

    ScalarKind(TypeName primitive) {
      this.primitive = primitive;
    }

    /** The primitive type, such as {@code int}. */
    public TypeName primitive() {
      return primitive;
    }
  }

  /**
   * A primitive or its box.
   *
   * @param kind which primitive
   * @param boxed whether the declared type is the box ({@code Integer} rather than {@code int})
   */
  record Scalar(ScalarKind kind, boolean boxed) implements ValueEncoding {
    @Override
    public TypeName type() {
      return boxed ? kind.primitive().box() : kind.primitive();
    }
  }

  /** A {@code String}, saved as its UTF-8 bytes with {@code SaveStringBuffer}. */
  record Text() implements ValueEncoding {
    @Override
    public TypeName type() {
      return ClassName.get(String.class);
    }
  }

  /** A {@code byte[]}, saved as is with {@code SaveStringBuffer}. */
  record Bytes() implements ValueEncoding {
    @Override
    public TypeName type() {
      return ArrayTypeName.of(TypeName.BYTE);
    }
  }

  /**
   * An enum, saved as the UTF-8 bytes of its constant's name.
   *
   * @param enumClass the enum
   */
  record EnumConstant(ClassName enumClass) implements ValueEncoding {
    @Override
    public TypeName type() {
      return enumClass;
    }
  }

  /**
   * An instance of a {@code @Persistable} class, saved and loaded by its generated serializer.
   *
   * @param persistable the {@code @Persistable} class
   */
  record Nested(ClassName persistable) implements ValueEncoding {
    @Override
    public TypeName type() {
      return persistable;
    }

    /** The {@code JrmPersist_} class with the static {@code save} and {@code load}. */
    public ClassName serializer() {
      return PersistableModel.serializerOf(persistable);
    }
  }

  /**
   * A field annotated {@code @Codec}: saved and loaded by an instance of the codec class. Only ever
   * the encoding of a field itself, never of an element, key or value.
   *
   * @param declared the field's type as declared
   * @param codec the class implementing {@code io.jrm.FieldCodec} for that type
   */
  record Custom(TypeName declared, ClassName codec) implements ValueEncoding {
    @Override
    public TypeName type() {
      return declared;
    }
  }

  /**
   * An array other than {@code byte[]}: {@code SaveUnsigned(length)} then each element.
   *
   * @param component how each element is encoded
   */
  record ArrayOf(ValueEncoding component) implements ValueEncoding {
    @Override
    public TypeName type() {
      return ArrayTypeName.of(component.type());
    }
  }

  /** {@code List} or {@code Set}. */
  enum CollectionKind {
    /** Any {@code java.util.List}: written in its own order. */
    LIST(List.class),
    /** Any {@code java.util.Set}: written in canonical order for digests. */
    SET(Set.class);

    private final ClassName interfaceName;

    CollectionKind(Class<?> type) {
      this.interfaceName = ClassName.get(type);
    }

    /** {@code java.util.List} or {@code java.util.Set}. */
    public ClassName interfaceName() {
      return interfaceName;
    }
  }

  /**
   * The class a collection is loaded into.
   *
   * @param type the class to instantiate, such as {@code ArrayList} or {@code TreeMap}
   * @param generic whether it has type parameters, so that it is created with {@code <>}
   */
  record Creation(ClassName type, boolean generic) {}

  /**
   * A {@code List} or {@code Set}: {@code SaveUnsigned(size)} then each element.
   *
   * @param kind list or set
   * @param declared the type as declared, such as {@code List<Long>} or {@code TreeSet<String>}
   * @param creation what loading creates
   * @param element how each element is encoded
   */
  record CollectionOf(
      CollectionKind kind, TypeName declared, Creation creation, ValueEncoding element)
      implements ValueEncoding {
    @Override
    public TypeName type() {
      return declared;
    }
  }

  /**
   * A {@code Map}: {@code SaveUnsigned(size)} then each key followed by its value.
   *
   * @param declared the type as declared, such as {@code Map<String, Long>}
   * @param creation what loading creates
   * @param key how each key is encoded
   * @param value how each value is encoded
   */
  record MapOf(TypeName declared, Creation creation, ValueEncoding key, ValueEncoding value)
      implements ValueEncoding {
    @Override
    public TypeName type() {
      return declared;
    }

    /** {@code Map.Entry<K, V>}. */
    public TypeName entryType() {
      return ParameterizedTypeName.get(
          ClassName.get(Map.Entry.class), key.type().box(), value.type().box());
    }
  }
}
