package io.jrm;

import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.ffm.FfmBackends;
import io.jrm.internal.binding.jna.JnaBackend;
import io.jrm.internal.binding.jni.JniBackend;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Picks the downcall backend at load from what {@code jrm.backend=} (or {@code JRM_BACKEND}) asked
 * for, as the stub hands it over: {@code jni}, {@code jna}, {@code ffm}, or empty for the fastest
 * this Java has (ffm on 22+, else jni; jna when the stub registered no natives). Asked for ffm
 * before Java 22, it warns and uses the fastest there is, so that one {@code JRM_BACKEND=ffm} does
 * not fail every module of a server on an older JDK.
 */
final class BackendChoice {
  private BackendChoice() {}

  /** The backend for {@code requested}; {@code warning} gets a line when it cannot be that one. */
  static NativeBackend of(String requested, Consumer<String> warning) {
    switch (requested) {
      case "jna":
        return new JnaBackend();
      case "jni":
        return jniOrJna();
      case "ffm":
        Optional<NativeBackend> ffm = FfmBackends.available();
        if (ffm.isPresent()) {
          return ffm.get();
        }
        NativeBackend fallback = jniOrJna();
        warning.accept(
            "JRM: jrm.backend=ffm needs Java 22 or later, this is Java "
                + Runtime.version()
                + ": using "
                + fallback.name());
        return fallback;
      default:
        return FfmBackends.available().orElseGet(BackendChoice::jniOrJna);
    }
  }

  private static NativeBackend jniOrJna() {
    return JniBackend.ifRegistered().orElseGet(JnaBackend::new);
  }
}
