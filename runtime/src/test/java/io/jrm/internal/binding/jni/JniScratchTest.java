package io.jrm.internal.binding.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jni backend's native scratch: what Java copies in is what C reads, out-parameters come back,
 * nested downcalls keep the outer one's copies, and arrays larger than the scratch get memory of
 * their own.
 */
class JniScratchTest {
  @BeforeAll
  static void unsafeMemory() {
    assumeTrue(UnsafeMemory.available(), "Unsafe's memory methods are used on Java 17 to 22 only");
  }

  @Test
  void anArrayCopiedInIsReadAtItsAddressAndNullIsNull() {
    inADowncall(
        scratch -> {
          long bytes = scratch.copyIn(new byte[] {1, 2, 3});
          long words = scratch.copyIn(new long[] {-5, 7});
          assertThat(words % Long.BYTES).isZero();
          assertThat(UnsafeMemory.readWord(words)).isEqualTo(-5);
          assertThat(UnsafeMemory.readWord(words + Long.BYTES)).isEqualTo(7);
          byte[] back = new byte[3];
          UnsafeMemory.readBytes(bytes, back);
          assertThat(back).containsExactly(1, 2, 3);
          assertThat(scratch.copyIn(null)).isZero();
        });
  }

  @Test
  void anOutParameterGetsWhatCWrote() {
    inADowncall(
        scratch -> {
          double[] score = new double[1];
          long address = scratch.copyIn(score);
          UnsafeMemory.writeWord(address, Double.doubleToRawLongBits(2.5));
          JniScratch.copyBack(score, address);
          assertThat(score).containsExactly(2.5);
          JniScratch.copyBack(null, 0); // a NULL out-parameter: nothing to copy
        });
  }

  @Test
  void aNestedDowncallLeavesTheOuterCopiesAlone() {
    inADowncall(
        scratch -> {
          long first = scratch.copyIn(new long[] {42});
          long inner = scratch.mark();
          long second = scratch.copyIn(new long[] {43});
          assertThat(second).isNotEqualTo(first);
          scratch.release(inner);
          assertThat(UnsafeMemory.readWord(first)).isEqualTo(42);
          assertThat(scratch.copyIn(new long[] {44})).isEqualTo(second);
        });
  }

  @Test
  void anArrayLargerThanTheScratchIsCopiedWhole() {
    inADowncall(
        scratch -> {
          byte[] big = new byte[1 << 20];
          big[big.length - 1] = 9;
          long address = scratch.copyIn(big);
          byte[] last = new byte[1];
          UnsafeMemory.readBytes(address + big.length - 1, last);
          assertThat(last).containsExactly(9);
        });
  }

  /** Runs {@code body} as a downcall uses the scratch: from a mark, released after. */
  private static void inADowncall(Consumer<JniScratch> body) {
    JniScratch scratch = JniScratch.current();
    long mark = scratch.mark();
    try {
      body.accept(scratch);
    } finally {
      scratch.release(mark);
    }
  }
}
