package io.jrm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.jrm.processor.GeneratedClasses.source;
import static io.jrm.processor.Sources.compile;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.jrm.processor.model.CommandArguments;
import io.jrm.processor.model.HandlerParameter;
import io.jrm.processor.model.HandlerParameter.Conversion;
import io.jrm.processor.model.HandlerParameter.Presence;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The parsing, arity checks and key positions generated for typed command parameters. */
class TypedParameterGenerationTest {
  private static final JavaFileObject TYPED =
      Sources.module(
          "  public enum Mode { ADD, REMOVE }",
          "",
          "  @RedisCommand(name = \"t.scalars\")",
          "  public static void scalars(Context ctx, RedisString raw, String text, byte[] bytes,"
              + " long l, int i, double d, boolean b, Mode mode) {}",
          "",
          "  @RedisCommand(name = \"t.boxed\")",
          "  public static void boxed(Context ctx, Long l, Integer i, Double d, Boolean b) {}",
          "",
          "  @RedisCommand(name = \"t.optional\", firstKey = 1)",
          "  public static void optional(Context ctx, RedisString key, Optional<Long> count,"
              + " @org.jspecify.annotations.Nullable Mode mode) {}",
          "",
          "  @RedisCommand(name = \"t.rest\")",
          "  public static void rest(Context ctx, @KeyName RedisString key, Optional<Double> d,"
              + " RedisString... values) {}",
          "",
          "  @RedisCommand(name = \"t.keys\")",
          "  public static void keys(Context ctx, @KeyName RedisString k1, RedisString v1,"
              + " @KeyName RedisString k2, RedisString v2) {}",
          "",
          "  @RedisCommand(name = \"t.keyrest\")",
          "  public static void keyRest(Context ctx, long n, @KeyName RedisString first,"
              + " @KeyName List<RedisString> more) {}",
          "",
          "  @RedisCommand(name = \"t.raw\")",
          "  public static void raw(Context ctx, RedisString[] argv) {}",
          "",
          "  @RedisCommand(name = \"t.none\")",
          "  public static void none(Context ctx) {}");

  @Test
  void generatesTheParsingOfEveryParameterType() {
    Compilation compilation = compile(TYPED);

    assertThat(compilation).succeededWithoutWarnings();
    String generated = source(compilation, "test", "JrmModule_Mod");
    assertThat(generated)
        .contains(
            """
                  case 0 -> {
                    if (argv.length != 5) {
                      ctx.wrongArity();
                      return;
                    }
                    Mod.boxed(ctx, argv[1].toLongLong(), Arguments.toInt(argv[2]), argv[3].toDouble(),
                        Arguments.toBoolean(argv[4]));
                  }
            """)
        .contains(
            """
                    if (argv.length != 5) {
                      ctx.wrongArity();
                      return;
                    }
                    Mod.keys(ctx, argv[1], argv[2], argv[3], argv[4]);
            """)
        .contains(
            """
                    if (argv.length < 3) {
                      ctx.wrongArity();
                      return;
                    }
                    Mod.keyRest(ctx, argv[1].toLongLong(), argv[2], Arguments.restList(argv, 3));
            """)
        .contains(
            """
                  case 3 -> {
                    if (argv.length != 1) {
                      ctx.wrongArity();
                      return;
                    }
                    Mod.none(ctx);
                  }
            """)
        .contains(
            """
                    if (argv.length < 2 || argv.length > 4) {
                      ctx.wrongArity();
                      return;
                    }
                    Mod.optional(ctx, argv[1],
                        argv.length > 2 ? Optional.of(argv[2].toLongLong()) : Optional.empty(),
                        argv.length > 3 ? Arguments.toEnum(argv[3], Mod.Mode.class) : null);
            """)
        .contains("      case 5 -> Mod.raw(ctx, argv);\n")
        .contains(
            """
                    if (argv.length < 2) {
                      ctx.wrongArity();
                      return;
                    }
                    Mod.rest(ctx, argv[1], argv.length > 2 ? Optional.of(argv[2].toDouble()) : Optional.empty(),
                        Arguments.rest(argv, 3));
            """)
        .contains(
            """
                    if (argv.length != 9) {
                      ctx.wrongArity();
                      return;
                    }
                    Mod.scalars(ctx, argv[1], argv[2].toString(), argv[3].bytes(), argv[4].toLongLong(),
                        Arguments.toInt(argv[5]), argv[6].toDouble(), Arguments.toBoolean(argv[7]),
                        Arguments.toEnum(argv[8], Mod.Mode.class));
            """);
  }

