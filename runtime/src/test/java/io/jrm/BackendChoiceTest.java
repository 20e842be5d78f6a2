package io.jrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend chosen on Java 17 without the stub's natives (the case of {@code jrm.backend=jna}):
 * jna whatever was asked, with a warning when ffm was. On Java 22+ with the stub, BackendsIT checks
 * the rest.
 */
class BackendChoiceTest {
  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void beforeJava22() {
    assumeTrue(Runtime.version().feature() < 22, "ffm is there on Java 22+");
  }

  @Test
  void jnaIsTheFallbackWithoutNatives() {
    assertThat(BackendChoice.of("", warnings::add).name()).isEqualTo("jna");
    assertThat(BackendChoice.of("jna", warnings::add).name()).isEqualTo("jna");
    assertThat(warnings).isEmpty();
  }

  @Test
  void ffmBeforeJava22WarnsAndFallsBack() {
    assertThat(BackendChoice.of("ffm", warnings::add).name()).isEqualTo("jna");
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("JRM: jrm.backend=ffm needs Java 22 or later, this is Java 17")
        .endsWith(": using jna");
  }
}
