package io.jrm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jrm.processor.GeneratedClasses.contents;
import static io.jrm.processor.Sources.compile;
import static io.jrm.processor.Sources.module;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** {@code @CommandMetadata} and subcommand names: what the table gets, and each misuse. */
class CommandMetadataTest {
  private static final String HANDLER =
      "  public static void cmd(Context ctx, RedisString[] argv) {}";

  private static Compilation compileCommand(String metadata) {
    return compile(
        module(
            "  @RedisCommand(name = \"a.b\")",
            "  @io.jrm.annotations.CommandMetadata(" + metadata + ")",
            HANDLER));
  }

  private static String table(Compilation compilation) {
    assertThat(compilation).succeededWithoutWarnings();
    return contents(compilation, StandardLocation.SOURCE_OUTPUT, "test", "JrmModule_Mod.java");
  }

  @Test
  void metadataBecomesTheCommandInfoOfTheTable() {
    assertThat(
            table(
                compileCommand(
                    "summary = \"Sums\", since = \"1.0.0\", complexity = \"O(1)\", tips ="
                        + " \"nondeterministic_output\", arity = -2,"
                        + " history = @io.jrm.annotations.CommandMetadata.History(since ="
                        + " \"1.1.0\", changes = \"More\"), keySpecs = {"
                        + " @io.jrm.annotations.KeySpec(flags = \"RW update\", index = 1,"
                        + " notes = \"n\"),"
                        + " @io.jrm.annotations.KeySpec(flags = \"RO access\", keyword = \"KEYS\","
                        + " startFrom = 2, keyNumIndex = 0, firstKey = 1),"
                        + " @io.jrm.annotations.KeySpec(flags = \"RO\", index = 2, lastKey = -1,"
                        + " keyStep = 2)}")))
        .contains(
            "CommandInfo.builder().summary(\"Sums\").complexity(\"O(1)\").since(\"1.0.0\")"
                + ".tips(\"nondeterministic_output\").arity(-2).history(\"1.1.0\", \"More\")"
                + ".keySpec(KeySpec.index(1).flags(KeyFlag.RW, KeyFlag.UPDATE).notes(\"n\"))"
                + ".keySpec(KeySpec.keyword(\"KEYS\", 2).keyNum(0, 1, 1)"
                + ".flags(KeyFlag.RO, KeyFlag.ACCESS))"
                + ".keySpec(KeySpec.index(2).range(-1, 2, 0).flags(KeyFlag.RO)).build()");
  }

  @Test
  void argumentsBecomeCommandArgs() {
    assertThat(
            table(
                compileCommand(
                    "keySpecs = @io.jrm.annotations.KeySpec(flags = \"RO\", index = 1), args = {"
                        + " @io.jrm.annotations.CommandMetadata.Arg(name = \"key\", type = \"key\"),"
                        + " @io.jrm.annotations.CommandMetadata.Arg(name = \"nx\", type ="
                        + " \"pure-token\", token = \"NX\", since = \"1.1.0\", optional = true)}")))
        .contains(
            ".arg(CommandArg.of(\"key\", ArgType.KEY).keySpecIndex(0))"
                + ".arg(CommandArg.of(\"nx\", ArgType.PURE_TOKEN).token(\"NX\").since(\"1.1.0\")"
                + ".flags(ArgFlag.OPTIONAL))");
  }

  @Test
  void anArgumentNeedsAKnownTypeAndItsKeySpec() {
    assertThat(
            compileCommand(
                "args = @io.jrm.annotations.CommandMetadata.Arg(name = \"a\", type = \"oneof\")"))
        .hadErrorContaining("Unknown argument type \"oneof\"");
    assertThat(
            compileCommand(
                "args = @io.jrm.annotations.CommandMetadata.Arg(name = \"a\", type = \"pure-token\")"))
        .hadErrorContaining("A pure-token argument needs its token.");
    assertThat(
            compileCommand(
                "args = @io.jrm.annotations.CommandMetadata.Arg(name = \"k\", type = \"key\")"))
        .hadErrorContaining("names one of the 0 keySpecs");
  }

  @Test
  void aKeySpecNeedsExactlyOneAccessFlag() {
    assertThat(compileCommand("keySpecs = @io.jrm.annotations.KeySpec(flags = \"RO RW\")"))
        .hadErrorContaining("exactly one of the flags RO, RW, OW, RM");
    assertThat(compileCommand("keySpecs = @io.jrm.annotations.KeySpec(flags = \"access\")"))
        .hadErrorContaining("exactly one of the flags RO, RW, OW, RM");
  }

  @Test
  void insertUpdateAndDeleteExcludeEachOther() {
    assertThat(
            compileCommand(
                "keySpecs = @io.jrm.annotations.KeySpec(flags = \"RW insert delete\", index = 1)"))
        .hadErrorContaining("insert, update and delete exclude each other");
  }

  @Test
  void anUnknownKeySpecFlagIsAnError() {
    assertThat(compileCommand("keySpecs = @io.jrm.annotations.KeySpec(flags = \"RW fast\")"))
        .hadErrorContaining("Unknown key spec flag \"fast\"");
  }

  @Test
  void aKeySpecBeginsAtAnIndexOrAKeywordNotBoth() {
    assertThat(
            compileCommand(
                "keySpecs = @io.jrm.annotations.KeySpec(flags = \"RO\", index = 1, keyword ="
                    + " \"KEYS\")"))
        .hadErrorContaining("not both");
  }

  @Test
  void aKeySpecFindsItsKeysOneWay() {
    assertThat(
            compileCommand(
                "keySpecs = @io.jrm.annotations.KeySpec(flags = \"RO\", index = 1, lastKey = -1,"
                    + " keyNumIndex = 0)"))
        .hadErrorContaining("choose one");
  }

  @Test
  void theArityOfTypedParametersIsDerivedNotWritten() {
    Compilation compilation =
        compile(
            module(
                "  @RedisCommand(name = \"a.b\")",
                "  @io.jrm.annotations.CommandMetadata(arity = 3)",
                "  public static void cmd(Context ctx, RedisString a) {}"));
    assertThat(compilation).hadErrorContaining("arity is derived from the typed parameters (2)");
  }

  @Test
  void aSubcommandNameIsContainerBarSubcommand() {
    assertThat(
            table(
                compile(
                    module(
                        "  @RedisCommand(name = \"a.b|set\", firstKey = 1)",
                        HANDLER.replace("cmd", "set")))))
        .contains("new CommandDefinition(\"a.b|set\", \"\", 1, 1, 1, Replication.MANUAL)");
    assertThat(compile(module("  @RedisCommand(name = \"a|b|c\")", HANDLER)))
        .hadErrorContaining("Redis allows one level of subcommands");
    assertThat(compile(module("  @RedisCommand(name = \"|b\")", HANDLER)))
        .hadErrorContaining("is not container|subcommand");
  }

  @Test
  void aContainerHasNoHandler() {
    assertThat(
            compile(
                module(
                    "  @RedisCommand(name = \"a.b|set\")",
                    HANDLER.replace("cmd", "set"),
                    "  @RedisCommand(name = \"a.b\")",
                    HANDLER)))
        .hadErrorContaining("it is a container without a handler of its own");
  }
}
