package io.jrm;

import io.jrm.internal.binding.NativeBackend;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * Makes the FFM upcall stubs of the C stub's upcalls on a thread of its own, after the load: making
 * them in {@code MODULE LOAD} took about a fifth of an ffm load (Temurin 25 generates each one's
 * code). Each stub is written into its C slot once made; until then the C stub calls that method
 * over JNI, which serves it the same, so only the speed of the first upcalls differs.
 */
final class UpcallStubs {
  /** The thread making the stubs of this module, null when none was started. */
  private static Thread maker;

  private UpcallStubs() {}

  /**
   * Starts making the stubs of {@code methods} (each {@code name(descriptor)} of a static method
   * that {@code lookup} finds), writing the address of the i-th into the C slot at {@code
   * slots[i]}; a stub returns {@code threw} (or nothing, if void) when its method throws. Nothing
   * when {@code backend} makes no stubs. A failure is handed to {@code warning}, and that method
   * and those after it stay on JNI.
   */
  static void start(
      NativeBackend backend,
      MethodHandles.Lookup lookup,
      String[] methods,
      long[] slots,
      int threw,
      Consumer<String> warning) {
    if (!backend.makesUpcallStubs()) {
      return;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < methods.length; i++) {
                  long stub = backend.upcallStub(target(lookup, methods[i]), threw);
                  // The stub's code must be visible to the main thread before its address is.
                  VarHandle.releaseFence();
                  backend.writeWord(slots[i], stub);
                }
              } catch (Throwable t) {
                warning.accept("JRM: upcalls stay on JNI: " + t);
              }
            },
            "jrm-upcall-stubs");
    thread.setDaemon(true);
    maker = thread;
    thread.start();
  }

  /**
   * Waits until the stubs are made (or failed), before the module unloads and the backend frees
   * them: no stub may be made into freed memory or written into a slot after the unload.
   */
  static void awaitMade() throws InterruptedException {
    if (maker != null) {
      maker.join();
      maker = null;
    }
  }

  private static MethodHandle target(MethodHandles.Lookup lookup, String method)
      throws ReflectiveOperationException {
    int parameters = method.indexOf('(');
    MethodType type =
        MethodType.fromMethodDescriptorString(
            method.substring(parameters), lookup.lookupClass().getClassLoader());
    return lookup.findStatic(lookup.lookupClass(), method.substring(0, parameters), type);
  }
}
