package io.jrm.internal.binding.ffm;

import io.jrm.internal.binding.NativeFunction;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One API function on the ffm backend. Its {@link FfmLinker} handle is adapted to 64-bit words in
 * and out ({@code int} sign-extended, {@code double} and {@code float} as their raw bits), so that
 * the {@code long} overloads call it with {@code invokeExact} and no boxing; the {@code Object...}
 * ones convert their arguments to words first, copying arrays to the thread's {@link FfmScratch}.
 */
final class FfmFunction implements NativeFunction {
  private static final MethodHandle DOUBLE_OF_WORD;
  private static final MethodHandle FLOAT_OF_WORD;
  private static final MethodHandle WORD_OF_DOUBLE;
  private static final MethodHandle WORD_OF_FLOAT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      DOUBLE_OF_WORD =
          lookup.findStatic(
              Double.class, "longBitsToDouble", MethodType.methodType(double.class, long.class));
      WORD_OF_DOUBLE =
          lookup.findStatic(
              Double.class, "doubleToRawLongBits", MethodType.methodType(long.class, double.class));
      FLOAT_OF_WORD =
          lookup.findStatic(
              FfmFunction.class, "floatOfWord", MethodType.methodType(float.class, long.class));
      WORD_OF_FLOAT =
          lookup.findStatic(
              FfmFunction.class, "wordOfFloat", MethodType.methodType(long.class, float.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The word handles by shape and criticality, shared by the functions of one shape and linked at
   * the first call of one: linking all of the API at load would add most of a second to MODULE
   * LOAD.
   */
  private static final Map<String, MethodHandle> WORDS = new ConcurrentHashMap<>();

  private final long address;
  private final String shape;
  private final boolean critical;
  private final int arity;

  /** {@code (long fn, long... words)long}, one word per parameter; null until the first call. */
  private MethodHandle words;

  /** {@link #words} taking its words as one {@code long[]}; null until the first call. */
  private MethodHandle spread;

  FfmFunction(long address, String shape, boolean critical) {
    this.address = address;
    this.shape = shape;
    this.critical = critical;
    this.arity = shape.length() - 2;
  }

  private MethodHandle words() {
    MethodHandle linked = words;
    if (linked == null) {
      linked =
          WORDS.computeIfAbsent(
              shape + (critical ? " critical" : ""),
              key -> inWords(FfmLinker.handle(shape, critical)));
      words = linked;
    }
    return linked;
  }

  private MethodHandle spread() {
    MethodHandle linked = spread;
    if (linked == null) {
      linked = words().asSpreader(long[].class, arity);
      spread = linked;
    }
    return linked;
  }

  private static MethodHandle inWords(MethodHandle handle) {
    MethodType type = handle.type();
    MethodHandle adapted = handle;
    for (int i = 1; i < type.parameterCount(); i++) {
      Class<?> parameter = type.parameterType(i);
      if (parameter == double.class) {
        adapted = MethodHandles.filterArguments(adapted, i, DOUBLE_OF_WORD);
      } else if (parameter == float.class) {
        adapted = MethodHandles.filterArguments(adapted, i, FLOAT_OF_WORD);
      }
    }
    Class<?> returns = type.returnType();
    if (returns == double.class) {
      adapted = MethodHandles.filterReturnValue(adapted, WORD_OF_DOUBLE);
    } else if (returns == float.class) {
      adapted = MethodHandles.filterReturnValue(adapted, WORD_OF_FLOAT);
    } else if (returns == void.class) {
      adapted = MethodHandles.collectArguments(MethodHandles.zero(long.class), 0, adapted);
    }
    Class<?>[] longs = new Class<?>[type.parameterCount()];
    Arrays.fill(longs, long.class);
    // Narrows int parameters and sign-extends an int result.
    return MethodHandles.explicitCastArguments(adapted, MethodType.methodType(long.class, longs));
  }

  private static float floatOfWord(long word) {
    return Float.intBitsToFloat((int) word);
  }

  private static long wordOfFloat(float value) {
    return Float.floatToRawIntBits(value);
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
    return floatOfWord(call(args));
  }

  @Override
  public void invokeVoid(Object... args) {
    call(args);
  }

  @Override
  public int invokeInt(long a) {
    try {
      return (int) (long) words().invokeExact(address, a);
    } catch (Throwable t) {
      throw rethrown(t);
    }
  }

  @Override
  public int invokeInt(long a, long b) {
    try {
      return (int) (long) words().invokeExact(address, a, b);
    } catch (Throwable t) {
      throw rethrown(t);
    }
  }

  @Override
  public int invokeInt(long a, long b, long c) {
    try {
      return (int) (long) words().invokeExact(address, a, b, c);
    } catch (Throwable t) {
      throw rethrown(t);
    }
  }

  @Override
  public long invokeLong() {
    try {
      return (long) words().invokeExact(address);
    } catch (Throwable t) {
      throw rethrown(t);
    }
  }

  @Override
  public long invokeLong(long a) {
    try {
      return (long) words().invokeExact(address, a);
    } catch (Throwable t) {
      throw rethrown(t);
    }
  }

  @Override
  public long invokeLong(long a, long b) {
    try {
      return (long) words().invokeExact(address, a, b);
    } catch (Throwable t) {
      throw rethrown(t);
    }
  }

  @Override
  public long invokeLong(long a, long b, long c) {
    try {
      return (long) words().invokeExact(address, a, b, c);
    } catch (Throwable t) {
      throw rethrown(t);
    }
  }

  @Override
  public void invokeVoid(long a) {
    invokeLong(a);
  }

  @Override
  public void invokeVoid(long a, long b) {
    invokeLong(a, b);
  }

  private long call(Object[] args) {
    if (args.length != arity) {
      throw new IllegalArgumentException(
          "the function takes " + arity + " arguments, not " + args.length);
    }
    long[] values = new long[arity];
    FfmScratch scratch = null;
    long mark = 0;
    for (int i = 0; i < arity; i++) {
      Object arg = args[i];
      if (arg instanceof Number number) {
        values[i] = word(number);
      } else if (arg != null) {
        if (scratch == null) {
          scratch = FfmScratch.current();
          mark = scratch.mark();
        }
        values[i] = scratch.copyIn(arg);
      }
    }
    try {
      long result = (long) spread().invokeExact(address, values);
      for (int i = 0; scratch != null && i < arity; i++) {
        if (args[i] != null && !(args[i] instanceof Number)) {
          FfmScratch.copyBack(args[i], values[i]);
        }
      }
      return result;
    } catch (Throwable t) {
      throw rethrown(t);
    } finally {
      if (scratch != null) {
        scratch.release(mark);
      }
    }
  }

  private static long word(Number number) {
    if (number instanceof Double d) {
      return Double.doubleToRawLongBits(d);
    } else if (number instanceof Float f) {
      return wordOfFloat(f);
    }
    return number.longValue();
  }

  /**
   * Native calls throw no checked exceptions: what comes out is an error or a runtime exception.
   */
  private static RuntimeException rethrown(Throwable t) {
    if (t instanceof Error error) {
      throw error;
    }
    return t instanceof RuntimeException runtime ? runtime : new IllegalStateException(t);
  }
}
