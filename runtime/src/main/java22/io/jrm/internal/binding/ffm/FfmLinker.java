package io.jrm.internal.binding.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Downcall handles by C signature shape ({@link io.jrm.internal.binding.ApiFunction#shape()}:
 * return letter, {@code _}, parameter letters; {@code i} int, {@code j} 64-bit integer or pointer,
 * {@code d} double, {@code f} float, {@code v} void). A handle takes the function pointer as a
 * {@code long} first, then the parameters as their Java primitives, and is typed exactly, for
 * {@code invokeExact} from a {@code static final} field: {@code i_jd} is {@code (long, long,
 * double)int}.
 */
public final class FfmLinker {
  private static final Linker LINKER = Linker.nativeLinker();

  /** {@code MemorySegment.ofAddress(long)}: the function pointer as the linker wants it. */
  private static final MethodHandle OF_ADDRESS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      OF_ADDRESS =
          lookup.findStatic(
              MemorySegment.class,
              "ofAddress",
              MethodType.methodType(MemorySegment.class, long.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private FfmLinker() {}

  /**
   * The handle of {@code shape}. A {@code critical} one skips the thread's state change around the
   * call: only for functions that return soon and never run Java ({@link LeafFunctions}).
   */
  public static MethodHandle handle(String shape, boolean critical) {
    FunctionDescriptor descriptor = descriptor(shape, ValueLayout.JAVA_LONG);
    MethodHandle handle =
        critical
            ? LINKER.downcallHandle(descriptor, Linker.Option.critical(false))
            : LINKER.downcallHandle(descriptor);
    return MethodHandles.filterArguments(handle, 0, OF_ADDRESS);
  }

  /**
   * The handle of {@code shape} with some pointer parameters taken as Java arrays on the heap,
   * which C reads and writes in place for the length of the call: no copy to native memory and back
   * (on Temurin 25, a 16-byte buffer: about 5-20 ns a call against 10-30 copied to a thread's
   * scratch and 45-100 in a confined arena). {@code parameters} are the Java types of the C
   * parameters after the function pointer: the primitive of each letter, or a {@code byte[]},
   * {@code long[]}, {@code int[]} or {@code double[]} where the letter is {@code j}. Linked
   * critical with heap access, so for leaf functions only ({@link LeafFunctions}).
   */
  public static MethodHandle withHeapArrays(String shape, Class<?>... parameters) {
    FunctionDescriptor words = descriptor(shape, ValueLayout.JAVA_LONG);
    if (parameters.length != words.argumentLayouts().size()) {
      throw new IllegalArgumentException(shape + " takes " + words.argumentLayouts().size());
    }
    MemoryLayout[] layouts = new MemoryLayout[parameters.length];
    MethodHandle[] filters = new MethodHandle[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      layouts[i] = words.argumentLayouts().get(i);
      if (parameters[i].isArray()) {
        if (layouts[i] != ValueLayout.JAVA_LONG) {
          throw new IllegalArgumentException("parameter " + i + " of " + shape + " is no pointer");
        }
        layouts[i] = ValueLayout.ADDRESS;
        filters[i] = ofArray(parameters[i]);
      }
    }
    FunctionDescriptor descriptor =
        words
            .returnLayout()
            .map(r -> FunctionDescriptor.of(r, layouts))
            .orElseGet(() -> FunctionDescriptor.ofVoid(layouts));
    MethodHandle handle = LINKER.downcallHandle(descriptor, Linker.Option.critical(true));
    return MethodHandles.filterArguments(
        MethodHandles.filterArguments(handle, 1, filters), 0, OF_ADDRESS);
  }

  /** The C function of {@code shape}, {@code j} parameters laid out as {@code pointer}. */
  private static FunctionDescriptor descriptor(String shape, MemoryLayout pointer) {
    if (shape.length() < 2 || shape.charAt(1) != '_') {
      throw new IllegalArgumentException("not a shape: " + shape);
    }
    String letters = shape.substring(2);
    MemoryLayout[] parameters = new MemoryLayout[letters.length()];
    for (int i = 0; i < parameters.length; i++) {
      char letter = letters.charAt(i);
      parameters[i] = letter == 'j' ? pointer : layout(letter, shape);
    }
    char returns = shape.charAt(0);
    return returns == 'v'
        ? FunctionDescriptor.ofVoid(parameters)
        : FunctionDescriptor.of(layout(returns, shape), parameters);
  }

  /** {@code MemorySegment.ofArray} of {@code arrayType}. */
  private static MethodHandle ofArray(Class<?> arrayType) {
    try {
      return MethodHandles.publicLookup()
          .findStatic(
              MemorySegment.class,
              "ofArray",
              MethodType.methodType(MemorySegment.class, arrayType));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("no heap segment over a " + arrayType.getName(), e);
    }
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
