package io.jrm.internal.binding.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The handles {@link FfmLinker} makes, calling C library functions of the same shapes as API
 * functions (run on Java 22+ only: the build runs it on Temurin 25).
 */
class FfmLinkerTest {
  private static long function(String name) {
    return Linker.nativeLinker().defaultLookup().find(name).orElseThrow().address();
  }

  /** Upcall targets: a sum, and one that throws an Error. */
  static int add(int a, long b, long c, int d) {
    return (int) (a + b + c + d);
  }

  static int fail(int a, long b, long c, int d) {
    throw new StackOverflowError("from the upcall");
  }

  @Test
  void anUpcallStubCallsItsTargetAndReturnsTheGivenResultForAThrowable() throws Throwable {
    MethodType type =
        MethodType.methodType(int.class, int.class, long.class, long.class, int.class);
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    long add = FfmLinker.upcallStub(lookup.findStatic(FfmLinkerTest.class, "add", type), -1);
    long fail = FfmLinker.upcallStub(lookup.findStatic(FfmLinkerTest.class, "fail", type), -1);
    MethodHandle call = FfmLinker.handle("i_ijji", false);
    assertThat((int) call.invokeExact(add, 1, 2L, 3L, 4)).isEqualTo(10);
    assertThat((int) call.invokeExact(fail, 1, 2L, 3L, 4)).isEqualTo(-1);
  }

  @Test
  void aHandleIsTypedExactlyWithTheFunctionPointerFirst() {
    assertThat(FfmLinker.handle("i_jddii", false).type())
        .isEqualTo(
            MethodType.methodType(
                int.class,
                long.class,
                long.class,
                double.class,
                double.class,
                int.class,
                int.class));
    assertThat(FfmLinker.handle("v_jf", true).type())
        .isEqualTo(MethodType.methodType(void.class, long.class, long.class, float.class));
    assertThat(FfmLinker.handle("j_", true).type())
        .isEqualTo(MethodType.methodType(long.class, long.class));
  }

  @Test
  void criticalAndPlainHandlesCallC() throws Throwable {
    MethodHandle labs = FfmLinker.handle("j_j", true);
    assertThat((long) labs.invokeExact(function("labs"), -42L)).isEqualTo(42L);
    MethodHandle abs = FfmLinker.handle("i_i", false);
    assertThat((int) abs.invokeExact(function("abs"), -7)).isEqualTo(7);
    MethodHandle fabs = FfmLinker.handle("d_d", true);
    assertThat((double) fabs.invokeExact(function("fabs"), -1.5)).isEqualTo(1.5);
  }

  @Test
  void criticalHandlesTakeArraysInPlaceAndPlainOnesAddresses() throws Throwable {
    assertThat(FfmLinker.handle("j_Bj", false).type())
        .isEqualTo(MethodType.methodType(long.class, long.class, long.class, long.class));
    byte[] text = "hello\0world".getBytes(StandardCharsets.US_ASCII);
    MethodHandle strnlen = FfmLinker.handle("j_Bj", true);
    assertThat(strnlen.type())
        .isEqualTo(MethodType.methodType(long.class, long.class, byte[].class, long.class));
    assertThat((long) strnlen.invokeExact(function("strnlen"), text, (long) text.length))
        .isEqualTo(5L);
    // C writes into the array: memset(array, 'x', 3).
    MethodHandle memset = FfmLinker.handle("j_Bij", true);
    long unused = (long) memset.invokeExact(function("memset"), text, (int) 'x', 3L);
    assertThat(new String(text, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("xxxlo");
    // A null array is C's NULL: strnlen(NULL, 0) reads nothing.
    assertThat((long) strnlen.invokeExact(function("strnlen"), (byte[]) null, 0L)).isZero();
  }

  @Test
  void variadicArgumentsFollowTheSecondUnderscore() throws Throwable {
    byte[] out = new byte[16];
    // sprintf(out, "%s!", "hi"): two fixed parameters, then a variadic string.
    MethodHandle sprintf = FfmLinker.handle("i_BB_B", true);
    int written =
        (int)
            sprintf.invokeExact(
                function("sprintf"),
                out,
                "%s!\0".getBytes(StandardCharsets.US_ASCII),
                "hi\0".getBytes(StandardCharsets.US_ASCII));
    assertThat(written).isEqualTo(3);
    assertThat(new String(out, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("hi!");
  }

  @Test
  void onlyShapesLink() {
    assertThatThrownBy(() -> FfmLinker.handle("i_jx", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no letter x");
    assertThatThrownBy(() -> FfmLinker.handle("ijj", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MemorySegment.NULL.address()).isZero();
  }
}
