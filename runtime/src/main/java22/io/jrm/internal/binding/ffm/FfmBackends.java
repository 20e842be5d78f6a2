package io.jrm.internal.binding.ffm;

import io.jrm.internal.binding.NativeBackend;
import java.util.Optional;

/**
 * The {@code java.lang.foreign} backend ({@code jrm.backend=ffm}): the Java 22+ version of the
 * class, in the module jar's {@code META-INF/versions/22}.
 */
public final class FfmBackends {
  private FfmBackends() {}

  /** The ffm backend. */
  public static Optional<NativeBackend> available() {
    return Optional.of(new FfmBackend());
  }
}
