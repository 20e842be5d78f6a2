package io.jrm.processor.generation;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import io.jrm.processor.ClassNames;
import io.jrm.processor.model.ClassEncoding;
import io.jrm.processor.model.FieldModel;
import io.jrm.processor.model.ValueEncoding;
import io.jrm.processor.model.ValueEncoding.ArrayOf;
import io.jrm.processor.model.ValueEncoding.Bytes;
import io.jrm.processor.model.ValueEncoding.CollectionKind;
import io.jrm.processor.model.ValueEncoding.CollectionOf;
import io.jrm.processor.model.ValueEncoding.Creation;
import io.jrm.processor.model.ValueEncoding.Custom;
import io.jrm.processor.model.ValueEncoding.EnumConstant;
import io.jrm.processor.model.ValueEncoding.MapOf;
import io.jrm.processor.model.ValueEncoding.Nested;
import io.jrm.processor.model.ValueEncoding.Scalar;
import io.jrm.processor.model.ValueEncoding.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The statements that save and load the fields of one class, for its generated {@code JrmType_} or
 * {@code JrmPersist_} class, and the private helpers those statements call: range checks and the
 * corrupt-data exception. One instance per generated class, since it records which helpers are
 * used.
 *
 * <p>Generated methods name their parameters {@code value}, {@code out}, {@code in} and {@code
 * encver}; locals are named after the field they serve, made unique per method.
 */
final class SerializerCode {
  static final String VALUE = "value";
  static final String OUT = "out";
  static final String IN = "in";
  static final String ENCVER = "encver";

  private static final ClassName OBJECTS = ClassName.get(Objects.class);
  private static final ClassName CHARSETS = ClassName.get(StandardCharsets.class);

  /** The private helpers a class may need, each generated once and only if used. */
  private enum Helper {
    SIZE,
    PRESENT,
    BOOLEAN,
    CHAR,
    BYTE,
    SHORT,
    INT,
    ENUM
  }

  private final ClassEncoding encoding;
  private final String corruptPrefix;
  private final Set<Helper> helpers = EnumSet.noneOf(Helper.class);

  /** The constant holding the codec of each {@code @Codec} field, by field name. */
  private final Map<String, String> codecConstants = new LinkedHashMap<>();

  /**
   * @param encoding the class whose fields are written
   * @param subject what corrupt-data errors call the value: the type name, or the class name
   */
  SerializerCode(ClassEncoding encoding, String subject) {
    this.encoding = encoding;
    this.corruptPrefix = "ERR corrupt " + subject + " value: ";
    Set<String> taken = new HashSet<>();
    for (FieldModel field : encoding.fields()) {
      if (field.encoding() instanceof Custom) {
        String stem = constantCase(field.name()) + "_CODEC";
        String constant = stem;
        for (int i = 2; !taken.add(constant); i++) {
          constant = stem + i;
        }
        codecConstants.put(field.name(), constant);
      }
    }
  }

  /** {@code createdAt} as {@code CREATED_AT}. */
  private static String constantCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /**
   * {@code private static final Codec FIELD_CODEC = new Codec();} for each {@code @Codec} field, in
   * declaration order.
   */
  List<FieldSpec> codecFields() {
    List<FieldSpec> fields = new ArrayList<>();
    for (FieldModel field : encoding.fields()) {
      if (field.encoding() instanceof Custom c) {
        fields.add(
            FieldSpec.builder(
                    c.codec(),
                    codecConstants.get(field.name()),
                    Modifier.PRIVATE,
                    Modifier.STATIC,
                    Modifier.FINAL)
                .initializer("new $T()", c.codec())
                .build());
      }
    }
    return fields;
  }

  /** Names taken by parameters and by the classes generated code refers to by simple name. */
  NameAllocator names() {
    NameAllocator names = new NameAllocator();
    for (String reserved :
        List.of(
            VALUE,
            OUT,
            IN,
            ENCVER,
            "Objects",
            "StandardCharsets",
            "Collection",
            "Map",
            "List",
            "Set",
            "Canonical",
            "RedisException",
            "Integer",
            "Character",
            "Enum")) {
      names.newName(reserved);
    }
    for (String constant : codecConstants.values()) {
      names.newName(constant);
    }
    for (FieldModel field : encoding.fields()) {
      reserveClassNames(field.encoding(), names);
    }
    return names;
  }

