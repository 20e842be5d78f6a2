package io.jrm.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Compiles a JRM C stub into the shared object Redis loads with {@code MODULE LOAD}.
 *
 * <p>The stub embeds a JVM through JNI, so it needs the JNI headers of a JDK, and it is told at
 * compile time which JDK built it ({@code JRM_BUILD_JAVA_HOME}) so that it can find a {@code
 * libjvm.so} at load time when the Redis server's environment names none.
 */
public final class StubCompiler {

  private final String gcc;
  private final Path javaHome;
  private final List<String> extraFlags;
  private final Log log;

  /**
   * @param gcc the C compiler to run: a name looked up on PATH, or a path
   * @param javaHome the root of the JDK whose JNI headers to compile against
   * @param extraFlags flags added after the default ones, so they can override them; may be null
   * @param log where to report the command and compiler warnings
   */
  public StubCompiler(String gcc, Path javaHome, List<String> extraFlags, Log log) {
    this.gcc = gcc;
    this.javaHome = javaHome;
    this.extraFlags = extraFlags == null ? List.of() : List.copyOf(extraFlags);
    this.log = log;
  }

  /**
   * The gcc command line that {@link #compile} runs, one argv element per list element.
   *
   * @param stub the C source
   * @param output the shared object to write
   * @return the command
   */
  public List<String> command(Path stub, Path output) {
    Path include = javaHome.resolve("include");
    List<String> cmd = new ArrayList<>();
    cmd.add(gcc);
    cmd.addAll(
        List.of(
            "-std=gnu11",
            "-O2",
            "-Wall",
            "-fPIC",
            "-shared",
            // Hidden by default so only RedisModule_OnLoad (marked visible in the stub) is
            // exported,
            // and -Bsymbolic so the stub's own symbols never bind to same-named ones in
            // redis-server.
            "-fvisibility=hidden",
            "-Wl,-Bsymbolic"));
    cmd.add("-I" + include);
    cmd.add("-I" + include.resolve("linux"));
    // ProcessBuilder passes this verbatim (no shell), so the quotes reach the preprocessor and
    // make the macro a C string literal.
    cmd.add("-DJRM_BUILD_JAVA_HOME=\"" + cStringBody(javaHome.toString()) + "\"");
    cmd.addAll(extraFlags);
    cmd.add("-o");
    cmd.add(output.toString());
    cmd.add(stub.toString());
    // Libraries after the source: with --as-needed linkers, order matters.
    cmd.add("-ldl");
    cmd.add("-lpthread");
    return cmd;
  }

  /**
   * Compiles {@code stub} into {@code output}, creating the output's directory if needed.
   *
   * @param stub the C source
   * @param output the shared object to write
   * @throws MojoFailureException if there are no JNI headers, gcc is missing, or gcc fails
   * @throws MojoExecutionException if the build is interrupted or the output directory cannot be
   *     made
   */
  public void compile(Path stub, Path output) throws MojoFailureException, MojoExecutionException {
    if (!Files.isRegularFile(javaHome.resolve("include").resolve("jni.h"))) {
      throw new MojoFailureException(
          "No JNI headers under " + javaHome.resolve("include") + ": build with a JDK, not a JRE");
    }
    List<String> cmd = command(stub, output);
    log.debug("Compiling JRM stub: " + String.join(" ", cmd));
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot create " + output.getParent() + ": " + e.getMessage(), e);
    }

    Process process;
    try {
      // One merged stream, read to the end before waiting, so a chatty gcc cannot block on a full
      // pipe.
      process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      // No cause attached: Maven would append its message ("Cannot run program ... error=2"),
      // and the one line below already says what is wrong and how to fix it.
      throw new MojoFailureException(notFoundMessage());
    }
    String out;
    int exit;
    try (InputStream in = process.getInputStream()) {
      out = readAll(in);
      exit = process.waitFor();
    } catch (IOException e) {
      process.destroyForcibly();
      throw new MojoExecutionException(
          "Cannot read the output of " + gcc + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted while compiling " + stub, e);
    }
    if (exit != 0) {
      throw new MojoFailureException(
          gcc
              + " failed (exit "
              + exit
              + ") compiling "
              + stub
              + ":\n"
              + out.strip()
              + "\ncommand: "
              + String.join(" ", cmd));
    }
    if (!out.isBlank()) {
      for (String line : out.strip().split("\\R")) {
        log.warn(line);
      }
    }
  }

  private String notFoundMessage() {
    boolean isPath = gcc.indexOf('/') >= 0;
    return "gcc not found (looked for '"
        + gcc
        + "'"
        + (isPath ? "" : " on PATH")
        + "): install it, e.g. apt-get install gcc";
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    in.transferTo(buf);
    // gcc prints in the locale's charset; the platform default is the best guess we have.
    return buf.toString(Charset.defaultCharset());
  }

  /** Escapes a path for use between the quotes of a C string literal. */
  static String cStringBody(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
