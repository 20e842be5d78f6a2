package io.jrm.internal.binding.ffm;

import io.jrm.internal.binding.NativeBackend;
import java.util.Optional;

/**
 * The {@code java.lang.foreign} backend ({@code jrm.backend=ffm}), where this Java has it. This is
 * the Java 17-21 version, which has none: the module jar is a multi-release jar whose {@code
 * META-INF/versions/22} holds the version that has one (src/main/java22), so that no class of the
 * backend is ever loaded before Java 22.
 */
public final class FfmBackends {
  private FfmBackends() {}

  /** The ffm backend on Java 22 and later; none here. */
  public static Optional<NativeBackend> available() {
    return Optional.empty();
  }
}
