package io.jrm.internal.binding.jni;

import io.jrm.internal.binding.NativeFunction;

/**
 * One API function on the JNI backend: the arguments become 64-bit words (arrays are copied to the
 * thread's {@link Scratch} and out-parameters back), then the native of the function's shape runs.
 * The {@code long} overloads pass their words straight through: no boxing, no allocation.
 */
final class JniFunction implements NativeFunction {
  private final long address;
  private final Shapes.Invoker invoker;

  JniFunction(long address, Shapes.Invoker invoker) {
    this.address = address;
    this.invoker = invoker;
  }

  @Override
  public int invokeInt(Object... args) {
    return (int) call(args);
  }

  @Override
  public long invokeLong(Object... args) {
    return call(args);
  }

  @Override
  public double invokeDouble(Object... args) {
    return Double.longBitsToDouble(call(args));
  }

  @Override
  public float invokeFloat(Object... args) {
    return Float.intBitsToFloat((int) call(args));
  }

  @Override
  public void invokeVoid(Object... args) {
    call(args);
  }

  @Override
  public int invokeInt(long a) {
    return (int) invoker.invoke(address, a, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public int invokeInt(long a, long b) {
    return (int) invoker.invoke(address, a, b, 0, 0, 0, 0, 0);
  }

  @Override
  public int invokeInt(long a, long b, long c) {
    return (int) invoker.invoke(address, a, b, c, 0, 0, 0, 0);
  }

  @Override
  public long invokeLong() {
    return invoker.invoke(address, 0, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public long invokeLong(long a) {
    return invoker.invoke(address, a, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public long invokeLong(long a, long b) {
    return invoker.invoke(address, a, b, 0, 0, 0, 0, 0);
  }

  @Override
  public long invokeLong(long a, long b, long c) {
    return invoker.invoke(address, a, b, c, 0, 0, 0, 0);
  }

  @Override
  public void invokeVoid(long a) {
    invoker.invoke(address, a, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public void invokeVoid(long a, long b) {
    invoker.invoke(address, a, b, 0, 0, 0, 0, 0);
  }

  private long call(Object[] args) {
    if (args.length > Shapes.WORDS) {
      throw new IllegalArgumentException("a shape takes at most " + Shapes.WORDS + " arguments");
    }
    long[] words = new long[Shapes.WORDS];
    Scratch scratch = null;
    int mark = 0;
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg instanceof Long l) {
        words[i] = l;
      } else if (arg instanceof Integer n) {
        words[i] = n;
      } else if (arg instanceof Double d) {
        words[i] = Double.doubleToRawLongBits(d);
      } else if (arg instanceof Float f) {
        words[i] = Float.floatToRawIntBits(f);
      } else if (arg != null) {
        if (scratch == null) {
          scratch = Scratch.current();
          mark = scratch.mark();
        }
        words[i] = scratch.copyIn(arg);
      }
    }
    if (scratch == null) {
      return invoke(words);
    }
    try {
      long result = invoke(words);
      for (int i = 0; i < args.length; i++) {
        if (args[i] != null && !(args[i] instanceof byte[]) && !(args[i] instanceof Number)) {
          scratch.copyBack(args[i], words[i]);
        }
      }
      return result;
    } finally {
      scratch.release(mark);
    }
  }

  private long invoke(long[] w) {
    return invoker.invoke(address, w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
  }
}
