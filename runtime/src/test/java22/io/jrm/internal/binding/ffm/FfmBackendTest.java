package io.jrm.internal.binding.ffm;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.ShapeCalls;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The ffm backend's generated shape calls, on C library functions of the same shapes as API
 * functions, plain and leaf (critical) alike (Java 22+ only: the build runs it on Temurin 25).
 */
class FfmBackendTest {
  private final NativeBackend backend = FfmBackends.available().orElseThrow();
  private final ShapeCalls calls = backend.calls();

  private static long function(String name) {
    return Linker.nativeLinker().defaultLookup().find(name).orElseThrow().address();
  }

  @Test
  void wordsPassStraightThrough() {
    assertThat(calls.j_j(function("labs"), -42L)).isEqualTo(42L);
    assertThat(calls.j_jLeaf(function("labs"), -42L)).isEqualTo(42L);
    assertThat(backend.name()).isEqualTo("ffm");
  }

  @Test
  void byteArraysAreCopiedInOrPassedInPlace() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment memory = arena.allocate(16, 8);
      byte[] word = {1, 2, 3};
      // memcpy(dest, src, n): j_jBj, a copy through the scratch, then in place (critical).
      calls.j_jBj(function("memcpy"), memory.address(), word, 3L);
      assertThat(backend.readBytes(memory.address(), 3)).containsExactly(1, 2, 3);
      calls.j_jBjLeaf(function("memcpy"), memory.address() + 8, word, 3L);
      assertThat(backend.readBytes(memory.address() + 8, 3)).containsExactly(1, 2, 3);
    }
  }

  @Test
  void outParametersAreCopiedBack() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment text = arena.allocateFrom("123abc");
      long[] end = new long[1];
      // strtol(text, &end, 10): j_jLi.
      assertThat(calls.j_jLi(function("strtol"), text.address(), end, 10)).isEqualTo(123L);
      assertThat(end[0]).isEqualTo(text.address() + 3);
    }
  }

  @Test
  void variadicCallsPassTheirTail() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment out = arena.allocate(16, 8);
      byte[] format = "%s!\0".getBytes(StandardCharsets.US_ASCII);
      byte[] hi = "hi\0".getBytes(StandardCharsets.US_ASCII);
      // sprintf(out, "%s!", "hi"): j_jB_B (the int it returns read as the low half of a word).
      assertThat((int) calls.j_jB_B(function("sprintf"), out.address(), format, hi)).isEqualTo(3);
      assertThat(backend.readBytes(out.address(), 4)).containsExactly('h', 'i', '!', 0);
      assertThat((int) calls.j_jB_BLeaf(function("sprintf"), out.address(), format, hi))
          .isEqualTo(3);
    }
  }

  @Test
  void nativeMemoryIsReadAndWrittenAtAddresses() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment memory = arena.allocate(24, 8);
      backend.writeWord(memory.address(), 7L);
      backend.writeBytes(memory.address() + 8, new byte[] {1, 2, 3});
      assertThat(backend.readWord(memory.address())).isEqualTo(7L);
      assertThat(backend.readWords(memory.address(), 2)).containsExactly(7L, 0x030201L);
      assertThat(backend.readBytes(memory.address() + 8, 3)).containsExactly(1, 2, 3);
    }
  }
}
