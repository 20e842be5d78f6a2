package io.jrm.internal.binding.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Downcall handles by C signature shape (the letters of {@code ShapeCalls}: return letter, {@code
 * _}, parameter letters, and after a second {@code _} the variadic ones; {@code i} int, {@code j}
 * 64-bit integer or pointer, {@code d} double, {@code f} float, {@code v} void, {@code B}/{@code
 * L}/{@code I}/{@code D} a byte[]/long[]/int[]/double[] C reads or fills). A handle takes the
 * function pointer as a {@code long} first and is typed exactly, for {@code invokeExact} from a
 * {@code static final} field: {@code i_jd} is {@code (long, long, double)int}.
 */
public final class FfmLinker {
  private static final Linker LINKER = Linker.nativeLinker();

  /** The memory of the module's upcall stubs, freed when Redis unloads the module. */
  private static final Arena UPCALL_STUBS = Arena.ofShared();

  /** {@code MemorySegment.ofAddress(long)}: the function pointer as the linker wants it. */
  private static final MethodHandle OF_ADDRESS;

  static {
    try {
      OF_ADDRESS =
          MethodHandles.publicLookup()
              .findStatic(
                  MemorySegment.class,
                  "ofAddress",
                  MethodType.methodType(MemorySegment.class, long.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private FfmLinker() {}

  /**
   * The calling thread's {@code errno}, read through libc's {@code __errno_location} (a critical
   * call: no thread state change between the call that set it and this read).
   */
  static int errno() {
    try {
      MemorySegment location = (MemorySegment) ErrnoLocation.HANDLE.invokeExact();
      return location.reinterpret(Integer.BYTES).get(ValueLayout.JAVA_INT, 0);
    } catch (Throwable t) {
      throw new IllegalStateException("cannot read errno", t);
    }
  }

  /** The handle of {@code __errno_location}, linked at the first read of errno. */
  private static final class ErrnoLocation {
    static final MethodHandle HANDLE =
        LINKER.downcallHandle(
            LINKER.defaultLookup().find("__errno_location").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS),
            Linker.Option.critical(false));
  }

  /**
   * The handle of {@code shape}. A {@code critical} one skips the thread's state change around the
   * call and takes array parameters as the Java arrays themselves, which C reads and writes in
   * place (on Temurin 25, a 16-byte buffer: about 5-20 ns a call against 10-30 copied to a thread's
   * scratch and 45-100 in a confined arena): only for functions that return soon and never run Java
   * (the description's {@code leaf}s), since the garbage collector waits for it. A plain one takes
   * array parameters as the {@code long} address of a native copy ({@link FfmScratch}).
   */
  public static MethodHandle handle(String shape, boolean critical) {
    if (shape.length() < 2 || shape.charAt(1) != '_') {
      throw new IllegalArgumentException("not a shape: " + shape);
    }
    int variadicAt = shape.indexOf('_', 2);
    String letters = shape.substring(2).replace("_", "");
    MemoryLayout[] layouts = new MemoryLayout[letters.length()];
    MethodHandle[] filters = new MethodHandle[letters.length()];
    boolean arrays = false;
    for (int i = 0; i < layouts.length; i++) {
      char letter = letters.charAt(i);
      if (Character.isUpperCase(letter)) {
        arrays = true;
        layouts[i] = critical ? ValueLayout.ADDRESS : ValueLayout.JAVA_LONG;
        filters[i] = critical ? inPlace(letter) : null;
      } else {
        layouts[i] = layout(letter, shape);
      }
    }
    char returns = shape.charAt(0);
    FunctionDescriptor descriptor =
        returns == 'v'
            ? FunctionDescriptor.ofVoid(layouts)
            : FunctionDescriptor.of(layout(returns, shape), layouts);
    List<Linker.Option> options = new ArrayList<>();
    if (variadicAt > 0) {
      options.add(Linker.Option.firstVariadicArg(variadicAt - 2));
    }
    if (critical) {
      options.add(Linker.Option.critical(arrays));
    }
    MethodHandle handle = LINKER.downcallHandle(descriptor, options.toArray(new Linker.Option[0]));
    return MethodHandles.filterArguments(
        MethodHandles.filterArguments(handle, 1, filters), 0, OF_ADDRESS);
  }

  /**
   * An upcall stub of {@code target}, a method handle of primitive parameters and result: the
   * address of a C function that calls it. A Throwable escaping an FFM upcall would end the process
   * (Redis with it), so the stub calls {@code target} inside a catch of every Throwable that
   * returns {@code threw} (nothing, if void). It lives until {@link #freeUpcallStubs}.
   */
  public static long upcallStub(MethodHandle target, int threw) {
    MethodType type = target.type();
    MethodType handlerType = type.insertParameterTypes(0, Throwable.class);
    MethodHandle handler =
        type.returnType() == void.class
            ? MethodHandles.empty(handlerType)
            : MethodHandles.dropArguments(
                MethodHandles.constant(type.returnType(), threw), 0, handlerType.parameterList());
    MethodHandle safe = MethodHandles.catchException(target, Throwable.class, handler);
    MemoryLayout[] layouts = new MemoryLayout[type.parameterCount()];
    for (int i = 0; i < layouts.length; i++) {
      layouts[i] = layout(type.parameterType(i));
    }
    FunctionDescriptor descriptor =
        type.returnType() == void.class
            ? FunctionDescriptor.ofVoid(layouts)
            : FunctionDescriptor.of(layout(type.returnType()), layouts);
    return LINKER.upcallStub(safe, descriptor, UPCALL_STUBS).address();
  }

  /**
   * Frees every upcall stub, when the module is unloaded and Redis no longer calls them: a stub
   * holds its target, and so the module's class loader.
   */
  public static void freeUpcallStubs() {
    UPCALL_STUBS.close();
  }

  /** A Throwable a downcall threw (never a checked one) as it was. */
  public static RuntimeException unchecked(Throwable t) {
    if (t instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (t instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(t);
  }

  /** The filter passing an array of {@code letter} in place: a heap segment, NULL for null. */
  private static MethodHandle inPlace(char letter) {
    Class<?> array =
        switch (letter) {
          case 'B' -> byte[].class;
          case 'L' -> long[].class;
          case 'I' -> int[].class;
          default -> double[].class;
        };
    try {
      return MethodHandles.lookup()
          .findStatic(
              FfmLinker.class, "segment", MethodType.methodType(MemorySegment.class, array));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MemorySegment segment(byte[] array) {
    return array == null ? MemorySegment.NULL : MemorySegment.ofArray(array);
  }

  private static MemorySegment segment(long[] array) {
    return array == null ? MemorySegment.NULL : MemorySegment.ofArray(array);
  }

  private static MemorySegment segment(int[] array) {
    return array == null ? MemorySegment.NULL : MemorySegment.ofArray(array);
  }

  private static MemorySegment segment(double[] array) {
    return array == null ? MemorySegment.NULL : MemorySegment.ofArray(array);
  }

  /** The layout of a primitive upcall parameter or result. */
  private static MemoryLayout layout(Class<?> primitive) {
    return layout(
        Character.toLowerCase(primitive.descriptorString().charAt(0)), primitive.getName());
  }

  private static MemoryLayout layout(char letter, String shape) {
    return switch (letter) {
      case 'i' -> ValueLayout.JAVA_INT;
      case 'j' -> ValueLayout.JAVA_LONG;
      case 'd' -> ValueLayout.JAVA_DOUBLE;
      case 'f' -> ValueLayout.JAVA_FLOAT;
      default -> throw new IllegalArgumentException("no letter " + letter + " in shapes: " + shape);
    };
  }
}
