package io.jrm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StubCompilerTest {

  private static final Path JAVA_HOME = Paths.get(System.getProperty("java.home"));

  @TempDir Path dir;

  private static boolean gccOnPath() {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!entry.isEmpty() && Files.isExecutable(Paths.get(entry, "gcc"))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void compilesJniStubIntoSharedObject() throws Exception {
    assumeTrue(gccOnPath(), "gcc is not on PATH");
    Path stub = dir.resolve("probe.c");
    Files.writeString(
        stub,
        String.join(
            "\n",
            "#include <jni.h>",
            // Referencing the macro proves it arrives as a string literal.
            "static const char build_java_home[] = JRM_BUILD_JAVA_HOME;",
            "__attribute__((visibility(\"default\"))) const char *jrm_probe(JNIEnv *env) {",
            "    (void) env;",
            "    return build_java_home;",
            "}",
            ""));
    Path so = dir.resolve("out/probe.so");

    new StubCompiler("gcc", JAVA_HOME, null, new SystemStreamLog()).compile(stub, so);

    assertThat(so).isRegularFile();
    String binary = new String(Files.readAllBytes(so), StandardCharsets.ISO_8859_1);
    assertThat(binary).contains("jrm_probe").contains(JAVA_HOME.toString());
  }

  @Test
  void missingGccIsOneClearLine() {
    Path stub = dir.resolve("probe.c");
    StubCompiler compiler =
        new StubCompiler("jrm-no-such-gcc", JAVA_HOME, List.of(), new SystemStreamLog());

    assertThatThrownBy(() -> compiler.compile(stub, dir.resolve("probe.so")))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "gcc not found (looked for 'jrm-no-such-gcc' on PATH): install it, e.g. apt-get install"
                + " gcc");
  }

  @Test
  void compilerErrorsAreReported() throws Exception {
    assumeTrue(gccOnPath(), "gcc is not on PATH");
    Path stub = dir.resolve("broken.c");
    Files.writeString(stub, "int broken(void) { return undeclared_thing; }\n");

    assertThatThrownBy(
            () ->
                new StubCompiler("gcc", JAVA_HOME, null, new SystemStreamLog())
                    .compile(stub, dir.resolve("broken.so")))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("undeclared_thing");
  }

  @Test
  void requiresJniHeaders() {
    StubCompiler compiler = new StubCompiler("gcc", dir, null, new SystemStreamLog());

    assertThatThrownBy(() -> compiler.compile(dir.resolve("x.c"), dir.resolve("x.so")))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "No JNI headers under " + dir.resolve("include") + ": build with a JDK, not a JRE");
  }

  @Test
  void commandQuotesJavaHomeAndPutsExtraFlagsBeforeOutput() {
    Path home = Paths.get("/opt/my \"jdk\"");
    List<String> cmd =
        new StubCompiler("cc", home, List.of("-g"), new SystemStreamLog())
            .command(Paths.get("m.c"), Paths.get("m.so"));

    assertThat(cmd)
        .containsExactly(
            "cc",
            "-std=gnu11",
            "-O2",
            "-Wall",
            "-fPIC",
            "-shared",
            "-fvisibility=hidden",
            "-Wl,-Bsymbolic",
            "-I/opt/my \"jdk\"/include",
            "-I/opt/my \"jdk\"/include/linux",
            "-DJRM_BUILD_JAVA_HOME=\"/opt/my \\\"jdk\\\"\"",
            "-g",
            "-o",
            "m.so",
            "m.c",
            "-ldl",
            "-lpthread");
  }
}
