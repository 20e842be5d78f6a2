package io.jrm.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Builds test sources and compiles them with {@link ModuleProcessor}. */
final class Sources {
  private static final String IMPORTS =
      String.join(
          "\n",
          "import io.jrm.AofOutput;",
          "import io.jrm.AuxPhase;",
          "import io.jrm.Context;",
          "import io.jrm.DefragContext;",
          "import io.jrm.FieldCodec;",
          "import io.jrm.RdbInput;",
          "import io.jrm.RdbOutput;",
          "import io.jrm.RedisString;",
          "import io.jrm.annotations.Codec;",
          "import io.jrm.annotations.Config;",
          "import io.jrm.annotations.DataType;",
          "import io.jrm.annotations.KeyName;",
          "import io.jrm.annotations.OnLoad;",
          "import io.jrm.annotations.Persistable;",
          "import io.jrm.annotations.RedisCommand;",
          "import io.jrm.annotations.RedisModule;",
          "import io.jrm.annotations.Replicate;",
          "import io.jrm.annotations.Since;",
          "import java.util.*;",
          "");

  private Sources() {}

  /** Class {@code qualifiedName} with the JRM imports and {@code body} as its source text. */
  static JavaFileObject source(String qualifiedName, String... body) {
    int dot = qualifiedName.lastIndexOf('.');
    String text =
        "package " + qualifiedName.substring(0, dot) + ";\n\n" + IMPORTS + String.join("\n", body);
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /**
   * {@code test.Mod}, a module named {@code mod} whose class body is {@code members}: the usual way
   * a test declares a few commands.
   */
  static JavaFileObject module(String... members) {
    return source(
        "test.Mod",
        "@RedisModule(name = \"mod\", version = 1)",
        "public final class Mod {",
        String.join("\n", members),
        "}");
  }

  /** A valid command named {@code name}, handled by method {@code method}. */
  static String command(String name, String method) {
    return "  @RedisCommand(name = \""
        + name
        + "\")\n  public static void "
        + method
        + "(Context ctx, RedisString[] argv) {}";
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new ModuleProcessor()).compile(sources);
  }
}
