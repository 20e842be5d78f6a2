package io.jrm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Finds the C stub that jrm-processor generates under {@code META-INF/jrm/} of the class output.
 *
 * <p>The stub's file name is the only place the build learns the module's name, so exactly one stub
 * must exist: a project holds one Redis module.
 */
public final class StubLocator {

  /** Where, relative to the class output directory, the annotation processor writes the stub. */
  public static final String STUB_DIRECTORY = "META-INF/jrm";

  private StubLocator() {}

  /**
   * Returns the single {@code META-INF/jrm/*.c} file under {@code classesDirectory}.
   *
   * @param classesDirectory the project's class output directory (target/classes)
   * @return the stub file
   * @throws MojoFailureException if there is no stub or more than one
   * @throws MojoExecutionException if the directory cannot be listed
   */
  public static Path locate(Path classesDirectory)
      throws MojoFailureException, MojoExecutionException {
    Path dir = classesDirectory.resolve(STUB_DIRECTORY);
    List<Path> stubs = List.of();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        stubs =
            files
                .filter(p -> p.getFileName().toString().endsWith(".c"))
                .filter(Files::isRegularFile)
                .sorted()
                .collect(Collectors.toList());
      } catch (IOException e) {
        throw new MojoExecutionException("Cannot list " + dir + ": " + e.getMessage(), e);
      }
    }
    if (stubs.isEmpty()) {
      throw new MojoFailureException(
          "No JRM module stub in "
              + dir
              + ": is there a class annotated @RedisModule, and is jrm-processor on the annotation"
              + " processor path? (javac 23+ runs no processor found on the class path.) Add to"
              + " maven-compiler-plugin's <configuration>: <annotationProcessorPaths><path>"
              + "<groupId>io.jrm</groupId><artifactId>jrm-processor</artifactId>"
              + "<version>(the JRM version)</version></path></annotationProcessorPaths>");
    }
    if (stubs.size() > 1) {
      throw new MojoFailureException(
          "More than one JRM module stub in "
              + dir
              + ": "
              + stubs.stream()
                  .map(p -> p.getFileName().toString())
                  .collect(Collectors.joining(", "))
              + " (a project builds one Redis module: keep one class annotated @RedisModule, and"
              + " run 'mvn clean' if one was renamed)");
    }
    return stubs.get(0);
  }

  /**
   * The module name a stub stands for: its file name without {@code .c}.
   *
   * @param stub a stub file as returned by {@link #locate(Path)}
   * @return the module name
   */
  public static String moduleName(Path stub) {
    String file = stub.getFileName().toString();
    return file.substring(0, file.length() - ".c".length());
  }
}
