package io.jrm.internal.binding.jna;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import io.jrm.internal.binding.ApiFunction;
import io.jrm.internal.binding.CType;
import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.NativeFunction;
import java.util.List;

/**
 * The portable backend: JNA's {@link Function} over the pointers {@code RedisModule_GetApi} gives.
 */
public final class JnaBackend implements NativeBackend {
  @Override
  public String name() {
    return "jna";
  }

  @Override
  public NativeFunction bind(ApiFunction function, long address) {
    return new JnaFunction(Function.getFunction(new Pointer(address)), function.parameters());
  }

  @Override
  public int maxArguments() {
    return Function.MAX_NARGS;
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

  /** A JNA function; its {@code long} overloads box each word as its C parameter type. */
  private record JnaFunction(Function function, List<CType> parameters) implements NativeFunction {
    @Override
    public Object[] arguments(long... words) {
      Object[] args = new Object[words.length];
      for (int i = 0; i < words.length; i++) {
        args[i] = parameters.get(i) == CType.INT ? (Object) (int) words[i] : (Object) words[i];
      }
      return args;
    }

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
