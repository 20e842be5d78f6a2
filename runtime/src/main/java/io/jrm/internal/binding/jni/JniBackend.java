package io.jrm.internal.binding.jni;

import io.jrm.internal.binding.ApiFunction;
import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.NativeFunction;
import io.jrm.internal.binding.jna.JnaBackend;
import java.util.Optional;

/**
 * The default backend: JNI natives the module stub registers ({@link JniDowncalls}), one per C
 * signature shape, called with the function pointer. Variadic functions ({@code Call}, {@code Log},
 * {@code Replicate}, ...) still go through JNA, which builds their argument lists.
 */
public final class JniBackend implements NativeBackend {
  private final JnaBackend variadic = new JnaBackend();

  private JniBackend() {}

  /** The backend, when the stub registered its natives ({@code jrm.backend=jni}, the default). */
  public static Optional<NativeBackend> ifRegistered() {
    try {
      Scratch.current();
      return Optional.of(new JniBackend());
    } catch (UnsatisfiedLinkError notRegistered) {
      return Optional.empty();
    }
  }

  @Override
  public String name() {
    return "jni";
  }

  @Override
  public NativeFunction bind(ApiFunction function, long address) {
    return function.variadic()
        ? variadic.bind(function, address)
        : new JniFunction(address, Shapes.invoker(function.shape()));
  }

  /** The variadic functions, the only ones with a variable count, are JNA's. */
  @Override
  public int maxArguments() {
    return variadic.maxArguments();
  }

  @Override
  public long readWord(long address) {
    return JniDowncalls.readWord(address);
  }

  @Override
  public long[] readWords(long address, int count) {
    long[] words = new long[count];
    JniDowncalls.readWords(address, words);
    return words;
  }

  @Override
  public byte[] readBytes(long address, int length) {
    byte[] bytes = new byte[length];
    JniDowncalls.readBytes(address, bytes);
    return bytes;
  }

  @Override
  public void writeWord(long address, long value) {
    JniDowncalls.writeWord(address, value);
  }

  @Override
  public void writeBytes(long address, byte[] bytes) {
    JniDowncalls.writeBytes(address, bytes);
  }
}
