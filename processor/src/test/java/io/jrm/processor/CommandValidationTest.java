package io.jrm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jrm.processor.GeneratedClasses.contents;
import static io.jrm.processor.Sources.command;
import static io.jrm.processor.Sources.compile;
import static io.jrm.processor.Sources.module;
import static io.jrm.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The errors about {@code @RedisCommand} names, flags and key positions. */
class CommandValidationTest {
  private static final String HANDLER =
      "  public static void cmd(Context ctx, RedisString[] argv) {}";

  /** Compiles a module with one command annotated {@code annotationLines} and expects one error. */
  private static void assertError(String message, String line, String... annotationLines) {
    JavaFileObject mod = module(String.join("\n", annotationLines), HANDLER);
    Compilation compilation = compile(mod);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(mod).onLineContaining(line);
  }

  @Test
  void emptyNameIsAnError() {
    assertError(
        "The command name is empty; give the name clients type",
        "name = \"\"",
        "  @RedisCommand(",
        "      name = \"\")");
  }

  @Test
  void nameWithWhitespaceIsAnError() {
    assertError(
        "The command name \"hello world\" contains whitespace; a command name is a single word,"
            + " for example \"hello.world\".",
        "name = \"hello world\"",
        "  @RedisCommand(",
        "      name = \"hello world\")");
  }

  @Test
  void duplicateNameIgnoringCaseIsAnErrorAcrossClasses() {
    JavaFileObject mod = module(command("hello.get", "get"));
    JavaFileObject other =
        source(
            "test.Other",
            "public final class Other {",
            "  @RedisCommand(name = \"HELLO.Get\")",
            "  public static void get(Context ctx, RedisString[] argv) {}",
            "}");

    Compilation compilation = compile(mod, other);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "The command name \"HELLO.Get\" is already used by test.Mod.get(); Redis command names"
                + " ignore case")
        .inFile(other)
        .onLineContaining("HELLO.Get");
  }

  @Test
  void unknownFlagIsAnErrorListingTheValidOnes() {
    assertError(
        "Unknown command flag \"redonly\"; the valid flags are: write, readonly, admin, deny-oom,"
            + " deny-script, allow-loading, pubsub, random, allow-stale, no-monitor, no-slowlog,"
            + " fast, getkeys-api, no-cluster, no-auth, may-replicate, no-mandatory-keys,"
            + " blocking, allow-busy, getchannels-api.",
        "flags = \"fast redonly\"",
        "  @RedisCommand(name = \"a.b\",",
        "      flags = \"fast redonly\")");
  }

  @Test
  void flagsAreCaseSensitive() {
    assertError(
        "Unknown command flag \"READONLY\"",
        "flags = \"READONLY\"",
        "  @RedisCommand(name = \"a.b\",",
        "      flags = \"READONLY\")");
  }

  @Test
  void negativeFirstKeyIsAnError() {
    assertError(
        "firstKey is -1 but must be 0 when the command takes no keys, or the 1-based index of the"
            + " first key argument.",
        "firstKey = -1",
        "  @RedisCommand(name = \"a.b\",",
        "      firstKey = -1)");
  }

  @Test
  void lastKeyWithoutFirstKeyIsAnError() {
    assertError(
        "firstKey is 0, meaning the command takes no keys, so lastKey and keyStep must be 0 too",
        "lastKey = 2",
        "  @RedisCommand(name = \"a.b\",",
        "      lastKey = 2)");
  }

  @Test
  void keyStepWithoutFirstKeyIsAnError() {
    assertError(
        "firstKey is 0, meaning the command takes no keys, so lastKey and keyStep must be 0 too",
        "keyStep = 1",
        "  @RedisCommand(name = \"a.b\",",
        "      keyStep = 1)");
  }

  @Test
  void firstKeyWithAZeroKeyStepIsAnError() {
    assertError(
        "keyStep is 0 but must be 1 or more when the command takes keys: 1 for k1 k2 k3, 2 for"
            + " k1 v1 k2 v2.",
        "keyStep = 0",
        "  @RedisCommand(name = \"a.b\", firstKey = 1, lastKey = 1,",
        "      keyStep = 0)");
  }

  @Test
  void firstKeyAloneMeansOneKey() {
    Compilation compilation =
        compile(module("  @RedisCommand(name = \"a.b\", firstKey = 2)", HANDLER));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(contents(compilation, StandardLocation.SOURCE_OUTPUT, "test", "JrmModule_Mod.java"))
        .contains("new CommandDefinition(\"a.b\", \"\", 2, 2, 1, Replication.MANUAL)");
  }

  @Test
  void writeAndReadonlyTogetherAreAnError() {
    assertError(
        "The flags \"write\" and \"readonly\" contradict each other",
        "flags = \"write readonly\"",
        "  @RedisCommand(name = \"a.b\",",
        "      flags = \"write readonly\")");
  }

  @Test
  void lastKeyBeforeFirstKeyIsAnError() {
    assertError(
        "lastKey is 1 but must not be before firstKey (2); use the index of the last key, or a"
            + " negative index counted from the end (-1 is the last argument).",
        "lastKey = 1",
        "  @RedisCommand(name = \"a.b\", firstKey = 2,",
        "      lastKey = 1,",
        "      keyStep = 1)");
  }

  @Test
  void negativeLastKeyCountsFromTheEnd() {
    JavaFileObject mod =
        module(
            "  @RedisCommand(name = \"a.b\", flags = \"write deny-oom\", firstKey = 1, lastKey ="
                + " -1, keyStep = 2)",
            HANDLER);

    assertThat(compile(mod)).succeededWithoutWarnings();
  }

  @Test
  void oneBadCommandDoesNotHideTheErrorsOfOthers() {
    JavaFileObject mod =
        module(
            "  @RedisCommand(name = \"\", flags = \"nope\")",
            "  public static Thread first(Context ctx, RedisString[] argv) { return null; }",
            "  @RedisCommand(name = \"second\", firstKey = -3)",
            "  static void second(Context ctx, RedisString[] argv) {}");

    Compilation compilation = compile(mod);

    assertThat(compilation).hadErrorCount(5);
    assertThat(compilation).hadErrorContaining("The command name is empty");
    assertThat(compilation).hadErrorContaining("Unknown command flag \"nope\"");
    assertThat(compilation)
        .hadErrorContaining("@RedisCommand method first cannot return java.lang.Thread");
    assertThat(compilation).hadErrorContaining("firstKey is -3");
    assertThat(compilation).hadErrorContaining("@RedisCommand method second must be public static");
  }
}
