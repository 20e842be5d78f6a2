package io.jrm.internal.binding.ffm;

import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.ShapeCalls;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The backend of Java 22 and later: {@code java.lang.foreign} downcall handles ({@link FfmLinker},
 * one per shape, in the generated {@code FfmShapeCalls}) on the pointers {@code RedisModule_GetApi}
 * gives, critical for the functions the API description marks {@code leaf}; native memory read and
 * written at absolute addresses; FFM upcall stubs for the stub's calls into Java.
 */
final class FfmBackend implements NativeBackend {
  /** All of memory, to read and write at absolute addresses. */
  static final MemorySegment MEMORY = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

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
  public boolean makesUpcallStubs() {
    return true;
  }

  @Override
  public long upcallStub(MethodHandle target, int threw) {
    return FfmLinker.upcallStub(target, threw);
  }

  @Override
  public void release() {
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
    return FfmLinker.errno();
  }
}
