package io.jrm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jrm.processor.GeneratedClasses.contents;
import static io.jrm.processor.Sources.compile;
import static io.jrm.processor.Sources.module;
import static io.jrm.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** What {@code @DataType} and {@code @Persistable} classes generate. */
class DataTypeGenerationTest {
  /** The Java port of the type of Redis's {@code src/modules/hellotype.c}. */
  static final JavaFileObject HELLO_TYPE =
      source(
          "test.HelloType",
          "@DataType(name = \"hellotype\", encver = 0)",
          "public class HelloType {",
          "  List<Long> values = new ArrayList<>();",
          "}");

  static final JavaFileObject NULLABLE = source("test.Nullable", "public @interface Nullable {}");

  static final JavaFileObject COLOR =
      source("test.Color", "public enum Color { RED, GREEN, BLUE }");

  /** A persistable class with a nested one, a field added later and a nullable field. */
  static final JavaFileObject POINT =
      source(
          "test.geo.Point",
          "import test.Nullable;",
          "@Persistable",
          "public class Point {",
          "  public int x;",
          "  public int y;",
          "  @Since(2) @Nullable public String label;",
          "  public Point() {}",
          "  public Point(int x, int y) { this.x = x; this.y = y; }",
          "}");

  /** A codec that stores an {@code Instant} as epoch milliseconds. */
  static final JavaFileObject EPOCH_MILLIS =
      source(
          "test.EpochMillis",
          "import java.time.Instant;",
          "public final class EpochMillis implements FieldCodec<Instant> {",
          "  public void save(Instant value, RdbOutput out) { out.saveSigned(value.toEpochMilli());"
              + " }",
          "  public Instant load(RdbInput in, int encver) {",
          "    return Instant.ofEpochMilli(in.loadSigned());",
          "  }",
          "}");

  /** A codec for a primitive field, which sees the box: a {@code long} as hexadecimal text. */
  static final JavaFileObject HEX =
      source(
          "test.Hex",
          "class Hex implements FieldCodec<Long> {",
          "  public void save(Long value, RdbOutput out) {",
          "    out.saveStringBuffer(Long.toHexString(value).getBytes());",
          "  }",
          "  public Long load(RdbInput in, int encver) {",
          "    return Long.parseUnsignedLong(new String(in.loadStringBuffer()), 16);",
          "  }",
          "}");

  /**
   * A codec field between two ordinary fields, then one on a primitive, then a nullable one added
   * by encver 1.
   */
  static final JavaFileObject STAMPED =
      source(
          "test.Stamped",
          "import java.time.Instant;",
          "@DataType(name = \"stamped-1\", encver = 1)",
          "public class Stamped {",
          "  String before;",
          "  @Codec(EpochMillis.class) Instant createdAt;",
          "  long after;",
          "  @Codec(Hex.class) long mask;",
          "  @Since(1) @Nullable @Codec(EpochMillis.class) Instant seen = Instant.EPOCH;",
          "}");

