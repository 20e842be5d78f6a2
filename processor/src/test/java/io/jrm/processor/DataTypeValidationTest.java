package io.jrm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jrm.processor.Sources.compile;
import static io.jrm.processor.Sources.module;
import static io.jrm.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The errors about {@code @DataType}, {@code @Persistable} and {@code @Since}. */
class DataTypeValidationTest {
  /**
   * Compiles a module and class {@code test.T} with {@code lines}, and expects exactly the error.
   */
  private static void assertError(String message, String line, String... lines) {
    JavaFileObject type = source("test.T", lines);
    Compilation compilation = compile(module(), type);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(type).onLineContaining(line);
  }

  /**
   * {@code assertError} for a data type {@code T} named {@code "t-type-00"} with {@code members}.
   */
  private static void assertFieldError(String message, String line, String... members) {
    String[] lines = new String[members.length + 3];
    lines[0] = "@DataType(name = \"t-type-00\", encver = 2)";
    lines[1] = "public class T {";
    System.arraycopy(members, 0, lines, 2, members.length);
    lines[lines.length - 1] = "}";
    assertError(message, line, lines);
  }

  // ---- @DataType values ----

  @Test
  void nameOfTheWrongLengthIsAnError() {
    assertError(
        "The type name \"hellotyp\" is 8 characters long; Redis type names are exactly 9, for"
            + " example \"hellotype\".",
        "name = \"hellotyp\"",
        "@DataType(",
        "    name = \"hellotyp\")",
        "public class T {}");
  }

  @Test
  void nameWithOtherCharactersIsAnError() {
    assertError(
        "The type name \"hello.t?p\" contains '.', '?'; Redis type names are made of A-Z, a-z,"
            + " 0-9, '-' and '_' only.",
        "name = \"hello.t?p\"",
        "@DataType(",
        "    name = \"hello.t?p\")",
        "public class T {}");
  }

  @Test
  void reservedNameIsAnError() {
    assertError(
        "The type name \"AAAAAAAAA\" is reserved by Redis; choose another name.",
        "name = \"AAAAAAAAA\"",
        "@DataType(",
        "    name = \"AAAAAAAAA\")",
        "public class T {}");
  }

