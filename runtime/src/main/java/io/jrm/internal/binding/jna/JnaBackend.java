package io.jrm.internal.binding.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.ShapeCalls;

/**
 * The portable backend: JNA's {@code Function} over the pointers {@code RedisModule_GetApi} gives
 * ({@link JnaShapeCalls}), and JNA's {@link Pointer} for memory.
 */
public final class JnaBackend implements NativeBackend {
  private final ShapeCalls calls = new JnaShapeCalls();

  @Override
  public String name() {
    return "jna";
  }

  @Override
  public ShapeCalls calls() {
    return calls;
  }

  @Override
  public long readWord(long address) {
    return new Pointer(address).getLong(0);
  }

  @Override
  public void readWords(long address, long[] words) {
    new Pointer(address).read(0, words, 0, words.length);
  }

  @Override
  public void readBytes(long address, byte[] bytes) {
    new Pointer(address).read(0, bytes, 0, bytes.length);
  }

  @Override
  public void writeWord(long address, long value) {
    new Pointer(address).setLong(0, value);
  }

  @Override
  public void writeBytes(long address, byte[] bytes) {
    new Pointer(address).write(0, bytes, 0, bytes.length);
  }

  @Override
  public int lastErrno() {
    return Native.getLastError(); // JNA saves errno after each call
  }
}