  @Test
  void helloTypeGeneratesItsTypeDefinition() {
    Compilation compilation = compile(module(), HELLO_TYPE);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedClasses.source(compilation, "test", "JrmType_HelloType"))
        .isEqualTo(
            """
            package test;

            import io.jrm.RdbInput;
            import io.jrm.RdbOutput;
            import io.jrm.RedisException;
            import io.jrm.spi.TypeDefinition;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Objects;
            import javax.annotation.processing.Generated;

            /**
             * The data type {@code hellotype}, generated from {@link test.HelloType}.
             */
            @Generated("io.jrm.processor.ModuleProcessor")
            public final class JrmType_HelloType implements TypeDefinition<HelloType> {
              private static final String NAME = "hellotype";

              private static final int ENCVER = 0;

              public JrmType_HelloType() {
              }

              @Override
              public String name() {
                return NAME;
              }

              @Override
              public int encver() {
                return ENCVER;
              }

              @Override
              public Class<HelloType> type() {
                return HelloType.class;
              }

              @Override
              public void save(HelloType value, RdbOutput out) {
                Objects.requireNonNull(value.values, "field values of HelloType is null: mark it @Nullable or set it");
                out.saveUnsigned(value.values.size());
                for (Long valuesElement : value.values) {
                  Objects.requireNonNull(valuesElement, "field values of HelloType holds a null element: persisted collections and arrays cannot hold null");
                  out.saveSigned(valuesElement);
                }
              }

              @Override
              public HelloType load(RdbInput in, int encver) {
                if (encver > ENCVER) {
                  throw new RedisException("ERR cannot load hellotype data of encver " + encver + ": this module reads encver 0 to " + ENCVER);
                }
                HelloType value = new HelloType();
                int valuesSize = loadSize(in, "values");
                List<Long> values = new ArrayList<>();
                for (int valuesIndex = 0; valuesIndex < valuesSize; valuesIndex++) {
                  values.add(in.loadSigned());
                }
                value.values = values;
                return value;
              }

              /**
               * A collection or array size: {@code LoadUnsigned} returns a long, and a negative one is a huge unsigned size.
               */
              private static int loadSize(RdbInput in, String what) {
                long size = in.loadUnsigned();
                if (size < 0 || size > Integer.MAX_VALUE) {
                  throw corrupt("size of " + what + " out of range");
                }
                return (int) size;
              }

              /**
               * The error that fails the load of corrupt data.
               */
              private static RedisException corrupt(String what) {
                return new RedisException("ERR corrupt hellotype value: " + what);
              }
            }
            """);
  }

  @Test
  void moduleListsItsTypesOrderedByName() {
    JavaFileObject other =
        source(
            "test.more.Other",
            "@DataType(name = \"anothertp\", encver = 3)",
            "public class Other { int count; }");

    Compilation compilation = compile(module(), HELLO_TYPE, other);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedClasses.source(compilation, "test", "JrmModule_Mod"))
        .contains(
            """
              private static final List<TypeDefinition<?>> TYPES = List.of(
                  new JrmType_Other(),
                  new JrmType_HelloType());
            """)
        .contains("import test.more.JrmType_Other;\n")
        .contains(
            """
              @Override
              public List<TypeDefinition<?>> types() {
                return TYPES;
              }
            """);
    assertThat(contents(compilation, StandardLocation.CLASS_OUTPUT, "", "META-INF/jrm/mod.c"))
        .contains(
            """
            #define JRM_COMMAND_COUNT 0
            #define JRM_FOR_EACH_COMMAND(X)
            #define JRM_TYPE_COUNT 2
            #define JRM_FOR_EACH_TYPE(X) X(0) X(1)
            """);
  }

  @Test
  void moduleWithoutTypesKeepsTheDefaultTypes() {
    Compilation compilation = compile(module());

    assertThat(GeneratedClasses.source(compilation, "test", "JrmModule_Mod"))
        .doesNotContain("types()")
        .doesNotContain("TypeDefinition");
    assertThat(contents(compilation, StandardLocation.CLASS_OUTPUT, "", "META-INF/jrm/mod.c"))
        .contains("#define JRM_TYPE_COUNT 0\n#define JRM_FOR_EACH_TYPE(X)\n");
  }

  @Test
  void persistableGeneratesStaticSerializers() {
    JavaFileObject shape =
        source(
            "test.Shape",
            "import test.geo.Point;",
            "@DataType(name = \"shape-v03\", encver = 2)",
            "public class Shape {",
            "  Point center = new Point();",
            "  List<Point> corners = new ArrayList<>();",
            "}");

    Compilation compilation = compile(module(), NULLABLE, POINT, shape);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedClasses.source(compilation, "test.geo", "JrmPersist_Point"))
        .contains("public final class JrmPersist_Point {")
        .contains("  private JrmPersist_Point() {\n")
        .contains(
            """
              public static void save(Point value, RdbOutput out) {
                out.saveSigned(value.x);
                out.saveSigned(value.y);
                if (value.label == null) {
                  out.saveUnsigned(0);
                } else {
                  out.saveUnsigned(1);
                  out.saveStringBuffer(value.label.getBytes(StandardCharsets.UTF_8));
                }
              }
            """)
        .contains(
            """
              public static Point load(RdbInput in, int encver) {
                Point value = new Point();
                value.x = loadInt(in, "x");
                value.y = loadInt(in, "y");
                if (encver >= 2) {
                  if (loadPresent(in, "label")) {
                    value.label = new String(in.loadStringBuffer(), StandardCharsets.UTF_8);
                  } else {
                    value.label = null;
                  }
                }
                return value;
              }
            """)
        .contains("return new RedisException(\"ERR corrupt Point value: \" + what);");
    assertThat(GeneratedClasses.source(compilation, "test", "JrmType_Shape"))
        .contains("import test.geo.JrmPersist_Point;")
        .contains("    JrmPersist_Point.save(value.center, out);\n")
        .contains("    value.center = JrmPersist_Point.load(in, encver);\n")
        .contains("      corners.add(JrmPersist_Point.load(in, encver));\n");
  }

  @Test
  void setsAndMapsAreWrittenInCanonicalOrderForDigests() {
    JavaFileObject type =
        source(
            "test.Tags",
            "@DataType(name = \"tags-type\")",
            "public class Tags {",
            "  Set<String> tags;",
            "  TreeMap<String, Long> scores;",
            "}");

    Compilation compilation = compile(module(), type);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedClasses.source(compilation, "test", "JrmType_Tags"))
        .contains(
            """
                out.saveUnsigned(value.tags.size());
                Collection<String> tagsInOrder = out.canonical()
                    ? Canonical.sorted(value.tags, (tagsOut, tagsElement) -> {
                      Objects.requireNonNull(tagsElement, "field tags of Tags holds a null element: persisted collections and arrays cannot hold null");
                      tagsOut.saveStringBuffer(tagsElement.getBytes(StandardCharsets.UTF_8));
                    })
                    : value.tags;
                for (String tagsElement : tagsInOrder) {
            """)
        .contains(
            """
                Collection<Map.Entry<String, Long>> scoresInOrder = out.canonical()
                    ? Canonical.sortedEntries(value.scores, (scoresOut, scoresKey) -> {
                      Objects.requireNonNull(scoresKey, "field scores of Tags holds a null key: persisted collections and arrays cannot hold null");
                      scoresOut.saveStringBuffer(scoresKey.getBytes(StandardCharsets.UTF_8));
                    })
                    : value.scores.entrySet();
                for (Map.Entry<String, Long> scoresEntry : scoresInOrder) {
            """)
        // Loaded into the declared class when it can be created, else a LinkedHashSet.
        .contains("    Set<String> tags = new LinkedHashSet<>();\n")
        .contains("    TreeMap<String, Long> scores = new TreeMap<>();\n");
  }

  @Test
  void everyKindOfFieldCompiles() {
    JavaFileObject type =
        source(
            "test.Everything",
            "import test.geo.Point;",
            "@DataType(name = \"every-one\", encver = 5)",
            "public class Everything {",
            "  boolean a; char b; byte c; short d; int e; long f; float g; double h;",
            "  Boolean ab; Character bb; Byte cb; Short db; Integer eb; Long fb; Float gb; Double"
                + " hb;",
            "  String text; byte[] raw; Color color; Point point;",
            "  int[] ints; Byte[] boxedBytes; String[][] grid; Color[] colors; Point[] points;",
            "  List<List<String>> lists; Set<Set<Color>> sets; Map<String, Map<Long, Point>> maps;",
            "  ArrayList<Character> chars; LinkedList<Short> shorts; TreeSet<String> sorted;",
            "  HashMap<Color, int[]> byColor; Map<List<String>, Set<Long>> composite;",
            "  @Nullable List<String> maybeList; @Nullable Point maybePoint; @Nullable Integer"
                + " maybe;",
            "  @Since(5) Map<Boolean, Double> latest;",
            "}");

    Compilation compilation = compile(module(), NULLABLE, COLOR, POINT, type);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void customEncodingDelegatesToTheClass() {
    JavaFileObject type =
        source(
            "test.Counter",
            "@DataType(name = \"counter00\", encver = 1)",
            "public final class Counter {",
            "  private long count;",
            "  public void rdbSave(RdbOutput out) { out.saveSigned(count); }",
            "  public static Counter rdbLoad(RdbInput in, int encver) {",
            "    Counter c = new Counter();",
            "    c.count = in.loadSigned();",
            "    return c;",
            "  }",
            "  public void upgrade(int fromEncver) {}",
            "}");

    Compilation compilation = compile(module(), type);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedClasses.source(compilation, "test", "JrmType_Counter"))
        .contains(
            """
              @Override
              public void save(Counter value, RdbOutput out) {
                value.rdbSave(out);
              }

              @Override
              public Counter load(RdbInput in, int encver) {
                if (encver > ENCVER) {
                  throw new RedisException("ERR cannot load counter00 data of encver " + encver + ": this module reads encver 0 to " + ENCVER);
                }
                Counter value = Objects.requireNonNull(Counter.rdbLoad(in, encver), "Counter.rdbLoad returned null");
                if (encver < ENCVER) {
                  value.upgrade(encver);
                }
                return value;
              }
            """)
        .doesNotContain("corrupt")
        .doesNotContain("rewritesAof");
  }

  @Test
  void aofRewriteIsDelegatedOnlyWhenDeclared() {
    JavaFileObject type =
        source(
            "test.Logged",
            "@DataType(name = \"logged-00\")",
            "public class Logged {",
            "  long count;",
            "  public void aofRewrite(AofOutput aof, RedisString key) {",
            "    aof.emit(\"SET\", key, count);",
            "  }",
            "}");

    Compilation compilation = compile(module(), type, HELLO_TYPE);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedClasses.source(compilation, "test", "JrmType_Logged"))
        .contains(
            """
              @Override
              public boolean rewritesAof() {
                return true;
              }

              @Override
              public void rewriteAof(Logged value, RedisString key, AofOutput aof) {
                value.aofRewrite(aof, key);
              }
            """);
    assertThat(GeneratedClasses.source(compilation, "test", "JrmType_HelloType"))
        .doesNotContain("rewritesAof");
  }

  @Test
  void validateLoadedRunsAfterTheUpgradeAndItsFailureFailsTheLoad() {
    JavaFileObject type =
        source(
            "test.Checked",
            "@DataType(name = \"checked-0\", encver = 1)",
            "public class Checked {",
            "  long count;",
            "  public void upgrade(int fromEncver) {}",
            "  public void validateLoaded() {",
            "    if (count < 0) throw new IllegalArgumentException(\"negative count\");",
            "  }",
            "}");

    Compilation compilation = compile(module(), type, HELLO_TYPE);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedClasses.source(compilation, "test", "JrmType_Checked"))
        .contains(
            """
                if (encver < ENCVER) {
                  value.upgrade(encver);
                }
                try {
                  value.validateLoaded();
                } catch (RuntimeException e) {
                  throw new RedisException("ERR invalid checked-0 value: " + e.getMessage());
                }
                return value;
            """);
    assertThat(GeneratedClasses.source(compilation, "test", "JrmType_HelloType"))
        .doesNotContain("validateLoaded");
  }

  @Test
  void nestedDataTypeClassIsNamedAfterAllEnclosingClasses() {
    JavaFileObject outer =
        source(
            "test.Outer",
            "public class Outer {",
            "  @DataType(name = \"inner-typ\")",
            "  public static class Inner { long n; }",
            "}");

    Compilation compilation = compile(module(), outer);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedClasses.source(compilation, "test", "JrmType_Outer_Inner"))
        .contains("public final class JrmType_Outer_Inner implements TypeDefinition<Outer.Inner>");
  }

  @Test
  void codecFieldsAreSavedAndLoadedByOneCodecInstanceEach() {
    Compilation compilation = compile(module(), NULLABLE, EPOCH_MILLIS, HEX, STAMPED);

    assertThat(compilation).succeededWithoutWarnings();
    String generated = GeneratedClasses.source(compilation, "test", "JrmType_Stamped");
    assertThat(generated)
        .contains(
            """
              private static final EpochMillis CREATED_AT_CODEC = new EpochMillis();

              private static final Hex MASK_CODEC = new Hex();

              private static final EpochMillis SEEN_CODEC = new EpochMillis();
            """)
        .contains(
            """
                out.saveSigned(value.after);
                MASK_CODEC.save(value.mask, out);
                if (value.seen == null) {
                  out.saveUnsigned(0);
                } else {
                  out.saveUnsigned(1);
                  SEEN_CODEC.save(value.seen, out);
                }
            """)
        .contains(
            """
                Objects.requireNonNull(value.createdAt, "field createdAt of Stamped is null: mark it @Nullable or set it");
                CREATED_AT_CODEC.save(value.createdAt, out);
            """)
        .contains(
            """
                value.createdAt = CREATED_AT_CODEC.load(in, encver);
                value.after = in.loadSigned();
                value.mask = MASK_CODEC.load(in, encver);
                if (encver >= 1) {
                  if (loadPresent(in, "seen")) {
                    value.seen = SEEN_CODEC.load(in, encver);
                  } else {
                    value.seen = null;
                  }
                }
            """);
  }

  @Test
  void persistableClassesUseCodecsToo() {
    JavaFileObject event =
        source(
            "test.Event",
            "import java.time.Instant;",
            "@Persistable",
            "public class Event { @Codec(EpochMillis.class) Instant at; }");

    Compilation compilation = compile(module(), EPOCH_MILLIS, event);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedClasses.source(compilation, "test", "JrmPersist_Event"))
        .contains("private static final EpochMillis AT_CODEC = new EpochMillis();")
        .contains("AT_CODEC.save(value.at, out);")
        .contains("value.at = AT_CODEC.load(in, encver);");
  }

  @Test
  void fieldNamesThatClashWithParametersStillCompile() {
    JavaFileObject type =
        source(
            "test.Clash",
            "@DataType(name = \"clash-typ\")",
            "public class Clash {",
            "  List<String> value; Set<Long> out; Map<String, String> in; int[] encver;",
            "  List<String> valueElement; List<List<String>> Objects;",
            "}");

    assertThat(compile(module(), type)).succeededWithoutWarnings();
  }
}