  private static void reserveClassNames(ValueEncoding encoding, NameAllocator names) {
    if (encoding instanceof Custom c) {
      reserve(c.codec(), names);
    } else if (encoding instanceof EnumConstant e) {
      reserve(e.enumClass(), names);
    } else if (encoding instanceof Nested n) {
      reserve(n.persistable(), names);
      reserve(n.serializer(), names);
    } else if (encoding instanceof ArrayOf a) {
      reserveClassNames(a.component(), names);
    } else if (encoding instanceof CollectionOf c) {
      reserve(c.creation().type(), names);
      reserveClassNames(c.element(), names);
    } else if (encoding instanceof MapOf m) {
      reserve(m.creation().type(), names);
      reserveClassNames(m.key(), names);
      reserveClassNames(m.value(), names);
    }
  }

  private static void reserve(ClassName name, NameAllocator names) {
    String simple = name.topLevelClassName().simpleName();
    try {
      names.newName(simple);
    } catch (IllegalArgumentException alreadyReserved) {
      // Another field refers to the same class.
    }
  }

  // ---- save ----

  /** Writes every field of {@code value} to {@code out}, in declaration order. */
  CodeBlock saveFields() {
    NameAllocator names = names();
    CodeBlock.Builder body = CodeBlock.builder();
    for (FieldModel field : encoding.fields()) {
      CodeBlock access = CodeBlock.of("$N.$N", VALUE, field.name());
      Site site = new Site(field.name(), field.name(), field.name());
      if (field.nullable()) {
        body.beginControlFlow("if ($L == null)", access)
            .addStatement("$N.saveUnsigned(0)", OUT)
            .nextControlFlow("else")
            .addStatement("$N.saveUnsigned(1)", OUT);
        save(body, field.encoding(), access, OUT, site, names);
        body.endControlFlow();
      } else {
        if (field.encoding().isReference()) {
          body.addStatement(
              "$T.requireNonNull($L, $S)",
              OBJECTS,
              access,
              "field "
                  + field.name()
                  + " of "
                  + encoding.displayName()
                  + " is null: mark it @Nullable or set it");
        }
        save(body, field.encoding(), access, OUT, site, names);
      }
    }
    return body.build();
  }

  /**
   * Where a value sits, for messages and local names.
   *
   * @param field the field it belongs to
   * @param what how corrupt-data errors name it, such as {@code element of values}
   * @param base the stem of the locals that hold it and its parts
   */
  private record Site(String field, String what, String base) {
    Site part(String role) {
      return new Site(field, role + " of " + what, base + capitalize(role));
    }
  }

  /** Writes {@code value}, known not to be null, to {@code out}. */
  private void save(
      CodeBlock.Builder body,
      ValueEncoding encoding,
      CodeBlock value,
      String out,
      Site site,
      NameAllocator names) {
    if (encoding instanceof Custom) {
      body.addStatement("$N.save($L, $N)", codecConstants.get(site.field()), value, out);
    } else if (encoding instanceof Scalar s) {
      body.addStatement(saveScalar(s, value, out));
    } else if (encoding instanceof Text) {
      body.addStatement("$N.saveStringBuffer($L.getBytes($T.UTF_8))", out, value, CHARSETS);
    } else if (encoding instanceof Bytes) {
      body.addStatement("$N.saveStringBuffer($L)", out, value);
    } else if (encoding instanceof EnumConstant) {
      body.addStatement("$N.saveStringBuffer($L.name().getBytes($T.UTF_8))", out, value, CHARSETS);
    } else if (encoding instanceof Nested n) {
      body.addStatement("$T.save($L, $N)", n.serializer(), value, out);
    } else if (encoding instanceof ArrayOf a) {
      body.addStatement("$N.saveUnsigned($L.length)", out, value);
      saveElements(body, a.component(), value, out, site, names);
    } else if (encoding instanceof CollectionOf c && c.kind() == CollectionKind.LIST) {
      body.addStatement("$N.saveUnsigned($L.size())", out, value);
      saveElements(body, c.element(), value, out, site, names);
    } else if (encoding instanceof CollectionOf c) {
      saveSet(body, c, value, out, site, names);
    } else if (encoding instanceof MapOf m) {
      saveMap(body, m, value, out, site, names);
    } else {
      throw new IllegalArgumentException("Unknown encoding " + encoding);
    }
  }

