package io.jrm.internal.binding.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.internal.binding.ApiFunction;
import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.NativeFunction;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The ffm backend on today's {@link NativeFunction} calls, bound to C library functions of the
 * shapes of API functions (Java 22+ only: the build runs it on Temurin 25).
 */
class FfmBackendTest {
  private final NativeBackend backend = FfmBackends.available().orElseThrow();

  private NativeFunction bind(ApiFunction shapeOf, String libc) {
    long address = Linker.nativeLinker().defaultLookup().find(libc).orElseThrow().address();
    return backend.bind(shapeOf, address);
  }

  @Test
  void theLongOverloadsPassWordsAndNarrowInts() {
    // CallReplyInteger: long f(void *), a leaf (critical).
    assertThat(bind(ApiFunction.CallReplyInteger, "labs").invokeLong(-42L)).isEqualTo(42L);
    // IsKeysPositionRequest: int f(void *); abs takes an int, so the word is narrowed.
    assertThat(bind(ApiFunction.IsKeysPositionRequest, "abs").invokeInt(-7L)).isEqualTo(7);
  }

  @Test
  void arraysAreCopiedInAndOutParametersBack() {
    byte[] text = "hello\0".getBytes(StandardCharsets.US_ASCII);
    // CallReplyArrayElement: void *f(void *, size_t), as strnlen(const char *, size_t).
    assertThat(bind(ApiFunction.CallReplyArrayElement, "strnlen").invokeLong(text, 16L))
        .isEqualTo(5L);
    // CreateString: void *f(void *, void *, size_t), as memcpy(dest, src, n) writing a long[].
    long[] out = new long[2];
    byte[] word = {42, 0, 0, 0, 0, 0, 0, 0};
    assertThat(bind(ApiFunction.CreateString, "memcpy").invokeLong(out, word, 8L)).isNotZero();
    assertThat(out).containsExactly(42L, 0L);
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

  @Test
  void aCallWithTheWrongArgumentCountIsRefused() {
    assertThatThrownBy(() -> bind(ApiFunction.CallReplyInteger, "labs").invokeLong(1L, 2L))
        .isInstanceOf(RuntimeException.class);
    assertThat(backend.name()).isEqualTo("ffm");
  }
}
