package io.jrm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jrm.processor.Sources.compile;
import static io.jrm.processor.Sources.module;
import static io.jrm.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.jrm.AuxPhase;
import io.jrm.RedisException;
import io.jrm.spi.ModuleDefinition;
import io.jrm.spi.TypeDefinition;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the generated serializers do: each test loads the classes of one compilation and runs them
 * against the in-memory {@link Rdb}.
 */
class DataTypeBehaviourTest {
  private static ClassLoader loader;

  @BeforeAll
  static void compileTheTypes() throws Exception {
    Compilation compilation =
        compile(
            module(),
            DataTypeGenerationTest.NULLABLE,
            DataTypeGenerationTest.COLOR,
            DataTypeGenerationTest.POINT,
            DataTypeGenerationTest.HELLO_TYPE,
            DataTypeGenerationTest.EPOCH_MILLIS,
            DataTypeGenerationTest.HEX,
            DataTypeGenerationTest.STAMPED,
            source(
                "test.Profile",
                "import test.geo.Point;",
                "@DataType(name = \"profile-1\", encver = 2)",
                "public class Profile {",
                "  boolean active; char initial; byte level; short rank; int age; long id;",
                "  float ratio; double score; String name; byte[] avatar; Color color;",
                "  @Nullable String nickname; @Nullable Integer lucky;",
                "  int[] ints; String[][] grid; List<Point> path; Set<String> tags;",
                "  Map<String, Long> counts; TreeMap<Color, List<Integer>> byColor; Point home;",
                "  transient String cache = \"not saved\";",
                "}"),
            source(
                "test.Versioned",
                "@DataType(name = \"versioned\", encver = 2)",
                "public class Versioned {",
                "  long a;",
                "  @Since(1) long b = -1;",
                "  @Since(2) String c = \"default\";",
                "  transient int upgradedFrom = -1;",
                "  public void upgrade(int fromEncver) { upgradedFrom = fromEncver; }",
                "}"),
            source(
                "test.Route",
                "import test.geo.Point;",
                "@DataType(name = \"route-typ\", encver = 2)",
                "public class Route { Point start; }"),
            source(
                "test.Mixed",
                "@DataType(name = \"mixed-typ\")",
                "public class Mixed {",
                "  boolean on; int small; Color color; @Nullable String note; List<Long> list;",
                "}"),
            source(
                "test.Tags",
                "@DataType(name = \"tags-type\")",
                "public class Tags { Set<String> tags; Map<String, Long> scores; }"),
            source(
                "test.Counter",
                "@DataType(name = \"counter00\", encver = 1)",
                "public final class Counter {",
                "  public long count;",
                "  public transient int upgradedFrom = -1;",
                "  public void rdbSave(RdbOutput out) { out.saveSigned(count); }",
                "  public static Counter rdbLoad(RdbInput in, int encver) {",
                "    Counter c = new Counter();",
                "    c.count = in.loadSigned();",
                "    return c;",
                "  }",
                "  public void upgrade(int fromEncver) { upgradedFrom = fromEncver; }",
                "}"),
            source(
                "test.Checked",
                "@DataType(name = \"checked-0\")",
                "public class Checked {",
                "  long count;",
                "  public void validateLoaded() {",
                "    if (count < 0) throw new IllegalArgumentException(\"count \" + count + \" is negative\");",
                "  }",
                "}"),
            source(
                "test.Logged",
                "@DataType(name = \"logged-00\")",
                "public class Logged {",
                "  long count = 5;",
                "  public void aofRewrite(AofOutput aof, RedisString key) {",
                "    aof.emit(\"SET\", key, count);",
                "  }",
                "}"),
            source(
                "test.Sized",
                "@DataType(name = \"sized-000\")",
                "public class Sized {",
                "  long count = 5;",
                "  public long memUsage() { return 100 * count; }",
                "  public void free() { count = 0; }",
                "}"),
            source(
                "test.Global",
                "@DataType(name = \"global-00\", encver = 1)",
                "public class Global {",
                "  public static long total;",
                "  public static AuxPhase lastPhase;",
                "  public static void auxSave(RdbOutput out, AuxPhase phase) {",
                "    out.saveSigned(total);",
                "  }",
                "  public static void auxLoad(RdbInput in, int encver, AuxPhase phase) {",
                "    total = in.loadSigned();",
                "    lastPhase = phase;",
                "  }",
                "}"),
            source(
                "test.Triggered",
                "@DataType(name = \"trigger-0\")",
                "public class Triggered {",
                "  public static void auxSave(RdbOutput out, AuxPhase phase) {}",
                "  public static void auxLoad(RdbInput in, int encver, AuxPhase phase) {}",
                "  public static Set<AuxPhase> auxSaveTriggers() {",
                "    return EnumSet.allOf(AuxPhase.class);",
                "  }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    loader = new GeneratedClasses.Loader(compilation);
  }

  // ---- the encoding ----

  @Test
  void helloTypeWritesWhatRedisHellotypeWrites() throws Exception {
    Object value = create("test.HelloType");
    set(value, "values", new ArrayList<>(List.of(1L, -2L, 3L)));

    List<String> lines = save("HelloType", value);

    // hellotype.c's HelloTypeRdbSave: RedisModule_SaveUnsigned(len), then SaveSigned per element.
    assertThat(lines).containsExactly("unsigned 3", "signed 1", "signed -2", "signed 3");
    Object loaded = load("HelloType", 0, "unsigned 2", "signed 7", "signed -8");
    assertThat(get(loaded, "values")).isInstanceOf(ArrayList.class).isEqualTo(List.of(7L, -8L));
  }

  @Test
  void everyKindOfFieldHasItsEncodingAndRoundTrips() throws Exception {
    Object profile = create("test.Profile");
    set(profile, "active", true);
    set(profile, "initial", 'J');
    set(profile, "level", (byte) -3);
    set(profile, "rank", (short) 1000);
    set(profile, "age", 42);
    set(profile, "id", 1L << 40);
    set(profile, "ratio", 0.5f);
    set(profile, "score", 2.25);
    set(profile, "name", "Zoë");
    set(profile, "avatar", "ab".getBytes());
    set(profile, "color", color("GREEN"));
    set(profile, "nickname", null);
    set(profile, "lucky", 7);
    set(profile, "ints", new int[] {5, 6});
    set(profile, "grid", new String[][] {{"a"}, {}});
    set(profile, "path", List.of(point(1, 2, "p")));
    set(profile, "tags", new LinkedHashSet<>(List.of("y", "x")));
    set(profile, "counts", Map.of("k", 9L));
    set(profile, "byColor", new TreeMap<>(Map.of(color("RED"), List.of(1))));
    set(profile, "home", point(0, 0, null));

    List<String> lines = save("Profile", profile);

    assertThat(lines)
        .containsExactly(
            "unsigned 1", // active
            "unsigned 74", // initial 'J'
            "signed -3", // level
            "signed 1000", // rank
            "signed 42", // age
            "signed 1099511627776", // id
            "float 0.5", // ratio
            "double 2.25", // score
            "buffer Zoë", // name, UTF-8
            "buffer ab", // avatar
            "buffer GREEN", // color, by name
            "unsigned 0", // nickname: null
            "unsigned 1", // lucky: present
            "signed 7",
            "unsigned 2", // ints
            "signed 5",
            "signed 6",
            "unsigned 2", // grid
            "unsigned 1",
            "buffer a",
            "unsigned 0",
            "unsigned 1", // path
            "signed 1",
            "signed 2",
            "unsigned 1",
            "buffer p",
            "unsigned 2", // tags, in their own order
            "buffer y",
            "buffer x",
            "unsigned 1", // counts
            "buffer k",
            "signed 9",
            "unsigned 1", // byColor
            "buffer RED",
            "unsigned 1",
            "signed 1",
            "signed 0", // home
            "signed 0",
            "unsigned 0");

    Rdb.Input input = new Rdb.Input(lines);
    Object loaded = definition("Profile").load(input, 2);
    assertThat(input.exhausted()).isTrue();
    assertThat(save("Profile", loaded)).isEqualTo(lines);
    assertThat(get(loaded, "name")).isEqualTo("Zoë");
    assertThat(get(loaded, "initial")).isEqualTo('J');
    assertThat(get(loaded, "nickname")).isNull();
    assertThat(get(loaded, "cache")).isEqualTo("not saved");
    assertThat(get(loaded, "tags")).isInstanceOf(LinkedHashSet.class);
    assertThat(get(loaded, "counts")).isInstanceOf(LinkedHashMap.class);
    assertThat(get(loaded, "byColor")).isInstanceOf(TreeMap.class);
    assertThat((int[]) get(loaded, "ints")).containsExactly(5, 6);
  }

  @Test
  void nullsNeedNullable() throws Exception {
    Object value = create("test.HelloType");
    set(value, "values", null);

    assertThatThrownBy(() -> save("HelloType", value))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("field values of HelloType is null: mark it @Nullable or set it");

    set(value, "values", Arrays.asList(1L, null));
    assertThatThrownBy(() -> save("HelloType", value))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "field values of HelloType holds a null element: persisted collections and arrays"
                + " cannot hold null");
  }

  // ---- versions ----

  @Test
  void fieldsAddedLaterAreSkippedInOlderDataAndUpgradeRuns() throws Exception {
    Object fromEncver1 = load("Versioned", 1, "signed 10", "signed 20");
    assertThat(get(fromEncver1, "a")).isEqualTo(10L);
    assertThat(get(fromEncver1, "b")).isEqualTo(20L);
    assertThat(get(fromEncver1, "c")).isEqualTo("default");
    assertThat(get(fromEncver1, "upgradedFrom")).isEqualTo(1);

    Object fromEncver0 = load("Versioned", 0, "signed 10");
    assertThat(get(fromEncver0, "b")).isEqualTo(-1L);
    assertThat(get(fromEncver0, "upgradedFrom")).isEqualTo(0);

    Object current = load("Versioned", 2, "signed 10", "signed 20", "buffer new");
    assertThat(get(current, "c")).isEqualTo("new");
    assertThat(get(current, "upgradedFrom")).isEqualTo(-1);
  }

  @Test
  void persistableFieldsFollowTheEncverOfTheDataType() throws Exception {
    Object older = load("Route", 1, "signed 1", "signed 2");
    assertThat(get(get(older, "start"), "label")).isNull();

    Object current = load("Route", 2, "signed 1", "signed 2", "unsigned 1", "buffer here");
    assertThat(get(get(current, "start"), "label")).isEqualTo("here");
  }

  @Test
  void newerEncverIsRefused() {
    Rdb.Input input = new Rdb.Input("signed 10");

    assertThatThrownBy(() -> definition("Versioned").load(input, 3))
        .isInstanceOf(RedisException.class)
        .hasMessage("ERR cannot load versioned data of encver 3: this module reads encver 0 to 2");
    assertThat(input.exhausted()).isFalse();
  }

  // ---- corrupt data ----

  @Test
  void booleanOtherThanZeroOrOneIsCorrupt() {
    assertCorrupt("ERR corrupt mixed-typ value: on out of range", "unsigned 2");
  }

  @Test
  void intOutOfRangeIsCorrupt() {
    assertCorrupt(
        "ERR corrupt mixed-typ value: small out of range", "unsigned 1", "signed 3000000000");
  }

  @Test
  void unknownEnumConstantIsCorrupt() {
    assertCorrupt(
        "ERR corrupt mixed-typ value: color is not a Color constant: PURPLE",
        "unsigned 1",
        "signed 3",
        "buffer PURPLE");
  }

  @Test
  void nullFlagOtherThanZeroOrOneIsCorrupt() {
    assertCorrupt(
        "ERR corrupt mixed-typ value: null flag of note out of range",
        "unsigned 1",
        "signed 3",
        "buffer RED",
        "unsigned 7");
  }

  @Test
  void negativeSizeIsCorrupt() {
    assertCorrupt(
        "ERR corrupt mixed-typ value: size of list out of range",
        "unsigned 1",
        "signed 3",
        "buffer RED",
        "unsigned 0",
        "unsigned -1");
  }

  @Test
  void sizeAboveIntegerMaxValueIsCorrupt() {
    assertCorruptIn(
        "HelloType",
        "ERR corrupt hellotype value: size of values out of range",
        "unsigned 2147483648");
  }

  @Test
  void aRepeatedSetElementIsCorrupt() {
    assertCorruptIn(
        "Tags",
        "ERR corrupt tags-type value: duplicate element in tags",
        "unsigned 2",
        "buffer a",
        "buffer a");
  }

  @Test
  void aRepeatedMapKeyIsCorrupt() {
    assertCorruptIn(
        "Tags",
        "ERR corrupt tags-type value: duplicate key in scores",
        "unsigned 0",
        "unsigned 2",
        "buffer a",
        "signed 1",
        "buffer a",
        "signed 2");
  }

  @Test
  void corruptDataInAPersistableNamesItsClass() {
    assertThatThrownBy(() -> load("Route", 2, "signed 1", "signed 2", "unsigned 2"))
        .isInstanceOf(RedisException.class)
        .hasMessage("ERR corrupt Point value: null flag of label out of range");
  }

  @Test
  void aValueItsValidationRefusesFailsTheLoadWithItsMessage() throws Exception {
    assertThat(get(load("Checked", 0, "signed 3"), "count")).isEqualTo(3L);
    assertThatThrownBy(() -> load("Checked", 0, "signed -1"))
        .isInstanceOf(RedisException.class)
        .hasMessage("ERR invalid checked-0 value: count -1 is negative");
  }

  private static void assertCorrupt(String message, String... lines) {
    assertCorruptIn("Mixed", message, lines);
  }

  private static void assertCorruptIn(String type, String message, String... lines) {
    assertThatThrownBy(() -> load(type, 0, lines))
        .isInstanceOf(RedisException.class)
        .hasMessage(message);
  }

  // ---- digests ----

  @Test
  @SuppressWarnings("unchecked")
  void canonicalOutputOrdersSetsAndMapsSoThatEqualContentDigestsEqually() throws Exception {
    Object first = create("test.Tags");
    set(first, "tags", new LinkedHashSet<>(List.of("b", "c", "a")));
    set(first, "scores", new LinkedHashMap<>(Map.of("y", 2L)));
    ((Map<String, Long>) get(first, "scores")).put("x", 1L);
    Object second = create("test.Tags");
    set(second, "tags", new LinkedHashSet<>(List.of("c", "a", "b")));
    set(second, "scores", new LinkedHashMap<>(Map.of("x", 1L)));
    ((Map<String, Long>) get(second, "scores")).put("y", 2L);

    assertThat(save("Tags", first)).isNotEqualTo(save("Tags", second));
    Rdb.Output canonical = new Rdb.Output(true);
    definition("Tags").save(first, canonical);
    assertThat(canonical.lines())
        .containsExactly(
            "unsigned 3",
            "buffer a",
            "buffer b",
            "buffer c",
            "unsigned 2",
            "buffer x",
            "signed 1",
            "buffer y",
            "signed 2");
    Rdb.Output secondCanonical = new Rdb.Output(true);
    definition("Tags").save(second, secondCanonical);
    assertThat(secondCanonical.lines()).isEqualTo(canonical.lines());
  }

  // ---- the class's own methods ----

  @Test
  void customEncodingIsDelegatedAndStillChecksTheEncver() throws Exception {
    Object counter = create("test.Counter");
    set(counter, "count", 5L);

    assertThat(save("Counter", counter)).containsExactly("signed 5");
    Object older = load("Counter", 0, "signed 6");
    assertThat(get(older, "count")).isEqualTo(6L);
    assertThat(get(older, "upgradedFrom")).isEqualTo(0);
    assertThat(get(load("Counter", 1, "signed 6"), "upgradedFrom")).isEqualTo(-1);
    assertThatThrownBy(() -> load("Counter", 2, "signed 6"))
        .isInstanceOf(RedisException.class)
        .hasMessage("ERR cannot load counter00 data of encver 2: this module reads encver 0 to 1");
  }

  @Test
  void aofRewriteIsDelegatedWhenDeclared() throws Exception {
    TypeDefinition<Object> logged = definition("Logged");
    List<Object> emitted = new ArrayList<>();

    logged.rewriteAof(
        create("test.Logged"),
        null,
        (command, args) -> {
          emitted.add(command);
          emitted.addAll(Arrays.asList(args));
        });

    assertThat(logged.rewritesAof()).isTrue();
    assertThat(emitted).containsExactly("SET", null, 5L);
    assertThat(definition("HelloType").rewritesAof()).isFalse();
  }

  @Test
  void memUsageIsDelegatedWhenDeclared() throws Exception {
    TypeDefinition<Object> sized = definition("Sized");

    assertThat(sized.hasMemUsage()).isTrue();
    assertThat(sized.memUsage(create("test.Sized"))).isEqualTo(500L);
    assertThat(definition("HelloType").hasMemUsage()).isFalse();
  }

  @Test
  void freeIsDelegatedWhenDeclared() throws Exception {
    TypeDefinition<Object> sized = definition("Sized");
    Object value = create("test.Sized");

    assertThat(sized.hasFree()).isTrue();
    sized.free(value);
    assertThat(get(value, "count")).isEqualTo(0L);
    assertThat(definition("HelloType").hasFree()).isFalse();
  }

  // ---- codecs ----

  @Test
  void codecFieldsAreWrittenByTheirCodecsInPlaceAndRoundTrip() throws Exception {
    Object stamped = create("test.Stamped");
    set(stamped, "before", "b");
    set(stamped, "createdAt", Instant.ofEpochMilli(1234));
    set(stamped, "after", 5L);
    set(stamped, "mask", 255L);
    set(stamped, "seen", Instant.ofEpochMilli(9));

    List<String> lines = save("Stamped", stamped);

    assertThat(lines)
        .containsExactly(
            "buffer b", "signed 1234", "signed 5", "buffer ff", "unsigned 1", "signed 9");
    Object loaded = load("Stamped", 1, lines.toArray(String[]::new));
    assertThat(get(loaded, "before")).isEqualTo("b");
    assertThat(get(loaded, "createdAt")).isEqualTo(Instant.ofEpochMilli(1234));
    assertThat(get(loaded, "after")).isEqualTo(5L);
    assertThat(get(loaded, "mask")).isEqualTo(255L);
    assertThat(get(loaded, "seen")).isEqualTo(Instant.ofEpochMilli(9));
  }

  @Test
  void nullableCodecFieldWritesTheNullFlagWithoutCallingTheCodec() throws Exception {
    Object stamped = create("test.Stamped");
    set(stamped, "before", "b");
    set(stamped, "createdAt", Instant.ofEpochMilli(1));
    set(stamped, "seen", null);

    List<String> lines = save("Stamped", stamped);

    assertThat(lines).containsExactly("buffer b", "signed 1", "signed 0", "buffer 0", "unsigned 0");
    assertThat(get(load("Stamped", 1, lines.toArray(String[]::new)), "seen")).isNull();
  }

  @Test
  void codecFieldAddedLaterIsNotReadFromOlderData() throws Exception {
    Object loaded = load("Stamped", 0, "buffer b", "signed 1", "signed 2", "buffer a");

    assertThat(get(loaded, "createdAt")).isEqualTo(Instant.ofEpochMilli(1));
    assertThat(get(loaded, "mask")).isEqualTo(10L);
    assertThat(get(loaded, "seen")).isEqualTo(Instant.EPOCH);
  }

  @Test
  void codecFieldThatIsNotNullableMustBeSet() throws Exception {
    Object stamped = create("test.Stamped");
    set(stamped, "before", "b");

    assertThatThrownBy(() -> save("Stamped", stamped))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("field createdAt of Stamped is null: mark it @Nullable or set it");
  }

  // ---- identity ----

  @Test
  void definitionsKnowTheirTypeAndTheModuleListsThemByName() throws Exception {
    TypeDefinition<Object> hello = definition("HelloType");
    assertThat(hello.name()).isEqualTo("hellotype");
    assertThat(hello.encver()).isZero();
    assertThat(hello.type()).isSameAs(loader.loadClass("test.HelloType"));

    ModuleDefinition module =
        (ModuleDefinition) loader.loadClass("test.JrmModule_Mod").getConstructor().newInstance();
    assertThat(module.types())
        .extracting(TypeDefinition::name)
        .containsExactly(
            "checked-0",
            "counter00",
            "global-00",
            "hellotype",
            "logged-00",
            "mixed-typ",
            "profile-1",
            "route-typ",
            "sized-000",
            "stamped-1",
            "tags-type",
            "trigger-0",
            "versioned");
  }

  // ---- module-wide state (aux) ----

  @Test
  void auxMethodsReachTheClassStaticMethods() throws Exception {
    TypeDefinition<Object> global = definition("Global");
    Class<?> type = loader.loadClass("test.Global");
    type.getField("total").set(null, 42L);
    Rdb.Output out = new Rdb.Output();
    global.auxSave(out, AuxPhase.BEFORE_RDB);
    assertThat(out.lines()).containsExactly("signed 42");

    Rdb.Input input = new Rdb.Input("signed -7");
    global.auxLoad(input, 1, AuxPhase.AFTER_RDB);
    assertThat(input.exhausted()).isTrue();
    assertThat(type.getField("total").get(null)).isEqualTo(-7L);
    assertThat(type.getField("lastPhase").get(null)).isEqualTo(AuxPhase.AFTER_RDB);
    assertThat(global.hasAux()).isTrue();
    assertThat(definition("HelloType").hasAux()).isFalse();
  }

  @Test
  void auxIsSavedBeforeTheKeyspaceUnlessTheClassSaysWhen() throws Exception {
    assertThat(definition("Global").auxSaveTriggers()).containsExactly(AuxPhase.BEFORE_RDB);
    assertThat(definition("Triggered").auxSaveTriggers())
        .containsExactlyInAnyOrder(AuxPhase.BEFORE_RDB, AuxPhase.AFTER_RDB);
  }

  @Test
  void auxOfANewerEncverIsRefused() throws Exception {
    assertThatThrownBy(
            () -> definition("Global").auxLoad(new Rdb.Input("signed 1"), 2, AuxPhase.BEFORE_RDB))
        .isInstanceOf(RedisException.class)
        .hasMessage(
            "ERR cannot load global-00 module-wide state of encver 2: this module reads encver 0"
                + " to 1");
  }

  // ---- reflection helpers ----

  @SuppressWarnings("unchecked")
  private static TypeDefinition<Object> definition(String simpleName) throws Exception {
    return (TypeDefinition<Object>)
        loader.loadClass("test.JrmType_" + simpleName).getConstructor().newInstance();
  }

  private static List<String> save(String simpleName, Object value) throws Exception {
    Rdb.Output out = new Rdb.Output();
    definition(simpleName).save(value, out);
    return out.lines();
  }

  private static Object load(String simpleName, int encver, String... lines) throws Exception {
    Rdb.Input input = new Rdb.Input(lines);
    Object value = definition(simpleName).load(input, encver);
    assertThat(input.exhausted()).as("all lines read").isTrue();
    return value;
  }

  private static Object create(String className) throws Exception {
    var constructor = loader.loadClass(className).getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }

  private static Object point(int x, int y, String label) throws Exception {
    Object point =
        loader.loadClass("test.geo.Point").getConstructor(int.class, int.class).newInstance(x, y);
    set(point, "label", label);
    return point;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object color(String name) throws Exception {
    return Enum.valueOf((Class) loader.loadClass("test.Color"), name);
  }

  private static Field field(Object target, String name) throws Exception {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  private static void set(Object target, String name, Object value) throws Exception {
    field(target, name).set(target, value);
  }

  private static Object get(Object target, String name) throws Exception {
    return field(target, name).get(target);
  }
}
