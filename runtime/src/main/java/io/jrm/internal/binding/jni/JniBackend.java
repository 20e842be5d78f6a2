package io.jrm.internal.binding.jni;

import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.ShapeCalls;
import java.util.Optional;

/**
 * The default backend before Java 22: JNI natives the module stub registers ({@link JniDowncalls}),
 * one per C signature shape, called with the function pointer; arrays are copied into C memory by
 * the native itself, so nothing is boxed or allocated in Java. Where {@link UnsafeMemory} may be
 * used, Java copies arrays to native memory itself and reads and writes native memory (argv,
 * StringDMA views) without a native call.
 */
public final class JniBackend implements NativeBackend {
  private static final long[] NO_WORDS = {};

  /**
   * Whether memory goes through {@link UnsafeMemory} (Java 17 to 22) rather than the natives, and
   * arrays are copied to native memory by Java ({@link JniScratchCalls}) rather than by them.
   */
  private static final boolean UNSAFE = UnsafeMemory.available();

  private final ShapeCalls calls = UNSAFE ? new JniScratchCalls() : new JniDowncalls();

  private JniBackend() {}

  /** The backend, when the stub registered its natives (for every {@code jrm.backend=} but jna). */
  public static Optional<NativeBackend> ifRegistered() {
    try {
      JniDowncalls.readWords(0, NO_WORDS); // copies nothing: only whether the native is there
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
  public ShapeCalls calls() {
    return calls;
  }

  @Override
  public long readWord(long address) {
    return UNSAFE ? UnsafeMemory.readWord(address) : JniDowncalls.readWord(address);
  }

  @Override
  public void readWords(long address, long[] words) {
    if (UNSAFE) {
      UnsafeMemory.readWords(address, words);
    } else {
      JniDowncalls.readWords(address, words);
    }
  }

  @Override
  public void readBytes(long address, byte[] bytes) {
    if (UNSAFE) {
      UnsafeMemory.readBytes(address, bytes);
    } else {
      JniDowncalls.readBytes(address, bytes);
    }
  }

  @Override
  public void writeWord(long address, long value) {
    if (UNSAFE) {
      UnsafeMemory.writeWord(address, value);
    } else {
      JniDowncalls.writeWord(address, value);
    }
  }

  @Override
  public void writeBytes(long address, byte[] bytes) {
    if (UNSAFE) {
      UnsafeMemory.writeBytes(address, bytes);
    } else {
      JniDowncalls.writeBytes(address, bytes);
    }
  }

  @Override
  public void release() {
    if (UNSAFE) {
      JniScratch.forget();
    }
  }

  @Override
  public int lastErrno() {
    return JniDowncalls.lastErrno();
  }
}