  private static CodeBlock saveScalar(Scalar scalar, CodeBlock value, String out) {
    return switch (scalar.kind()) {
      case BYTE, SHORT, INT, LONG -> CodeBlock.of("$N.saveSigned($L)", out, value);
      case BOOLEAN -> CodeBlock.of("$N.saveUnsigned($L ? 1 : 0)", out, value);
      case CHAR -> CodeBlock.of("$N.saveUnsigned($L)", out, value);
      case FLOAT -> CodeBlock.of("$N.saveFloat($L)", out, value);
      case DOUBLE -> CodeBlock.of("$N.saveDouble($L)", out, value);
    };
  }

  /** {@code for (E element : elements) { check; save }}. */
  private void saveElements(
      CodeBlock.Builder body,
      ValueEncoding element,
      CodeBlock elements,
      String out,
      Site site,
      NameAllocator names) {
    Site elementSite = site.part("element");
    String name = names.newName(elementSite.base());
    body.beginControlFlow("for ($T $N : $L)", element.type(), name, elements);
    saveNonNull(body, element, CodeBlock.of("$N", name), out, elementSite, "element", names);
    body.endControlFlow();
  }

  /** Checks that a collection's element, key or value is not null, then writes it. */
  private void saveNonNull(
      CodeBlock.Builder body,
      ValueEncoding encoding,
      CodeBlock value,
      String out,
      Site site,
      String role,
      NameAllocator names) {
    if (encoding.isReference()) {
      body.addStatement(
          "$T.requireNonNull($L, $S)",
          OBJECTS,
          value,
          "field "
              + site.field()
              + " of "
              + this.encoding.displayName()
              + " holds a null "
              + role
              + ": persisted collections and arrays cannot hold null");
    }
    save(body, encoding, value, out, site, names);
  }

  /**
   * The size, then the elements: in iteration order, or in {@code Canonical}'s order when the
   * output computes a digest, so that equal sets digest equally.
   */
  private void saveSet(
      CodeBlock.Builder body,
      CollectionOf set,
      CodeBlock value,
      String out,
      Site site,
      NameAllocator names) {
    body.addStatement("$N.saveUnsigned($L.size())", out, value);
    Site elementSite = site.part("element");
    String ordered = names.newName(site.base() + "InOrder");
    // The lambda's scope ends before the loop's, so its names may be reused there.
    NameAllocator lambdaNames = names.clone();
    String writerOut = lambdaNames.newName(site.base() + "Out");
    String writerElement = lambdaNames.newName(elementSite.base());
    TypeName elementType = set.element().type().box();
    CodeBlock.Builder writer = CodeBlock.builder();
    saveNonNull(
        writer,
        set.element(),
        CodeBlock.of("$N", writerElement),
        writerOut,
        elementSite,
        "element",
        lambdaNames);
    body.add(
            "$T $N = $N.canonical()\n",
            ParameterizedTypeName.get(ClassName.get(Collection.class), elementType),
            ordered,
            out)
        .indent()
        .indent()
        .add(
            "? $T.sorted($L, ($N, $N) -> {\n",
            ClassNames.CANONICAL,
            value,
            writerOut,
            writerElement)
        .indent()
        .add(writer.build())
        .unindent()
        .add("})\n")
        .add(": $L;\n", value)
        .unindent()
        .unindent();
    saveElements(body, set.element(), CodeBlock.of("$N", ordered), out, site, names);
  }

  /** The size, then each key and its value, ordered by key for digests as sets are. */
  private void saveMap(
      CodeBlock.Builder body,
      MapOf map,
      CodeBlock value,
      String out,
      Site site,
      NameAllocator names) {
    body.addStatement("$N.saveUnsigned($L.size())", out, value);
    Site keySite = site.part("key");
    Site valueSite = site.part("value");
    String ordered = names.newName(site.base() + "InOrder");
    NameAllocator lambdaNames = names.clone();
    String writerOut = lambdaNames.newName(site.base() + "Out");
    String writerKey = lambdaNames.newName(keySite.base());
    CodeBlock.Builder writer = CodeBlock.builder();
    saveNonNull(
        writer, map.key(), CodeBlock.of("$N", writerKey), writerOut, keySite, "key", lambdaNames);
    body.add(
            "$T $N = $N.canonical()\n",
            ParameterizedTypeName.get(ClassName.get(Collection.class), map.entryType()),
            ordered,
            out)
        .indent()
        .indent()
        .add(
            "? $T.sortedEntries($L, ($N, $N) -> {\n",
            ClassNames.CANONICAL,
            value,
            writerOut,
            writerKey)
        .indent()
        .add(writer.build())
        .unindent()
        .add("})\n")
        .add(": $L.entrySet();\n", value)
        .unindent()
        .unindent();
    String entry = names.newName(site.base() + "Entry");
    body.beginControlFlow("for ($T $N : $N)", map.entryType(), entry, ordered);
    saveNonNull(body, map.key(), CodeBlock.of("$N.getKey()", entry), out, keySite, "key", names);
    saveNonNull(
        body, map.value(), CodeBlock.of("$N.getValue()", entry), out, valueSite, "value", names);
    body.endControlFlow();
  }

