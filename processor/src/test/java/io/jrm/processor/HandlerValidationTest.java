package io.jrm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jrm.processor.Sources.command;
import static io.jrm.processor.Sources.compile;
import static io.jrm.processor.Sources.module;
import static io.jrm.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The errors about the signatures and locations of {@code @RedisCommand} and {@code @OnLoad}. */
class HandlerValidationTest {
  /** Compiles a module with {@code members} and expects exactly the one error. */
  private static void assertError(String message, String line, String... members) {
    JavaFileObject mod = module(members);
    Compilation compilation = compile(mod);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(mod).onLineContaining(line);
  }

  @Test
  void handlerMustBePublic() {
    assertError(
        "@RedisCommand method get must be public static, because the generated module class calls"
            + " it directly; declare it as public static void get(Context ctx, RedisString[]"
            + " argv).",
        "void get(",
        "  @RedisCommand(name = \"a.get\")",
        "  static void get(Context ctx, RedisString[] argv) {}");
  }

  @Test
  void handlerMustBeStatic() {
    assertError(
        "@RedisCommand method get must be public static",
        "void get(",
        "  @RedisCommand(name = \"a.get\")",
        "  public void get(Context ctx, RedisString[] argv) {}");
  }

  @Test
  void onLoadMustReturnVoid() {
    assertError(
        "@OnLoad method init must return void, not long; loading has no reply.",
        "long init(",
        "  @OnLoad",
        "  public static long init(Context ctx, RedisString[] args) { return 1; }");
  }

  @Test
  void onLoadMustTakeContextAndArguments() {
    assertError(
        "@OnLoad method init must take exactly (io.jrm.Context, io.jrm.RedisString[]), not"
            + " (io.jrm.Context, java.lang.String[]); declare it as public static void"
            + " init(Context ctx, RedisString[] args).",
        "void init(",
        "  @OnLoad",
        "  public static void init(Context ctx, String[] args) {}");
  }

  @Test
  void varargsOnLoadIsAnError() {
    // A command may take a trailing RedisString... (TypedParameterValidationTest); @OnLoad not.
    assertError(
        "@OnLoad method init must take exactly (io.jrm.Context, io.jrm.RedisString[]), not"
            + " (io.jrm.Context, io.jrm.RedisString...): a varargs method is a different signature",
        "void init(",
        "  @OnLoad",
        "  public static void init(Context ctx, RedisString... args) {}");
  }

  @Test
  void handlerMustNotBeGeneric() {
    assertError(
        "@RedisCommand method get must not have type parameters",
        "void get(",
        "  @RedisCommand(name = \"a.get\")",
        "  public static <T> void get(Context ctx, RedisString[] argv) {}");
  }

  @Test
  void handlerClassMustBePublic() {
    JavaFileObject mod = module();
    JavaFileObject hidden =
        source("test.Hidden", "final class Hidden {", command("a.get", "get"), "}");

    Compilation compilation = compile(mod, hidden);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "@RedisCommand method get is in test.Hidden, which the generated module class cannot"
                + " reach; move it to a public top-level class or a public static nested class.")
        .inFile(hidden)
        .onLineContaining("void get(");
  }

  @Test
  void handlerClassMustNotBeAnInnerClass() {
    assertError(
        "@RedisCommand method get is in test.Mod.Inner, which the generated module class cannot"
            + " reach",
        "void get(",
        "  public final class Inner {",
        command("a.get", "get"),
        "  }");
  }

  @Test
  void handlerInPublicStaticNestedClassIsValid() {
    JavaFileObject mod =
        module("  public static final class Nested {", command("a.get", "get"), "  }");

    assertThat(compile(mod)).succeededWithoutWarnings();
  }

  @Test
  void onLoadMustHaveTheHandlerSignature() {
    assertError(
        "@OnLoad method init must take exactly (io.jrm.Context, io.jrm.RedisString[]), not ();"
            + " declare it as public static void init(Context ctx, RedisString[] args).",
        "void init(",
        "  @OnLoad",
        "  public static void init() {}");
  }

  @Test
  void onLoadMustBeInTheModuleClass() {
    JavaFileObject mod = module();
    JavaFileObject other =
        source(
            "test.Other",
            "public final class Other {",
            "  @OnLoad",
            "  public static void init(Context ctx, RedisString[] args) {}",
            "}");

    Compilation compilation = compile(mod, other);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "@OnLoad method init is in test.Other but must be in the @RedisModule class test.Mod;"
                + " move it there.")
        .inFile(other)
        .onLineContaining("@OnLoad");
  }

  @Test
  void atMostOneOnLoad() {
    assertError(
        "Only one @OnLoad method is allowed per module, and test.Mod.first() is already one",
        "@OnLoad // second",
        "  @OnLoad",
        "  public static void first(Context ctx, RedisString[] args) {}",
        "  @OnLoad // second",
        "  public static void second(Context ctx, RedisString[] args) {}");
  }
}
