package io.jrm.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the redis-server binary the same way a shell would, with an env override for CI. */
final class Executables {

  static final String ENV_OVERRIDE = "REDIS_SERVER";
  private static final String NAME = "redis-server";

  private Executables() {}

  static Path redisServer() {
    String override = System.getenv(ENV_OVERRIDE);
    if (override != null && !override.isBlank()) {
      Path path = Path.of(override).toAbsolutePath();
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException(
            ENV_OVERRIDE + "=" + override + " does not point to an executable file");
      }
      return path;
    }
    return onPath(NAME)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "redis-server not found on PATH: install it (apt-get install redis-server)"
                        + " or set "
                        + ENV_OVERRIDE));
  }

  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }
}
