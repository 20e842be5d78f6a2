package io.jrm.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JIT options the stub adds after the collector (module_stub.c: {@code JRM_INLINE_SMALL_CODE},
 * {@code default_avx_level}), as a log line listing the JVM's options shows them.
 */
final class JitDefaults {
  /** {@code -XX:InlineSmallCode=6000}, and {@code -XX:UseAVX=2} on a CPU with AVX-512. */
  static final String OPTIONS =
      "-XX:InlineSmallCode=6000" + (cpuHasAvx512() ? " -XX:UseAVX=2" : "");

  private JitDefaults() {}

  private static boolean cpuHasAvx512() {
    try {
      return Files.readString(Path.of("/proc/cpuinfo")).contains(" avx512f");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
