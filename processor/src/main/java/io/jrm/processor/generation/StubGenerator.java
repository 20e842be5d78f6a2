package io.jrm.processor.generation;

import io.jrm.processor.model.ModuleModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Generates the module's C stub from the template of {@code jrm-native-template}: the template is
 * the same for every module, except for one marker line that becomes the module's {@code #define}s.
 * The JRM Maven plugin compiles the result into {@code <name>.so}.
 */
public final class StubGenerator {
  /** The template, as a class path resource of {@code jrm-native-template}. */
  public static final String TEMPLATE_RESOURCE = "/io/jrm/nativetemplate/module_stub.c";

  /** The template line the module configuration replaces. */
  public static final String MARKER = "/* @JRM_MODULE_CONFIG@ */";

  private static final Pattern MARKER_LINE =
      Pattern.compile("^[ \\t]*" + Pattern.quote(MARKER) + "[ \\t]*$", Pattern.MULTILINE);

  private StubGenerator() {}

  /**
   * Reads the template with the processor's own class loader: the template ships with the
   * processor, not with the code being compiled.
   *
   * @return the template, or empty if the resource is missing
   */
  public static Optional<String> readTemplate() throws IOException {
    try (InputStream in = StubGenerator.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Whether {@code template} has exactly one marker line, so the result is unambiguous. */
  public static boolean hasMarker(String template) {
    return MARKER_LINE.matcher(template).results().count() == 1;
  }

  /** The C stub of {@code module}; {@code template} must satisfy {@link #hasMarker}. */
  public static String generate(String template, ModuleModel module) {
    return MARKER_LINE.matcher(template).replaceFirst(Matcher.quoteReplacement(config(module)));
  }

  /** The {@code .c} file's path below the class output, where the Maven plugin looks for it. */
  public static String resourcePath(ModuleModel module) {
    return "META-INF/jrm/" + module.name() + ".c";
  }

  /**
   * The module's {@code #define}s: its identity, then one index per command and one per data type,
   * in the order of {@code commands()} and {@code types()}. The module name needs no escaping in a
   * C string: the validator allows only letters, digits, {@code -} and {@code _}.
   */
  private static String config(ModuleModel module) {
    int count = module.commands().size();
    int typeCount = module.types().size();
    return String.join(
        "\n",
        "#define JRM_MODULE_NAME \"" + module.name() + "\"",
        "#define JRM_MODULE_VERSION " + module.version(),
        "#define JRM_DEFINITION_CLASS \"" + module.definitionClass().reflectionName() + "\"",
        "#define JRM_COMMAND_COUNT " + count,
        "#define JRM_FOR_EACH_COMMAND(X)" + forEach(count),
        "#define JRM_TYPE_COUNT " + typeCount,
        "#define JRM_FOR_EACH_TYPE(X)" + forEach(typeCount));
  }

  /** {@code " X(0) X(1) ..."}, {@code count} times, for the stub to expand per index. */
  private static String forEach(int count) {
    return IntStream.range(0, count).mapToObj(i -> " X(" + i + ")").collect(Collectors.joining());
  }
}
