package io.jrm.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Turns a {@link RedisServerTest} annotation into a started {@link RedisServer}, and a {@link
 * RedisClusterTest} into a started {@link RedisCluster}.
 */
final class AnnotatedServers {

  private static final String EMPTY_STRING_TOKEN = "\"\"";

  private AnnotatedServers() {}

  static RedisServer start(RedisServerTest spec, Class<?> testClass) {
    RedisServer.Builder builder = RedisServer.builder();
    configure(
        spec.config(),
        spec.modules(),
        "@RedisServerTest",
        testClass,
        builder::config,
        builder::module);
    return builder.start();
  }

  static RedisCluster start(RedisClusterTest spec, Class<?> testClass) {
    RedisCluster.Builder builder =
        RedisCluster.builder().masters(spec.masters()).replicasPerMaster(spec.replicasPerMaster());
    configure(
        spec.config(),
        spec.modules(),
        "@RedisClusterTest",
        testClass,
        builder::config,
        builder::module);
    return builder.start();
  }

  /** Hands each directive of {@code config} and each of {@code modules} to a builder. */
  private static void configure(
      String[] config,
      LoadModule[] modules,
      String annotation,
      Class<?> testClass,
      BiConsumer<String, String[]> directive,
      BiConsumer<Path, String[]> module) {
    for (String entry : config) {
      String[] tokens = entry.trim().split("\\s+");
      if (tokens[0].isEmpty()) {
        throw new ExtensionConfigurationException(
            "Empty config entry in "
                + annotation
                + " on "
                + testClass.getName()
                + ": expected \"name value...\"");
      }
      directive.accept(tokens[0], values(Arrays.copyOfRange(tokens, 1, tokens.length)));
    }
    for (LoadModule load : modules) {
      Path so = Path.of(Placeholders.resolve(load.path())).toAbsolutePath().normalize();
      if (!Files.isRegularFile(so)) {
        throw new ExtensionConfigurationException(
            "Module " + so + " does not exist: run mvn package first");
      }
      module.accept(
          so, Arrays.stream(load.args()).map(Placeholders::resolve).toArray(String[]::new));
    }
  }

  // Whitespace splitting cannot express an empty value, so "" stands for one (e.g. save "").
  private static String[] values(String[] tokens) {
    return Arrays.stream(tokens)
        .map(t -> t.equals(EMPTY_STRING_TOKEN) ? "" : t)
        .toArray(String[]::new);
  }
}
