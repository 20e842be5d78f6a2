package io.jrm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StubLocatorTest {

  @TempDir Path classes;

  @Test
  void findsTheOneStub() throws Exception {
    Path jrm = Files.createDirectories(classes.resolve("META-INF/jrm"));
    Files.writeString(jrm.resolve("helloworld.c"), "");
    Files.writeString(jrm.resolve("notes.txt"), "");

    Path stub = StubLocator.locate(classes);

    assertThat(stub).isEqualTo(jrm.resolve("helloworld.c"));
    assertThat(StubLocator.moduleName(stub)).isEqualTo("helloworld");
  }

  @Test
  void noStubPointsAtTheProcessor() {
    assertThatThrownBy(() -> StubLocator.locate(classes))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith(
            "No JRM module stub in "
                + classes.resolve("META-INF/jrm")
                + ": is there a class annotated @RedisModule, and is jrm-processor on the"
                + " annotation processor path?")
        .hasMessageContaining(
            "<annotationProcessorPaths><path><groupId>io.jrm</groupId>"
                + "<artifactId>jrm-processor</artifactId>");
  }

  @Test
  void severalStubsAreNamed() throws Exception {
    Path jrm = Files.createDirectories(classes.resolve("META-INF/jrm"));
    Files.writeString(jrm.resolve("one.c"), "");
    Files.writeString(jrm.resolve("two.c"), "");

    assertThatThrownBy(() -> StubLocator.locate(classes))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("one.c, two.c");
  }
}