  @Test
  void duplicateNameIsAnError() {
    JavaFileObject first =
        source("test.First", "@DataType(name = \"hellotype\")", "public class First {}");
    JavaFileObject second =
        source("test.Second", "@DataType(", "    name = \"hellotype\")", "public class Second {}");

    Compilation compilation = compile(module(), first, second);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "The type name \"hellotype\" is already used by test.First; give each data type a"
                + " name of its own.")
        .inFile(second)
        .onLineContaining("name = \"hellotype\"");
  }

  @Test
  void encverAbove1023IsAnError() {
    assertError(
        "The encver is 1024 but must be 0 to 1023: Redis stores it in 10 bits.",
        "encver = 1024",
        "@DataType(name = \"hellotype\",",
        "    encver = 1024)",
        "public class T {}");
  }

  @Test
  void negativeEncverIsAnError() {
    assertError(
        "The encver is -1 but must be 0 to 1023",
        "encver = -1",
        "@DataType(name = \"hellotype\",",
        "    encver = -1)",
        "public class T {}");
  }

  @Test
  void dataTypeWithoutModuleIsAnError() {
    JavaFileObject type = source("test.T", "@DataType(name = \"hellotype\")", "public class T {}");

    Compilation compilation = compile(type);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "@DataType class T has no module: no class of this compilation is annotated"
                + " @RedisModule, and the module creates the type when it loads; annotate one"
                + " class with @RedisModule(name = \"mymodule\").")
        .inFile(type)
        .onLineContaining("@DataType");
  }

  @Test
  void persistableWithoutModuleIsValid() {
    JavaFileObject point =
        source("test.Point", "@Persistable", "public class Point { int x; int y; }");

    Compilation compilation = compile(point);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.JrmPersist_Point");
  }

  // ---- the class ----

  @Test
  void interfaceIsAnError() {
    assertError(
        "@DataType T is an interface, but must be a class with a field for each part of the"
            + " value.",
        "@DataType",
        "@DataType(name = \"hellotype\")",
        "public interface T {}");
  }

  @Test
  void recordIsAnError() {
    assertError(
        "@Persistable T is a record, whose fields are final, but must be a class with a field for"
            + " each part of the value.",
        "@Persistable",
        "@Persistable",
        "public record T(int x) {}");
  }

  @Test
  void abstractClassIsAnError() {
    assertError(
        "@DataType T is abstract, but must be a concrete class: loading creates instances of it.",
        "@DataType",
        "@DataType(name = \"hellotype\")",
        "public abstract class T {}");
  }

  @Test
  void innerClassIsAnError() {
    assertError(
        "@Persistable Inner is an inner class, which needs an instance of its outer class; make"
            + " it static (or top-level).",
        "@Persistable",
        "public class T {",
        "  @Persistable",
        "  public class Inner {}",
        "}");
  }

  @Test
  void privateNestedClassIsAnError() {
    assertError(
        "@DataType Hidden cannot be used by the generated JrmType_T_Hidden: Hidden is private,"
            + " so the generated serializer in package test cannot use Hidden; make Hidden"
            + " package-private or public.",
        "@DataType",
        "public class T {",
        "  @DataType(name = \"hellotype\")",
        "  private static class Hidden {}",
        "}");
  }

  @Test
  void genericClassIsAnError() {
    assertError(
        "@Persistable T must not have type parameters: its persisted fields need types that are"
            + " known when it is compiled.",
        "@Persistable",
        "@Persistable",
        "public class T<V> {}");
  }

  @Test
  void classWithoutNoArgumentConstructorIsAnError() {
    assertError(
        "@DataType T has no non-private constructor without parameters, which loading calls"
            + " before it sets the fields; add T() {} (it may be package-private).",
        "@DataType",
        "@DataType(name = \"hellotype\")",
        "public class T {",
        "  T(int x) {}",
        "}");
  }

  @Test
  void privateNoArgumentConstructorIsAnError() {
    assertError(
        "@DataType T has no non-private constructor without parameters",
        "@DataType",
        "@DataType(name = \"hellotype\")",
        "public class T {",
        "  private T() {}",
        "}");
  }

  // ---- fields ----

  @Test
  void privateFieldIsAnError() {
    assertFieldError(
        "The field count of T is private, so the generated serializer cannot read or set it;"
            + " make it package-private or mark it transient.",
        "int count",
        "  private int count;");
  }

  @Test
  void finalFieldIsAnError() {
    assertFieldError(
        "The field values of T is final, so loading cannot set it; remove final or mark it"
            + " transient.",
        "values =",
        "  final List<Long> values = new ArrayList<>();");
  }

  @Test
  void staticAndTransientFieldsDoNotPersist() {
    JavaFileObject type =
        source(
            "test.T",
            "@DataType(name = \"hellotype\")",
            "public class T {",
            "  static Object shared;",
            "  transient Object cache;",
            "  private transient final Object lock = new Object();",
            "}");

    assertThat(compile(module(), type)).succeededWithoutWarnings();
  }

  @Test
  void objectFieldIsAnError() {
    assertFieldError(
        "The field cache of type Object cannot persist: only primitives, their boxes, String,"
            + " byte[], enums, arrays, List/Set/Map of these and @Persistable classes do; for a"
            + " class such as Object, write an io.jrm.FieldCodec<Object> and annotate the field"
            + " @Codec(ThatCodec.class).",
        "Object cache",
        "  Object cache;");
  }

  @Test
  void jdkClassFieldIsAnErrorPointingToCodec() {
    assertFieldError(
        "The field created of type Instant cannot persist: only primitives, their boxes, String,"
            + " byte[], enums, arrays, List/Set/Map of these and @Persistable classes do; for a"
            + " class such as Instant, write an io.jrm.FieldCodec<Instant> and annotate the field"
            + " @Codec(ThatCodec.class).",
        "Instant created",
        "  java.time.Instant created;");
  }

  @Test
  void classWithoutPersistableIsAnErrorThatSaysHowToFixIt() {
    JavaFileObject type =
        source(
            "test.T",
            "@DataType(name = \"hellotype\")",
            "public class T {",
            "  Point origin;",
            "}");
    JavaFileObject point = source("test.Point", "public class Point { int x; }");

    Compilation compilation = compile(module(), type, point);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "The field origin of type Point cannot persist: only primitives, their boxes, String,"
                + " byte[], enums, arrays, List/Set/Map of these and @Persistable classes do;"
                + " annotate Point @Persistable to persist it.")
        .inFile(type)
        .onLineContaining("Point origin");
  }

  @Test
  void typeVariableFieldIsAnError() {
    JavaFileObject type = source("test.T", "@Persistable", "public class T<V> {", "  V item;", "}");

    Compilation compilation = compile(type);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("@Persistable T must not have type parameters");
    assertThat(compilation)
        .hadErrorContaining(
            "The field item of type V cannot persist: a type variable has no fixed encoding; use"
                + " the concrete type the value has.")
        .inFile(type)
        .onLineContaining("V item");
  }

  @Test
  void wildcardElementIsAnError() {
    assertFieldError(
        "The field values of type List<? extends Number> cannot persist: its element type ?"
            + " extends Number cannot: a wildcard has no fixed encoding; name the type itself.",
        "values;",
        "  List<? extends Number> values;");
  }

  @Test
  void rawCollectionIsAnError() {
    assertFieldError(
        "The field values of type List cannot persist: a raw List has no element type; give its"
            + " type arguments, as in List<String>.",
        "values;",
        "  @SuppressWarnings(\"rawtypes\") List values;");
  }

  @Test
  void rawMapIsAnError() {
    assertFieldError(
        "The field scores of type HashMap cannot persist: a raw HashMap has no element type; give"
            + " its type arguments, as in HashMap<String, Long>.",
        "scores;",
        "  @SuppressWarnings(\"rawtypes\") HashMap scores;");
  }

  @Test
  void optionalIsAnError() {
    assertFieldError(
        "The field note of type Optional<String> cannot persist: Optional does not persist;"
            + " declare the value's own type and annotate the field @Nullable.",
        "note;",
        "  Optional<String> note;");
  }

  @Test
  void badMapValueIsAnErrorNamingIt() {
    assertFieldError(
        "The field attributes of type Map<String, Object> cannot persist: its value type Object"
            + " cannot: only primitives, their boxes, String, byte[], enums, arrays, List/Set/Map"
            + " of these and @Persistable classes do; for a class such as Object, write an"
            + " io.jrm.FieldCodec<Object> and annotate the field @Codec(ThatCodec.class).",
        "attributes;",
        "  Map<String, Object> attributes;");
  }

  @Test
  void badNestedElementIsAnErrorNamingTheWholePath() {
    assertFieldError(
        "The field rows of type List<Set<Thread>> cannot persist: its element type Set<Thread>"
            + " cannot: its element type Thread cannot: only primitives",
        "rows;",
        "  List<Set<Thread>> rows;");
  }

  @Test
  void arrayOfGenericTypeIsAnError() {
    assertFieldError(
        "The field buckets of type List<String>[] cannot persist: Java cannot create arrays of a"
            + " generic type such as List<String>; use a List instead of the array.",
        "buckets;",
        "  List<String>[] buckets;");
  }

  @Test
  void otherCollectionInterfaceIsAnError() {
    assertFieldError(
        "The field scores of type SortedMap<String, Long> cannot persist: SortedMap cannot be"
            + " created when loading; declare it as List, Set or Map, or as a class with a"
            + " no-argument constructor such as ArrayList, HashSet or TreeMap.",
        "scores;",
        "  SortedMap<String, Long> scores;");
  }

  @Test
  void collectionClassWithoutNoArgumentConstructorIsAnError() {
    assertFieldError(
        "The field colors of type EnumSet<T.Color> cannot persist: EnumSet cannot be created when"
            + " loading",
        "colors;",
        "  enum Color { RED }",
        "  EnumSet<Color> colors;");
  }

  @Test
  void privateEnumIsAnError() {
    assertFieldError(
        "The field color of type T.Color cannot persist: Color is private, so the generated"
            + " serializer in package test cannot use Color; make Color package-private or"
            + " public.",
        "Color color;",
        "  private enum Color { RED }",
        "  Color color;");
  }

  @Test
  void nullablePrimitiveIsAnError() {
    JavaFileObject nullable = source("test.Nullable", "public @interface Nullable {}");
    JavaFileObject type =
        source(
            "test.T",
            "@DataType(name = \"hellotype\")",
            "public class T {",
            "  @Nullable int count;",
            "}");

    Compilation compilation = compile(module(), nullable, type);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "The field count is @Nullable, but its type int is primitive and never null; remove"
                + " @Nullable, or use the boxed type.")
        .inFile(type)
        .onLineContaining("int count");
  }

  // ---- @Since ----

  @Test
  void sinceZeroIsAnError() {
    assertFieldError(
        "@Since(0) on field count must be 1 or more: it names the first encver whose data holds"
            + " the field, and fields that were always there need no @Since.",
        "Since(0)",
        "  @Since(0) int count;");
  }

  @Test
  void sinceAfterTheEncverIsAnError() {
    assertFieldError(
        "@Since(3) on field count is after the encver of @DataType T, 2; raise the encver to 3"
            + " when adding the field, so that the data written holds it.",
        "Since(3)",
        "  @Since(3) int count;");
  }

  @Test
  void sinceUpToTheEncverIsValid() {
    JavaFileObject type =
        source(
            "test.T",
            "@DataType(name = \"hellotype\", encver = 2)",
            "public class T {",
            "  @Since(1) int a;",
            "  @Since(2) int b;",
            "}");

    assertThat(compile(module(), type)).succeededWithoutWarnings();
  }

  // ---- @Codec ----

  /** The methods of a codec of {@code Instant}. */
  private static final String INSTANT_METHODS =
      "    public void save(java.time.Instant v, RdbOutput out) {}\n"
          + "    public java.time.Instant load(RdbInput in, int encver) { return null; }";

  @Test
  void codecThatIsNoFieldCodecIsAnError() {
    assertFieldError(
        "@Codec(T.C.class) on field at: C does not implement io.jrm.FieldCodec; a codec of the"
            + " field implements FieldCodec<Instant>.",
        "@Codec(C.class)",
        "  @Codec(C.class) java.time.Instant at;",
        "  public static class C {}");
  }

  @Test
  void codecOfAnotherTypeIsAnError() {
    assertFieldError(
        "@Codec(T.C.class) on field at: C implements FieldCodec<Long>, but the field has type"
            + " Instant; its codec must implement FieldCodec<Instant>.",
        "@Codec(C.class)",
        "  @Codec(C.class) java.time.Instant at;",
        "  public static class C implements FieldCodec<Long> {",
        "    public void save(Long v, RdbOutput out) {}",
        "    public Long load(RdbInput in, int encver) { return 0L; }",
        "  }");
  }

  @Test
  void codecWithoutNoArgumentConstructorIsAnError() {
    assertFieldError(
        "@Codec(T.C.class) on field at: C has no public no-argument constructor, which the"
            + " generated serializer calls to create it; add public C() {}.",
        "@Codec(C.class)",
        "  @Codec(C.class) java.time.Instant at;",
        "  public static class C implements FieldCodec<java.time.Instant> {",
        "    public C(int unused) {}",
        INSTANT_METHODS,
        "  }");
  }

  @Test
  void abstractCodecIsAnError() {
    assertFieldError(
        "@Codec(T.C.class) on field at: C is abstract, but the generated serializer creates an"
            + " instance of it; name a concrete class.",
        "@Codec(C.class)",
        "  @Codec(C.class) java.time.Instant at;",
        "  public abstract static class C implements FieldCodec<java.time.Instant> {}");
  }

  @Test
  void interfaceCodecIsAnError() {
    assertFieldError(
        "@Codec(T.C.class) on field at: C is an interface, but the generated serializer creates"
            + " an instance of it; name a concrete class.",
        "@Codec(C.class)",
        "  @Codec(C.class) java.time.Instant at;",
        "  public interface C extends FieldCodec<java.time.Instant> {}");
  }

  @Test
  void privateCodecIsAnError() {
    assertFieldError(
        "@Codec(T.C.class) on field at: C is private, so the generated serializer in package test"
            + " cannot use C; make C package-private or public.",
        "@Codec(C.class)",
        "  @Codec(C.class) java.time.Instant at;",
        "  private static class C implements FieldCodec<java.time.Instant> {",
        INSTANT_METHODS,
        "  }");
  }

  @Test
  void codecOnANullablePrimitiveIsStillAnError() {
    JavaFileObject nullable = source("test.Nullable", "public @interface Nullable {}");
    JavaFileObject type =
        source(
            "test.T",
            "@DataType(name = \"hellotype\")",
            "public class T {",
            "  @Nullable @Codec(C.class) long count;",
            "  public static class C implements FieldCodec<Long> {",
            "    public void save(Long v, RdbOutput out) {}",
            "    public Long load(RdbInput in, int encver) { return 0L; }",
            "  }",
            "}");

    Compilation compilation = compile(module(), nullable, type);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("The field count is @Nullable, but its type long is primitive")
        .inFile(type)
        .onLineContaining("long count");
  }

  // ---- custom encoding and callbacks ----

  @Test
  void rdbSaveWithoutRdbLoadIsAnError() {
    assertFieldError(
        "T declares rdbSave but no rdbLoad; declare both public void rdbSave(io.jrm.RdbOutput"
            + " out) and public static T rdbLoad(io.jrm.RdbInput in, int encver) to encode T"
            + " yourself, or neither to let JRM encode its fields.",
        "void rdbSave(",
        "  public void rdbSave(RdbOutput out) {}");
  }

  @Test
  void rdbLoadWithoutRdbSaveIsAnError() {
    assertFieldError(
        "T declares rdbLoad but no rdbSave; declare both",
        "T rdbLoad(",
        "  public static T rdbLoad(RdbInput in, int encver) { return new T(); }");
  }

  @Test
  void rdbSaveWithTheWrongSignatureIsAnError() {
    assertFieldError(
        "The method rdbSave of T must be declared public void rdbSave(io.jrm.RdbOutput out), not"
            + " public void rdbSave(io.jrm.RdbOutput, int).",
        "void rdbSave(",
        "  public void rdbSave(RdbOutput out, int extra) {}",
        "  public static T rdbLoad(RdbInput in, int encver) { return new T(); }");
  }

  @Test
  void rdbLoadWithTheWrongSignatureIsAnError() {
    assertFieldError(
        "The method rdbLoad of T must be declared public static T rdbLoad(io.jrm.RdbInput in, int"
            + " encver), not public test.T rdbLoad(io.jrm.RdbInput, int).",
        "T rdbLoad(",
        "  public void rdbSave(RdbOutput out) {}",
        "  public T rdbLoad(RdbInput in, int encver) { return new T(); }");
  }

  @Test
  void rdbLoadThrowingCheckedExceptionsIsAnError() {
    assertFieldError(
        "The method rdbLoad of T must not throw checked exceptions, because Redis's callbacks"
            + " cannot pass them on; catch them, or wrap them in an unchecked exception.",
        "T rdbLoad(",
        "  public void rdbSave(RdbOutput out) {}",
        "  public static T rdbLoad(RdbInput in, int encver) throws java.io.IOException {",
        "    return new T();",
        "  }");
  }

  @Test
  void aofRewriteWithTheWrongSignatureIsAnError() {
    assertFieldError(
        "The method aofRewrite of T must be declared public void aofRewrite(io.jrm.AofOutput aof,"
            + " io.jrm.RedisString key), not public void aofRewrite(io.jrm.AofOutput).",
        "void aofRewrite(",
        "  public void aofRewrite(AofOutput aof) {}");
  }

  @Test
  void memUsageWithTheWrongSignatureIsAnError() {
    assertFieldError(
        "The method memUsage of T must be declared public long memUsage(), not"
            + " public int memUsage().",
        "int memUsage(",
        "  public int memUsage() { return 1; }");
  }

  @Test
  void freeWithTheWrongSignatureIsAnError() {
    assertFieldError(
        "The method free of T must be declared public void free(), not"
            + " public boolean free(int).",
        "boolean free(",
        "  public boolean free(int count) { return true; }");
  }

  @Test
  void freeThatThrowsACheckedExceptionIsAnError() {
    assertFieldError(
        "The method free of T must not throw checked exceptions, because Redis's callbacks cannot"
            + " pass them on; catch them, or wrap them in an unchecked exception.",
        "void free(",
        "  public void free() throws java.io.IOException {}");
  }

  @Test
  void upgradeWithTheWrongSignatureIsAnError() {
    assertFieldError(
        "The method upgrade of T must be declared public void upgrade(int fromEncver), not"
            + " public void upgrade(long).",
        "void upgrade(",
        "  public void upgrade(long fromEncver) {}");
  }

  @Test
  void validateLoadedWithTheWrongSignatureIsAnError() {
    assertFieldError(
        "The method validateLoaded of T must be declared public void validateLoaded(), not"
            + " public boolean validateLoaded().",
        "boolean validateLoaded(",
        "  public boolean validateLoaded() { return true; }");
  }

  @Test
  void staticValidateLoadedIsAnError() {
    assertFieldError(
        "The method validateLoaded of T must be declared public void validateLoaded(), not"
            + " public static void validateLoaded(test.T).",
        "void validateLoaded(",
        "  public static void validateLoaded(T value) {}");
  }

  @Test
  void validateLoadedThrowingCheckedExceptionsIsAnError() {
    assertFieldError(
        "The method validateLoaded of T must not throw checked exceptions, because Redis's"
            + " callbacks cannot pass them on; catch them, or wrap them in an unchecked exception.",
        "void validateLoaded(",
        "  public void validateLoaded() throws java.io.IOException {}");
  }

  @Test
  void defragWithTheWrongSignatureIsAnError() {
    assertFieldError(
        "The method defrag of T must be declared public boolean defrag(io.jrm.DefragContext ctx),"
            + " not public void defrag(io.jrm.DefragContext).",
        "void defrag(",
        "  public void defrag(DefragContext ctx) {}");
  }

  @Test
  void auxMethodsCompileWithAndWithoutTriggers() {
    for (String triggers :
        new String[] {
          "",
          "  public static Set<AuxPhase> auxSaveTriggers() { return Set.of(AuxPhase.AFTER_RDB); }"
        }) {
      JavaFileObject type =
          source(
              "test.T",
              "@DataType(name = \"t-type-00\")",
              "public final class T {",
              "  public static void auxSave(RdbOutput out, AuxPhase phase) {}",
              "  public static void auxLoad(RdbInput in, int encver, AuxPhase phase) {}",
              triggers,
              "}");
      assertThat(compile(module(), type)).succeededWithoutWarnings();
    }
  }

  @Test
  void anInstanceAuxSaveIsAnError() {
    assertFieldError(
        "The method auxSave of T must be declared public static void auxSave(io.jrm.RdbOutput out,"
            + " io.jrm.AuxPhase phase), not public void auxSave(io.jrm.RdbOutput, io.jrm.AuxPhase).",
        "void auxSave(",
        "  public void auxSave(RdbOutput out, AuxPhase phase) {}",
        "  public static void auxLoad(RdbInput in, int encver, AuxPhase phase) {}");
  }

  @Test
  void auxLoadWithTheWrongParametersIsAnError() {
    assertFieldError(
        "The method auxLoad of T must be declared public static void auxLoad(io.jrm.RdbInput in,"
            + " int encver, io.jrm.AuxPhase phase), not public static void"
            + " auxLoad(io.jrm.RdbInput, int).",
        "void auxLoad(",
        "  public static void auxSave(RdbOutput out, AuxPhase phase) {}",
        "  public static void auxLoad(RdbInput in, int encver) {}");
  }

  @Test
  void auxSaveWithoutAuxLoadIsAnError() {
    assertFieldError(
        "T declares auxSave but no auxLoad; declare both",
        "void auxSave(",
        "  public static void auxSave(RdbOutput out, AuxPhase phase) {}");
  }

  @Test
  void auxSaveTriggersOfTheWrongTypeIsAnError() {
    assertFieldError(
        "The method auxSaveTriggers of T must be declared public static"
            + " java.util.Set<io.jrm.AuxPhase> auxSaveTriggers(), not public static int"
            + " auxSaveTriggers().",
        "int auxSaveTriggers(",
        "  public static void auxSave(RdbOutput out, AuxPhase phase) {}",
        "  public static void auxLoad(RdbInput in, int encver, AuxPhase phase) {}",
        "  public static int auxSaveTriggers() { return 3; }");
  }

  @Test
  void auxSaveTriggersWithoutAuxMethodsIsAnError() {
    assertFieldError(
        "T declares auxSaveTriggers but no auxSave and auxLoad",
        "auxSaveTriggers(",
        "  public static Set<AuxPhase> auxSaveTriggers() { return Set.of(); }");
  }

  @Test
  void customEncodingSkipsTheFieldChecks() {
    JavaFileObject type =
        source(
            "test.T",
            "@DataType(name = \"hellotype\")",
            "public final class T {",
            "  private final Object state;",
            "  private T(Object state) { this.state = state; }",
            "  public void rdbSave(RdbOutput out) {}",
            "  public static T rdbLoad(RdbInput in, int encver) { return new T(null); }",
            "}");

    assertThat(compile(module(), type)).succeededWithoutWarnings();
  }

  @Test
  void everyBadFieldIsReported() {
    JavaFileObject type =
        source(
            "test.T",
            "@DataType(name = \"hellotype\")",
            "public class T {",
            "  private Object a;",
            "  final Thread b = null;",
            "  @Since(1) int c;",
            "}");

    Compilation compilation = compile(module(), type);

    assertThat(compilation).hadErrorCount(5);
    assertThat(compilation).hadErrorContaining("The field a of T is private");
    assertThat(compilation).hadErrorContaining("The field a of type Object cannot persist");
    assertThat(compilation).hadErrorContaining("The field b of T is final");
    assertThat(compilation).hadErrorContaining("The field b of type Thread cannot persist");
    assertThat(compilation).hadErrorContaining("@Since(1) on field c is after the encver");
  }

  @Test
  void classBothDataTypeAndPersistableIsReportedOnce() {
    JavaFileObject type =
        source(
            "test.T",
            "@DataType(name = \"hellotype\")",
            "@Persistable",
            "public class T {",
            "  Object cache;",
            "}");

    Compilation compilation = compile(module(), type);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("The field cache of type Object cannot persist");
  }
}