  @Test
  void derivesTheKeyPositionsAndTheArityFromTheParameters() {
    Compilation compilation = compile(TYPED);

    assertThat(source(compilation, "test", "JrmModule_Mod"))
        .contains(
            "new CommandDefinition(\"t.keyrest\", \"\", 2, -1, 1, Replication.MANUAL,"
                + " CommandInfo.builder().arity(-3).build())")
        .contains(
            "new CommandDefinition(\"t.keys\", \"\", 1, 3, 2, Replication.MANUAL,"
                + " CommandInfo.builder().arity(5).build())")
        .contains(
            "new CommandDefinition(\"t.optional\", \"\", 1, 1, 1, Replication.MANUAL,"
                + " CommandInfo.builder().arity(-2).build())")
        .contains(
            "new CommandDefinition(\"t.rest\", \"\", 1, 1, 1, Replication.MANUAL,"
                + " CommandInfo.builder().arity(-2).build())")
        .contains(
            "new CommandDefinition(\"t.scalars\", \"\", 0, 0, 0, Replication.MANUAL,"
                + " CommandInfo.builder().arity(9).build())")
        .contains("new CommandDefinition(\"t.raw\", \"\", 0, 0, 0, Replication.MANUAL)");
  }

  @Test
  void aKeyPositionRequestIsAnsweredBeforeAnyConversion() {
    Compilation compilation =
        compile(
            Sources.module(
                "  @RedisCommand(name = \"t.getkeys\", flags = \"readonly getkeys-api\")",
                "  public static long getKeys(Context ctx, @KeyName RedisString key, long n) {",
                "    return n;",
                "  }",
                "",
                "  @RedisCommand(name = \"t.typed\", flags = \"readonly\")",
                "  public static long typed(Context ctx, @KeyName RedisString key, long n) {",
                "    return n;",
                "  }",
                "",
                "  @RedisCommand(name = \"t.raw\", flags = \"readonly getkeys-api\")",
                "  public static void raw(Context ctx, RedisString[] argv) {}"));

    assertThat(compilation).succeededWithoutWarnings();
    String generated = source(compilation, "test", "JrmModule_Mod");
    assertThat(generated)
        .contains(
            """
                  case 0 -> {
                    if (ctx.isKeysPositionRequest()) {
                      Arguments.reportKeys(ctx, argv.length, 1, 1, 1);
                      return;
                    }
                    if (argv.length != 3) {
                      ctx.wrongArity();
                      return;
                    }
                    Replies.write(ctx, Mod.getKeys(ctx, argv[1], argv[2].toLongLong()));
                  }
            """)
        .contains("case 1 -> Mod.raw(ctx, argv);");
    // Only getkeys-api commands are asked, so only they pay for the question.
    assertThat(generated.split("isKeysPositionRequest", -1)).hasSize(2);
  }

  @Test
  void arityCountsTheNameAndIsNegativeWhenArgumentsMayFollow() {
    HandlerParameter required =
        new HandlerParameter("a", Conversion.LONG, null, Presence.REQUIRED, false);
    HandlerParameter optional =
        new HandlerParameter("b", Conversion.LONG, null, Presence.OPTIONAL, false);
    HandlerParameter rest =
        new HandlerParameter("c", Conversion.REDIS_STRING, null, Presence.REST_ARRAY, false);

    assertThat(CommandArguments.ofRaw().arity()).isEqualTo(-1);
    assertThat(CommandArguments.typed(List.of()).arity()).isEqualTo(1);
    assertThat(CommandArguments.typed(List.of(required, required)).arity()).isEqualTo(3);
    assertThat(CommandArguments.typed(List.of(required, optional)).arity()).isEqualTo(-2);
    assertThat(CommandArguments.typed(List.of(required, rest)).arity()).isEqualTo(-2);
  }
}
