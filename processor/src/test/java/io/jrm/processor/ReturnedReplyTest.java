package io.jrm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jrm.processor.Sources.compile;
import static io.jrm.processor.Sources.module;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Field;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Handlers that return their reply: the return types accepted, refused, and the code generated. */
class ReturnedReplyTest {
  /** A command {@code a.get} whose handler returns {@code type}, as {@code body}. */
  private static JavaFileObject returning(String type, String body) {
    return module(
        "  @RedisCommand(name = \"a.get\")",
        "  public static " + type + " get(Context ctx, RedisString[] argv) { " + body + " }");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "long",
        "int",
        "double",
        "boolean",
        "Long",
        "Integer",
        "Double",
        "Boolean",
        "String",
        "io.jrm.SimpleString",
        "byte[]",
        "RedisString",
        "java.math.BigInteger",
        "io.jrm.CallReply",
        "io.jrm.Reply",
        "io.jrm.Reply.Map",
        "List<?>",
        "List<Object>",
        "List<String>",
        "ArrayList<Long>",
        "List<List<byte[]>>",
        "List<? extends io.jrm.Reply>",
        "Set<String>",
        "Collection<Integer>",
        "Map<?, ?>",
        "Map<String, List<Double>>",
        "TreeMap<String, Map<Long, io.jrm.SimpleString>>",
        "Map",
        "String[]",
        "long[]",
        "int[]",
        "double[]",
        "boolean[]",
        "byte[][]",
        "Object[]",
        "List<String>[]",
      })
  void acceptsAReplyType(String type) {
    Compilation compilation = compile(returning(type, "throw new RuntimeException();"));

    assertThat(compilation).succeeded();
    assertThat(GeneratedClasses.source(compilation, "test", "JrmModule_Mod"))
        .contains("case 0 -> Replies.write(ctx, Mod.get(ctx, argv));");
  }

  @Test
  void aVoidHandlerIsCalledAsBefore() {
    Compilation compilation = compile(returning("void", ""));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(GeneratedClasses.source(compilation, "test", "JrmModule_Mod"))
        .contains("case 0 -> Mod.get(ctx, argv);")
        .doesNotContain("Replies");
  }

  /** Each class the runtime sends as one value is a return type, and an element type. */
  @Test
  void acceptsEveryTypeTheRuntimeSends() throws ReflectiveOperationException {
    Field field = Class.forName("io.jrm.Replies").getDeclaredField("SCALAR_TYPES");
    field.setAccessible(true);
    for (String type : ((String) field.get(null)).split(" ")) {
      assertThat(compile(returning(type, "return null;"))).succeededWithoutWarnings();
      assertThat(compile(returning("java.util.List<" + type + ">", "return null;")))
          .succeededWithoutWarnings();
    }
  }

  /** Compiles a handler returning {@code type} and expects exactly the one error. */
  private static void assertRefused(String type, String why) {
    JavaFileObject mod = returning(type, "throw new RuntimeException();");
    Compilation compilation = compile(mod);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "@RedisCommand method get cannot return "
                + why
                + ". Return void and reply through the Context, or return long, int, double,"
                + " boolean (or their boxes), byte[], String, SimpleString, RedisString,"
                + " BigInteger, CallReply, BigDecimal, Reply, or a List, Set, Map or array of"
                + " those.")
        .inFile(mod)
        .onLineContaining(" get(");
  }

  @Test
  void refusesAnUnsupportedType() {
    assertRefused("Thread", "java.lang.Thread: java.lang.Thread is not a reply type");
  }

  @Test
  void refusesAnUnsupportedPrimitive() {
    assertRefused("float", "float: float is not a reply type");
    assertRefused("char", "char: char is not a reply type");
  }

  @Test
  void refusesObjectAtTheTop() {
    assertRefused(
        "Object",
        "java.lang.Object: Object says nothing about the reply; return io.jrm.Reply for a reply"
            + " whose kind varies");
  }

  @Test
  void refusesAMapWithAnUnsupportedKeyType() {
    assertRefused(
        "Map<Thread, String>",
        "java.util.Map<java.lang.Thread,java.lang.String>: java.lang.Thread is not a reply type");
  }

  @Test
  void refusesAMapWithAnUnsupportedValueType() {
    assertRefused(
        "HashMap<String, Optional<String>>",
        "java.util.HashMap<java.lang.String,java.util.Optional<java.lang.String>>:"
            + " java.util.Optional<java.lang.String> is not a reply type");
  }

  @Test
  void refusesAListOfAnUnsupportedType() {
    assertRefused(
        "List<List<Thread>>",
        "java.util.List<java.util.List<java.lang.Thread>>: java.lang.Thread is not a reply type");
  }

  @Test
  void refusesAnArrayOfAnUnsupportedType() {
    assertRefused("Thread[]", "java.lang.Thread[]: java.lang.Thread is not a reply type");
    assertRefused("short[]", "short[]: short is not a reply type");
  }

  @Test
  void refusesAWildcardBoundedByAnUnsupportedType() {
    assertRefused(
        "List<? extends Thread>",
        "java.util.List<? extends java.lang.Thread>: java.lang.Thread is not a reply type");
  }
}