  // ---- load ----

  /**
   * Reads every field into {@code value} in declaration order, skipping those added
   * ({@code @Since}) after the {@code encver} being read.
   */
  CodeBlock loadFields() {
    NameAllocator names = names();
    CodeBlock.Builder body = CodeBlock.builder();
    for (FieldModel field : encoding.fields()) {
      if (field.since() > 0) {
        body.beginControlFlow("if ($N >= $L)", ENCVER, field.since());
      }
      Site site = new Site(field.name(), field.name(), field.name());
      if (field.nullable()) {
        helpers.add(Helper.PRESENT);
        body.beginControlFlow("if (loadPresent($N, $S))", IN, field.name());
        assignField(body, field, site, names);
        body.nextControlFlow("else").addStatement("$N.$N = null", VALUE, field.name());
        body.endControlFlow();
      } else {
        assignField(body, field, site, names);
      }
      if (field.since() > 0) {
        body.endControlFlow();
      }
    }
    return body.build();
  }

  private void assignField(
      CodeBlock.Builder body, FieldModel field, Site site, NameAllocator names) {
    CodeBlock loaded = load(body, field.encoding(), site, names);
    body.addStatement("$N.$N = $L", VALUE, field.name(), loaded);
  }

  /**
   * Adds the statements that read a value, if it takes any, and returns the expression that yields
   * it.
   */
  private CodeBlock load(
      CodeBlock.Builder body, ValueEncoding encoding, Site site, NameAllocator names) {
    if (encoding instanceof Custom) {
      return CodeBlock.of("$N.load($N, $N)", codecConstants.get(site.field()), IN, ENCVER);
    } else if (encoding instanceof Scalar s) {
      return loadScalar(s, site);
    } else if (encoding instanceof Text) {
      return CodeBlock.of("new $T($N.loadStringBuffer(), $T.UTF_8)", String.class, IN, CHARSETS);
    } else if (encoding instanceof Bytes) {
      return CodeBlock.of("$N.loadStringBuffer()", IN);
    } else if (encoding instanceof EnumConstant e) {
      helpers.add(Helper.ENUM);
      return CodeBlock.of("loadEnum($N, $T.class, $S)", IN, e.enumClass(), site.what());
    } else if (encoding instanceof Nested n) {
      return CodeBlock.of("$T.load($N, $N)", n.serializer(), IN, ENCVER);
    } else if (encoding instanceof ArrayOf a) {
      return loadArray(body, a, site, names);
    } else if (encoding instanceof CollectionOf c) {
      return loadCollection(body, c, site, names);
    } else if (encoding instanceof MapOf m) {
      return loadMap(body, m, site, names);
    }
    throw new IllegalArgumentException("Unknown encoding " + encoding);
  }

  private CodeBlock loadScalar(Scalar scalar, Site site) {
    Helper helper =
        switch (scalar.kind()) {
          case BYTE -> Helper.BYTE;
          case SHORT -> Helper.SHORT;
          case INT -> Helper.INT;
          case BOOLEAN -> Helper.BOOLEAN;
          case CHAR -> Helper.CHAR;
          case LONG, FLOAT, DOUBLE -> null;
        };
    if (helper != null) {
      helpers.add(helper);
      return CodeBlock.of("$N($N, $S)", helperName(helper), IN, site.what());
    }
    return switch (scalar.kind()) {
      case FLOAT -> CodeBlock.of("$N.loadFloat()", IN);
      case DOUBLE -> CodeBlock.of("$N.loadDouble()", IN);
      default -> CodeBlock.of("$N.loadSigned()", IN);
    };
  }

