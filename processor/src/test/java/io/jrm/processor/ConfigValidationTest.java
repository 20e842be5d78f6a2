package io.jrm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jrm.processor.Sources.compile;
import static io.jrm.processor.Sources.module;
import static io.jrm.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Config} fields: what compiles, what the definition registers, and the errors. */
class ConfigValidationTest {
  @Test
  void fieldsOfEachTypeAreRegisteredWithTheirFlagsAndRange() {
    JavaFileObject mod =
        module(
            "  public enum Mode { FAST, SAFE }",
            "  @Config(name = \"verbose\") static volatile boolean verbose;",
            "  @Config(name = \"limit\", flags = \"memory immutable\", min = 0, max = 4096)",
            "  static volatile long limit = 1024;",
            "  @Config(name = \"greeting\", flags = \"sensitive\")",
            "  static volatile String greeting = \"hi\";",
            "  @Config(name = \"mode\") static volatile Mode mode = Mode.FAST;");

    Compilation compilation = compile(mod);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.JrmModule_Mod")
        .contentsAsUtf8String()
        .contains(
            "ctx.registerBoolConfig(\"verbose\", Mod.verbose, EnumSet.noneOf(ConfigFlag.class), n"
                + " -> Mod.verbose, (n, v) -> Mod.verbose = v, null);");
    assertThat(compilation)
        .generatedSourceFile("test.JrmModule_Mod")
        .contentsAsUtf8String()
        .contains(
            "ctx.registerNumericConfig(\"limit\", Mod.limit, EnumSet.of(ConfigFlag.MEMORY,"
                + " ConfigFlag.IMMUTABLE), 0L, 4096L, n -> Mod.limit, (n, v) -> Mod.limit = v,"
                + " null);");
    assertThat(compilation)
        .generatedSourceFile("test.JrmModule_Mod")
        .contentsAsUtf8String()
        .contains(
            "FieldConfigs.string(ctx, \"greeting\", EnumSet.of(ConfigFlag.SENSITIVE), () ->"
                + " Mod.greeting, v -> Mod.greeting = v);");
    assertThat(compilation)
        .generatedSourceFile("test.JrmModule_Mod")
        .contentsAsUtf8String()
        .contains(
            "FieldConfigs.enumeration(ctx, \"mode\", EnumSet.noneOf(ConfigFlag.class),"
                + " Mod.Mode.class, () -> Mod.mode, v -> Mod.mode = v);");
  }

  @Test
  void aFieldThatIsNotStaticVolatileIsAnError() {
    JavaFileObject mod = module("  @Config(name = \"count\") static long count;");

    assertThat(compile(mod))
        .hadErrorContaining(
            "@Config field test.Mod.count must be static volatile, and neither final nor private")
        .inFile(mod)
        .onLineContaining("@Config(name = \"count\")");
  }

  @Test
  void aPrivateFieldIsAnError() {
    JavaFileObject mod = module("  @Config(name = \"count\") private static volatile long count;");

    assertThat(compile(mod)).hadErrorContaining("must be static volatile, and neither final nor");
  }

  @Test
  void aTypeNoConfigHoldsIsAnError() {
    JavaFileObject mod = module("  @Config(name = \"ratio\") static volatile double ratio;");

    assertThat(compile(mod))
        .hadErrorContaining(
            "@Config field test.Mod.ratio has type double; a config field is a boolean, long,"
                + " String or enum");
  }

  @Test
  void anUnknownFlagIsAnError() {
    JavaFileObject mod =
        module(
            "  @Config(name = \"on\", flags = \"immutable bitflags\") static volatile boolean on;");

    assertThat(compile(mod))
        .hadErrorContaining("Unknown config flag 'bitflags' on test.Mod.on; the flags are");
  }

  @Test
  void theMemoryFlagOnAnythingButALongIsAnError() {
    JavaFileObject mod =
        module("  @Config(name = \"on\", flags = \"memory\") static volatile boolean on;");

    assertThat(compile(mod))
        .hadErrorContaining("Config flag memory on test.Mod.on is for a long only.");
  }

  @Test
  void aMinimumAboveTheMaximumIsAnError() {
    JavaFileObject mod =
        module("  @Config(name = \"n\", min = 10, max = 1) static volatile long n = 5;");

    assertThat(compile(mod)).hadErrorContaining("Config test.Mod.n has min 10 above max 1.");
  }

  @Test
  void aNameRedisRefusesIsAnError() {
    JavaFileObject mod = module("  @Config(name = \"max.items\") static volatile long n;");

    assertThat(compile(mod))
        .hadErrorContaining("Config name 'max.items' of test.Mod.n is not one Redis takes");
  }

  @Test
  void twoFieldsWithOneNameAreAnError() {
    JavaFileObject mod =
        module(
            "  @Config(name = \"level\") static volatile long level;",
            "  @Config(name = \"LEVEL\") static volatile long other;");

    assertThat(compile(mod))
        .hadErrorContaining("Config name LEVEL is already the name of test.Mod.level")
        .inFile(mod)
        .onLineContaining("@Config(name = \"LEVEL\")");
  }

  @Test
  void aPackagePrivateFieldOutsideTheModulePackageIsAnError() {
    JavaFileObject mod = module();
    JavaFileObject other =
        source(
            "other.Settings",
            "public final class Settings {",
            "  @Config(name = \"n\") static volatile long n;",
            "}");

    assertThat(compile(mod, other))
        .hadErrorContaining(
            "@Config field other.Settings.n is outside the package of the @RedisModule class, so"
                + " it must be public.");
  }

  @Test
  void aConfigWithoutModuleIsAnError() {
    JavaFileObject settings =
        source(
            "test.Settings",
            "public final class Settings {",
            "  @Config(name = \"n\") static volatile long n;",
            "}");

    assertThat(compile(settings)).hadErrorContaining("@Config field n has no module");
  }
}
