package io.jrm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jrm.processor.GeneratedClasses.contents;
import static io.jrm.processor.Sources.compile;
import static io.jrm.processor.Sources.module;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** How {@code @RedisCommand(replicate = ...)} resolves into the command table, and its misuse. */
class ReplicateValidationTest {
  private static final String HANDLER =
      "  public static void cmd(Context ctx, RedisString[] argv) {}";

  /** The command table of a module whose one command is annotated {@code annotation}. */
  private static String commandTable(String annotation) {
    Compilation compilation = compile(module(annotation, HANDLER));
    assertThat(compilation).succeededWithoutWarnings();
    return contents(compilation, StandardLocation.SOURCE_OUTPUT, "test", "JrmModule_Mod.java");
  }

  @Test
  void defaultIsVerbatimForAWriteCommand() {
    assertThat(commandTable("  @RedisCommand(name = \"a.b\", flags = \"write deny-oom\")"))
        .contains(
            "new CommandDefinition(\"a.b\", \"write deny-oom\", 0, 0, 0, Replication.VERBATIM)");
  }

  @Test
  void defaultIsManualForACommandThatDoesNotWrite() {
    assertThat(commandTable("  @RedisCommand(name = \"a.b\", flags = \"may-replicate\")"))
        .contains("new CommandDefinition(\"a.b\", \"may-replicate\", 0, 0, 0, Replication.MANUAL)");
  }

  @Test
  void noneAndManualAreKeptOnAWriteCommand() {
    assertThat(
            commandTable(
                "  @RedisCommand(name = \"a.b\", flags = \"write\", replicate = Replicate.NONE)"))
        .contains("new CommandDefinition(\"a.b\", \"write\", 0, 0, 0, Replication.NONE)");
    assertThat(
            commandTable(
                "  @RedisCommand(name = \"a.b\", flags = \"write\", replicate = Replicate.MANUAL)"))
        .contains("new CommandDefinition(\"a.b\", \"write\", 0, 0, 0, Replication.MANUAL)");
  }

  @Test
  void manualIsFineWithoutTheWriteFlag() {
    assertThat(commandTable("  @RedisCommand(name = \"a.b\", replicate = Replicate.MANUAL)"))
        .contains("Replication.MANUAL");
  }

  @Test
  void verbatimIsAcceptedWithMayReplicate() {
    assertThat(
            commandTable(
                "  @RedisCommand(name = \"a.b\", flags = \"may-replicate\","
                    + " replicate = Replicate.VERBATIM)"))
        .contains("Replication.VERBATIM");
  }

  @Test
  void verbatimWithoutTheWriteFlagIsAnError() {
    JavaFileObject mod =
        module(
            "  @RedisCommand(",
            "      name = \"a.b\",",
            "      flags = \"readonly\",",
            "      replicate = Replicate.VERBATIM)",
            HANDLER);
    Compilation compilation = compile(mod);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "replicate = VERBATIM propagates a command that modifies the data set, but the flags"
                + " have neither \"write\" nor \"may-replicate\"")
        .inFile(mod)
        .onLineContaining("replicate = Replicate.VERBATIM");
  }
}