  /** {@code int size = loadSize(in, what);} and the loop header over it. */
  private String beginSizedLoop(
      CodeBlock.Builder body, Site site, NameAllocator names, CodeBlock container) {
    helpers.add(Helper.SIZE);
    String size = names.newName(site.base() + "Size");
    String index = names.newName(site.base() + "Index");
    body.addStatement("int $N = loadSize($N, $S)", size, IN, site.what());
    body.add(container);
    body.beginControlFlow("for (int $N = 0; $N < $N; $N++)", index, index, size, index);
    return index;
  }

  private CodeBlock loadArray(
      CodeBlock.Builder body, ArrayOf array, Site site, NameAllocator names) {
    String local = names.newName(site.base());
    // Created after the size is known, so the declaration comes with the loop.
    helpers.add(Helper.SIZE);
    String size = names.newName(site.base() + "Size");
    String index = names.newName(site.base() + "Index");
    body.addStatement("int $N = loadSize($N, $S)", size, IN, site.what());
    body.addStatement("$T $N = $L", array.type(), local, newArray(array, size));
    body.beginControlFlow("for (int $N = 0; $N < $N; $N++)", index, index, size, index);
    CodeBlock element = load(body, array.component(), site.part("element"), names);
    body.addStatement("$N[$N] = $L", local, index, element);
    body.endControlFlow();
    return CodeBlock.of("$N", local);
  }

  /** {@code new int[size]}, {@code new String[size][]}: the size goes in the first brackets. */
  private static CodeBlock newArray(ArrayOf array, String size) {
    TypeName innermost = array.type();
    int dimensions = 0;
    while (innermost instanceof ArrayTypeName arrayType) {
      innermost = arrayType.componentType();
      dimensions++;
    }
    return CodeBlock.of("new $T[$N]$L", innermost, size, "[]".repeat(dimensions - 1));
  }

  private CodeBlock loadCollection(
      CodeBlock.Builder body, CollectionOf collection, Site site, NameAllocator names) {
    String local = names.newName(site.base());
    CodeBlock create =
        CodeBlock.builder()
            .addStatement("$T $N = $L", collection.declared(), local, create(collection.creation()))
            .build();
    beginSizedLoop(body, site, names, create);
    CodeBlock element = load(body, collection.element(), site.part("element"), names);
    if (collection.kind() == CollectionKind.SET) {
      // A repeated element would shrink the set: the data is not what was saved.
      body.beginControlFlow("if (!$N.add($L))", local, element)
          .addStatement("throw corrupt($S)", "duplicate element in " + site.what())
          .endControlFlow();
    } else {
      body.addStatement("$N.add($L)", local, element);
    }
    body.endControlFlow();
    return CodeBlock.of("$N", local);
  }

  private CodeBlock loadMap(CodeBlock.Builder body, MapOf map, Site site, NameAllocator names) {
    String local = names.newName(site.base());
    CodeBlock create =
        CodeBlock.builder()
            .addStatement("$T $N = $L", map.declared(), local, create(map.creation()))
            .build();
    beginSizedLoop(body, site, names, create);
    Site keySite = site.part("key");
    CodeBlock key = load(body, map.key(), keySite, names);
    String keyLocal = names.newName(keySite.base());
    // A local, so that the key is read before any statement that reads the value.
    body.addStatement("$T $N = $L", map.key().type(), keyLocal, key);
    CodeBlock value = load(body, map.value(), site.part("value"), names);
    // Values are never null, so a previous value means a repeated key.
    body.beginControlFlow("if ($N.put($N, $L) != null)", local, keyLocal, value)
        .addStatement("throw corrupt($S)", "duplicate key in " + site.what())
        .endControlFlow();
    body.endControlFlow();
    return CodeBlock.of("$N", local);
  }

  private static CodeBlock create(Creation creation) {
    return creation.generic()
        ? CodeBlock.of("new $T<>()", creation.type())
        : CodeBlock.of("new $T()", creation.type());
  }

  // ---- helpers ----

  private static String helperName(Helper helper) {
    return switch (helper) {
      case SIZE -> "loadSize";
      case PRESENT -> "loadPresent";
      case BOOLEAN -> "loadBoolean";
      case CHAR -> "loadChar";
      case BYTE -> "loadByte";
      case SHORT -> "loadShort";
      case INT -> "loadInt";
      case ENUM -> "loadEnum";
    };
  }

