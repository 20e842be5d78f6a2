package io.jrm.internal.binding.ffm;

import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.ShapeCalls;
import io.jrm.internal.binding.jni.JniBackend;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The backend of Java 22 and later: {@code java.lang.foreign} downcall handles ({@link FfmLinker},
 * one per shape, in the generated {@code FfmShapeCalls}) on the pointers {@code RedisModule_GetApi}
 * gives, critical for the functions the API description marks {@code leaf}; native memory read and
 * written at absolute addresses; FFM upcall stubs for the stub's calls into Java. Until a shape's
 * handle is linked ({@link BackgroundLinks}), its calls go through the stub's jni natives.
 */
final class FfmBackend implements NativeBackend {
  /** All of memory, to read and write at absolute addresses. */
  static final MemorySegment MEMORY = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

  /**
   * The jni backend over the stub's natives, which the calls of a shape use until it is linked and
   * errno is read through; empty where there is no stub (unit tests).
   */
  static final Optional<NativeBackend> JNI = JniBackend.ifRegistered();

  private final ShapeCalls calls = new FfmShapeCalls();

  @Override
  public String name() {
    return "ffm";
  }

  @Override
  public ShapeCalls calls() {
    return calls;
  }

  @Override
  public void loaded() {
    FfmShapeCalls.startLinking();
  }

  @Override
  public boolean makesUpcallStubs() {
    return true;
  }

  @Override
  public long upcallStub(MethodHandle target, int threw) {
    return FfmLinker.upcallStub(target, threw);
  }

  @Override
  public void release() {
    try {
      FfmShapeCalls.awaitLinks(); // no handle may be linked into the unloaded module's loader
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    FfmLinker.freeUpcallStubs();
    FfmScratch.forget();
  }

  @Override
  public long readWord(long address) {
    return MEMORY.get(ValueLayout.JAVA_LONG_UNALIGNED, address);
  }

  @Override
  public void readWords(long address, long[] words) {
    MemorySegment.copy(MEMORY, ValueLayout.JAVA_LONG_UNALIGNED, address, words, 0, words.length);
  }

  @Override
  public void readBytes(long address, byte[] bytes) {
    MemorySegment.copy(MEMORY, ValueLayout.JAVA_BYTE, address, bytes, 0, bytes.length);
  }

  @Override
  public void writeWord(long address, long value) {
    MEMORY.set(ValueLayout.JAVA_LONG_UNALIGNED, address, value);
  }

  @Override
  public void writeBytes(long address, byte[] bytes) {
    MemorySegment.copy(bytes, 0, MEMORY, ValueLayout.JAVA_BYTE, address, bytes.length);
  }

  @Override
  public int lastErrno() {
    // Through the natives where there are some: linking errno's handle at its first read would
    // wait for the linker on the main thread.
    return JNI.isPresent() ? JNI.get().lastErrno() : FfmLinker.errno();
  }
}
