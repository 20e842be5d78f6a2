package io.jrm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jrm.processor.Sources.compile;
import static io.jrm.processor.Sources.module;
import static io.jrm.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Each misuse of typed command parameters is one error, on the parameter (or method) at fault. */
class TypedParameterValidationTest {
  /** Compiles a module whose one command has {@code parameters} and expects exactly the error. */
  private static void assertError(String message, String line, String parameters) {
    assertErrorIn(message, line, "@RedisCommand(name = \"a.cmd\")", parameters);
  }

  private static void assertErrorIn(
      String message, String line, String annotation, String parameters) {
    JavaFileObject mod =
        module(
            "  public enum Mode { ADD, REMOVE }",
            "  public enum Clash { On, ON }",
            "  " + annotation,
            "  public static void cmd(",
            "      " + parameters + ") {}");
    Compilation compilation =
        compile(mod, source("test.Nullable", "public @interface Nullable {}"));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(mod).onLineContaining(line);
  }

  @Test
  void unsupportedTypeIsAnError() {
    assertError(
        "Parameter when has the unsupported type java.util.Date; a command parameter after the"
            + " Context is one of: RedisString, String, byte[], long, int, double, boolean",
        "Date when",
        "Context ctx, java.util.Date when");
  }

  @Test
  void unsupportedPrimitiveIsAnError() {
    assertError(
        "Parameter ratio has the unsupported type float",
        "float ratio",
        "Context ctx, float ratio");
  }

  @Test
  void primitiveArrayOtherThanBytesIsAnError() {
    assertError(
        "Parameter values has the unsupported type int[]",
        "int[] values",
        "Context ctx, int[] values");
  }

  @Test
  void genericListOtherThanRedisStringsIsAnError() {
    assertError(
        "Parameter names has the unsupported type java.util.List<java.lang.String>",
        "List<String> names",
        "Context ctx, List<String> names");
  }

  @Test
  void optionalOfAnUnsupportedTypeIsAnError() {
    assertError(
        "Parameter limit has the unsupported type java.util.Optional<java.lang.Float>",
        "Optional<Float> limit",
        "Context ctx, Optional<Float> limit");
  }

  @Test
  void keyOnANonStringIsAnError() {
    assertError(
        "@KeyName parameter key is java.lang.String, but a key name is a RedisString (what"
            + " Context.openKey takes); declare it as RedisString or remove @KeyName.",
        "String key",
        "Context ctx, @KeyName String key");
  }

  @Test
  void keyOnAnOptionalIsAnError() {
    assertError(
        "@KeyName parameter key is optional, but Redis's key positions (firstKey, lastKey,"
            + " keyStep) cannot say that a key may be missing",
        "Optional<RedisString> key",
        "Context ctx, @KeyName Optional<RedisString> key");
  }

  @Test
  void optionalBeforeRequiredIsAnError() {
    assertError(
        "Required parameter count comes after optional parameter mode; optional arguments are the"
            + " trailing ones, so declare the required parameters first.",
        "long count",
        "Context ctx, Optional<Mode> mode,\n      long count");
  }

  @Test
  void restThatIsNotLastIsAnError() {
    assertError(
        "Parameter rest takes every remaining argument, so it must be the last parameter.",
        "List<RedisString> rest",
        "Context ctx, List<RedisString> rest,\n      RedisString last");
  }

  @Test
  void varargsOfAnotherTypeIsAnError() {
    assertError(
        "The varargs parameter names is java.lang.String..., but the rest of the arguments come as"
            + " RedisString...",
        "String... names",
        "Context ctx, String... names");
  }

  @Test
  void missingContextIsAnError() {
    assertError(
        "@RedisCommand method cmd must take io.jrm.Context first, then either RedisString[] argv"
            + " or typed parameters",
        "void cmd(",
        "RedisString key");
  }

  @Test
  void contextNotFirstIsAnError() {
    assertError(
        "@RedisCommand method cmd must take io.jrm.Context first",
        "void cmd(",
        "RedisString key, Context ctx");
  }

  @Test
  void mixingRawArgumentsWithTypedParametersIsAnError() {
    assertError(
        "Parameter argv is RedisString[], which takes every argument, so it cannot be mixed with"
            + " typed parameters",
        "RedisString[] argv",
        "Context ctx, RedisString[] argv, long count");
  }

  @Test
  void nullablePrimitiveIsAnError() {
    assertError(
        "Parameter count is a primitive long, which cannot be null; declare it as Optional<Long>"
            + " or @Nullable Long for an optional argument.",
        "long count",
        "Context ctx, @Nullable long count");
  }

  @Test
  void nullableOptionalIsAnError() {
    assertError(
        "Parameter count is both an Optional and @Nullable",
        "Optional<Long> count",
        "Context ctx, @Nullable Optional<Long> count");
  }

  /** JSpecify's own annotation (a type-use one, on the class path with jrm-runtime) counts too. */
  @Test
  void jspecifyNullableOptionalIsAnError() {
    assertError(
        "Parameter count is both an Optional and @Nullable",
        "Optional<Long> count",
        "Context ctx, @org.jspecify.annotations.Nullable Optional<Long> count");
  }

  @Test
  void explicitKeyPositionsWithKeyParametersAreAnError() {
    assertErrorIn(
        "firstKey is derived from the @KeyName parameters, so it must not be written as well",
        "@RedisCommand",
        "@RedisCommand(name = \"a.cmd\", firstKey = 1)",
        "Context ctx, @KeyName RedisString key");
  }

  @Test
  void unevenlySpacedKeysAreAnError() {
    assertError(
        "The @KeyName parameters are at argument positions [1, 2, 4], which are not one range"
            + " with one step",
        "RedisString c",
        "Context ctx, @KeyName RedisString a, @KeyName RedisString b, long n,\n"
            + "      @KeyName RedisString c");
  }

  @Test
  void keyRestAfterANonKeyIsAnError() {
    assertError(
        "@KeyName parameter keys makes every remaining argument a key, so the other @KeyName"
            + " parameters must come right before it",
        "RedisString... keys",
        "Context ctx, @KeyName RedisString a, long n,\n      @KeyName RedisString... keys");
  }

  @Test
  void enumWhoseConstantsDifferOnlyByCaseIsAnError() {
    assertError(
        "Parameter clash is the enum Clash, whose constants are matched ignoring case, but two of"
            + " them differ only by case (ON); rename one.",
        "Clash clash",
        "Context ctx, Clash clash");
  }
}
