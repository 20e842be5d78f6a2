package io.jrm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jrm.processor.GeneratedClasses.contents;
import static io.jrm.processor.Sources.compile;
import static io.jrm.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.jrm.RedisString;
import io.jrm.processor.generation.StubGenerator;
import io.jrm.spi.CommandDefinition;
import io.jrm.spi.ModuleDefinition;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** What a valid module generates, and that the generated class works. */
class GenerationTest {
  private static final JavaFileObject HELLO_WORLD =
      source(
          "io.jrm.example.HelloWorld",
          "@RedisModule(name = \"helloworld\", version = 3)",
          "public final class HelloWorld {",
          "  public static String calls = \"\";",
          "",
          "  @OnLoad",
          "  public static void init(Context ctx, RedisString[] args) { calls += \"init \"; }",
          "",
          "  @RedisCommand(name = \"hello.simple\", flags = \"readonly\")",
          "  public static void simple(Context ctx, RedisString[] argv) { calls += \"simple \"; }",
          "",
          "  @RedisCommand(name = \"hello.echo\", flags = \" readonly  fast \", firstKey = 1,"
              + " lastKey = -1, keyStep = 2)",
          "  public static void echo(Context ctx, RedisString[] argv) throws java.io.IOException {",
          "    calls += \"echo \";",
          "  }",
          "}");

  private static final JavaFileObject MORE_COMMANDS =
      source(
          "io.jrm.example.more.MoreCommands",
          "public final class MoreCommands {",
          "  public static final class Nested {",
          "    @RedisCommand(name = \"Hello.Append\", flags = \"write deny-oom\", firstKey = 1,"
              + " lastKey = 1, keyStep = 1)",
          "    public static void append(Context ctx, RedisString[] argv) {",
          "      io.jrm.example.HelloWorld.calls += \"append \";",
          "    }",
          "  }",
          "}");

  @Test
  void generatesTheDefinitionClassWithCommandsOrderedByName() {
    Compilation compilation = compile(HELLO_WORLD, MORE_COMMANDS);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(
            contents(
                compilation,
                StandardLocation.SOURCE_OUTPUT,
                "io.jrm.example",
                "JrmModule_HelloWorld.java"))
        .isEqualTo(
            """
            package io.jrm.example;

            import io.jrm.Context;
            import io.jrm.RedisString;
            import io.jrm.example.more.MoreCommands;
            import io.jrm.spi.CommandDefinition;
            import io.jrm.spi.ModuleDefinition;
            import io.jrm.spi.Replication;
            import java.util.List;
            import javax.annotation.processing.Generated;

            /**
             * The registration of module {@code helloworld}, generated from {@link io.jrm.example.HelloWorld}.
             */
            @Generated("io.jrm.processor.ModuleProcessor")
            public final class JrmModule_HelloWorld implements ModuleDefinition {
              private static final List<CommandDefinition> COMMANDS = List.of(
                  new CommandDefinition("Hello.Append", "write deny-oom", 1, 1, 1, Replication.VERBATIM),
                  new CommandDefinition("hello.echo", "readonly fast", 1, -1, 2, Replication.MANUAL),
                  new CommandDefinition("hello.simple", "readonly", 0, 0, 0, Replication.MANUAL));

              public JrmModule_HelloWorld() {
              }

              @Override
              public String name() {
                return "helloworld";
              }

              @Override
              public int version() {
                return 3;
              }

              @Override
              public List<CommandDefinition> commands() {
                return COMMANDS;
              }

              @Override
              public void dispatch(int index, Context ctx, RedisString[] argv) throws Exception {
                switch (index) {
                  case 0 -> MoreCommands.Nested.append(ctx, argv);
                  case 1 -> HelloWorld.echo(ctx, argv);
                  case 2 -> HelloWorld.simple(ctx, argv);
                  default -> throw new IllegalArgumentException("No command with index " + index);
                }
              }

              @Override
              public void onLoad(Context ctx, RedisString[] args) throws Exception {
                HelloWorld.init(ctx, args);
              }
            }
            """);
  }

  @Test
  void generatesTheStubConfiguration() {
    Compilation compilation = compile(HELLO_WORLD, MORE_COMMANDS);

    assertThat(
            contents(compilation, StandardLocation.CLASS_OUTPUT, "", "META-INF/jrm/helloworld.c"))
        .contains(
            """
            #define JRM_MODULE_NAME "helloworld"
            #define JRM_MODULE_VERSION 3
            #define JRM_DEFINITION_CLASS "io.jrm.example.JrmModule_HelloWorld"
            #define JRM_COMMAND_COUNT 3
            #define JRM_FOR_EACH_COMMAND(X) X(0) X(1) X(2)
            """)
        .doesNotContain(StubGenerator.MARKER);
  }

  @Test
  void moduleWithoutCommandsHasAnEmptyCommandList() {
    JavaFileObject empty =
        source("test.Empty", "@RedisModule(name = \"empty\")", "public final class Empty {}");

    Compilation compilation = compile(empty);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(contents(compilation, StandardLocation.CLASS_OUTPUT, "", "META-INF/jrm/empty.c"))
        .contains("#define JRM_COMMAND_COUNT 0\n#define JRM_FOR_EACH_COMMAND(X)\n");
    assertThat(
            contents(compilation, StandardLocation.SOURCE_OUTPUT, "test", "JrmModule_Empty.java"))
        .contains("COMMANDS = List.of();")
        .doesNotContain("onLoad");
  }

  @Test
  void nestedModuleClassNamesTheDefinitionAfterAllEnclosingClasses() {
    JavaFileObject outer =
        source(
            "test.Outer",
            "public final class Outer {",
            "  @RedisModule(name = \"nested\")",
            "  public static final class Mod {}",
            "}");

    Compilation compilation = compile(outer);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.JrmModule_Outer_Mod");
    assertThat(contents(compilation, StandardLocation.CLASS_OUTPUT, "", "META-INF/jrm/nested.c"))
        .contains("#define JRM_DEFINITION_CLASS \"test.JrmModule_Outer_Mod\"\n");
  }

  @Test
  void generatedClassDispatchesToTheHandlers() throws Exception {
    Compilation compilation = compile(HELLO_WORLD, MORE_COMMANDS);
    ClassLoader loader = new GeneratedClasses.Loader(compilation);
    Class<?> moduleClass = loader.loadClass("io.jrm.example.HelloWorld");
    ModuleDefinition definition =
        (ModuleDefinition)
            loader.loadClass("io.jrm.example.JrmModule_HelloWorld").getConstructor().newInstance();

    definition.onLoad(null, new RedisString[0]);
    definition.dispatch(2, null, new RedisString[0]);
    definition.dispatch(0, null, new RedisString[0]);

    assertThat(definition.name()).isEqualTo("helloworld");
    assertThat(definition.version()).isEqualTo(3);
    assertThat(definition.commands())
        .extracting(CommandDefinition::name)
        .containsExactly("Hello.Append", "hello.echo", "hello.simple");
    assertThat(moduleClass.getField("calls").get(null)).isEqualTo("init simple append ");
    assertThatThrownBy(() -> definition.dispatch(3, null, new RedisString[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No command with index 3");
  }
}
