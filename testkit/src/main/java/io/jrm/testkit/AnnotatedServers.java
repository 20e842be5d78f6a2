package io.jrm.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Turns a {@link RedisServerTest} annotation into a started {@link RedisServer}. */
final class AnnotatedServers {

  private static final String EMPTY_STRING_TOKEN = "\"\"";

  private AnnotatedServers() {}

  static RedisServer start(RedisServerTest spec, Class<?> testClass) {
    RedisServer.Builder builder = RedisServer.builder();
    for (String directive : spec.config()) {
      String[] tokens = directive.trim().split("\\s+");
      if (tokens[0].isEmpty()) {
        throw new ExtensionConfigurationException(
            "Empty config entry in @RedisServerTest on "
                + testClass.getName()
                + ": expected \"name value...\"");
      }
      builder.config(tokens[0], values(Arrays.copyOfRange(tokens, 1, tokens.length)));
    }
    for (LoadModule module : spec.modules()) {
      Path so = Path.of(Placeholders.resolve(module.path())).toAbsolutePath().normalize();
      if (!Files.isRegularFile(so)) {
        throw new ExtensionConfigurationException(
            "Module " + so + " does not exist: run mvn package first");
      }
      String[] args =
          Arrays.stream(module.args()).map(Placeholders::resolve).toArray(String[]::new);
      builder.module(so, args);
    }
    return builder.start();
  }

  // Whitespace splitting cannot express an empty value, so "" stands for one (e.g. save "").
  private static String[] values(String[] tokens) {
    return Arrays.stream(tokens)
        .map(t -> t.equals(EMPTY_STRING_TOKEN) ? "" : t)
        .toArray(String[]::new);
  }
}