  /**
   * The helpers the generated statements call, then {@code corrupt}; call after {@link #saveFields}
   * and {@link #loadFields}.
   */
  List<MethodSpec> helperMethods() {
    List<MethodSpec> methods = new ArrayList<>();
    for (Helper helper : helpers) {
      methods.add(helperMethod(helper));
    }
    if (!helpers.isEmpty()) {
      methods.add(
          MethodSpec.methodBuilder("corrupt")
              .addJavadoc("The error that fails the load of corrupt data.\n")
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(ClassNames.REDIS_EXCEPTION)
              .addParameter(String.class, "what")
              .addStatement("return new $T($S + what)", ClassNames.REDIS_EXCEPTION, corruptPrefix)
              .build());
    }
    return methods;
  }

  private static MethodSpec helperMethod(Helper helper) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(helperName(helper))
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(ClassNames.RDB_INPUT, IN);
    return switch (helper) {
      case SIZE ->
          method
              .addJavadoc(
                  "A collection or array size: {@code LoadUnsigned} returns a long, and a negative"
                      + " one is a huge unsigned size.\n")
              .returns(TypeName.INT)
              .addParameter(String.class, "what")
              .addStatement("long size = $N.loadUnsigned()", IN)
              .beginControlFlow("if (size < 0 || size > $T.MAX_VALUE)", Integer.class)
              .addStatement("throw corrupt($S + what + $S)", "size of ", " out of range")
              .endControlFlow()
              .addStatement("return (int) size")
              .build();
      case PRESENT ->
          method
              .addJavadoc("Whether a nullable field holds a value: 1, or 0 for null.\n")
              .returns(TypeName.BOOLEAN)
              .addParameter(String.class, "what")
              .addStatement("long present = $N.loadUnsigned()", IN)
              .beginControlFlow("if (present != 0 && present != 1)")
              .addStatement("throw corrupt($S + what + $S)", "null flag of ", " out of range")
              .endControlFlow()
              .addStatement("return present == 1")
              .build();
      case BOOLEAN ->
          method
              .returns(TypeName.BOOLEAN)
              .addParameter(String.class, "what")
              .addStatement("long bool = $N.loadUnsigned()", IN)
              .beginControlFlow("if (bool != 0 && bool != 1)")
              .addStatement("throw corrupt(what + $S)", " out of range")
              .endControlFlow()
              .addStatement("return bool == 1")
              .build();
      case CHAR -> rangeChecked(method, "loadUnsigned", TypeName.CHAR, Character.class);
      case BYTE -> rangeChecked(method, "loadSigned", TypeName.BYTE, Byte.class);
      case SHORT -> rangeChecked(method, "loadSigned", TypeName.SHORT, Short.class);
      case INT -> rangeChecked(method, "loadSigned", TypeName.INT, Integer.class);
      case ENUM -> {
        TypeVariableName e = TypeVariableName.get("E");
        e = TypeVariableName.get("E", ParameterizedTypeName.get(ClassName.get(Enum.class), e));
        yield method
            .addTypeVariable(e)
            .returns(e)
            .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), e), "type")
            .addParameter(String.class, "what")
            .addStatement(
                "$T name = new $T($N.loadStringBuffer(), $T.UTF_8)",
                String.class,
                String.class,
                IN,
                CHARSETS)
            .beginControlFlow("try")
            .addStatement("return $T.valueOf(type, name)", Enum.class)
            .nextControlFlow("catch ($T unknown)", IllegalArgumentException.class)
            .addStatement(
                "throw corrupt(what + $S + type.getSimpleName() + $S + name)",
                " is not a ",
                " constant: ")
            .endControlFlow()
            .build();
      }
    };
  }

  /** Reads a long and narrows it, failing when it does not fit. */
  private static MethodSpec rangeChecked(
      MethodSpec.Builder method, String load, TypeName type, Class<?> box) {
    return method
        .returns(type)
        .addParameter(String.class, "what")
        .addStatement("long loaded = $N.$N()", IN, load)
        .beginControlFlow("if (loaded < $T.MIN_VALUE || loaded > $T.MAX_VALUE)", box, box)
        .addStatement("throw corrupt(what + $S)", " out of range")
        .endControlFlow()
        .addStatement("return ($T) loaded", type)
        .build();
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
