package io.jrm.internal.binding.jna;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import io.jrm.internal.binding.ApiFunction;
import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.NativeFunction;

/**
 * The portable backend: JNA's {@link Function} over the pointers {@code RedisModule_GetApi} gives.
 */
public final class JnaBackend implements NativeBackend {
  @Override
  public NativeFunction bind(ApiFunction function, long address) {
    return new JnaFunction(Function.getFunction(new Pointer(address)));
  }

  @Override
  public long readWord(long address) {
    return new Pointer(address).getLong(0);
  }

  @Override
  public long[] readWords(long address, int count) {
    return new Pointer(address).getLongArray(0, count);
  }

  @Override
  public byte[] readBytes(long address, int length) {
    return new Pointer(address).getByteArray(0, length);
  }

  @Override
  public void writeWord(long address, long value) {
    new Pointer(address).setLong(0, value);
  }

  @Override
  public void writeBytes(long address, byte[] bytes) {
    new Pointer(address).write(0, bytes, 0, bytes.length);
  }

  private record JnaFunction(Function function) implements NativeFunction {
    @Override
    public int invokeInt(Object... args) {
      return function.invokeInt(args);
    }

    @Override
    public long invokeLong(Object... args) {
      return function.invokeLong(args);
    }

    @Override
    public double invokeDouble(Object... args) {
      return function.invokeDouble(args);
    }

    @Override
    public float invokeFloat(Object... args) {
      return function.invokeFloat(args);
    }

    @Override
    public void invokeVoid(Object... args) {
      function.invokeVoid(args);
    }
  }
}
