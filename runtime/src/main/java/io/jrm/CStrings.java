package io.jrm;

import io.jrm.internal.binding.NativeBackend;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Reads the C strings Redis answers ({@code const char *}), for the classes that get them. */
final class CStrings {
  private CStrings() {}

  /**
   * The NUL-terminated UTF-8 text at {@code address}, read a whole aligned word at a time: an
   * aligned word never crosses into a page the string does not reach.
   */
  static String read(NativeBackend memory, long address) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    long word = address & ~7L;
    int skip = (int) (address - word);
    while (true) {
      long bytes = memory.readWord(word);
      for (int i = skip; i < Long.BYTES; i++) {
        int b = (int) (bytes >>> (8 * i)) & 0xff; // little-endian, as on every Linux JRM runs on
        if (b == 0) {
          return text.toString(StandardCharsets.UTF_8);
        }
        text.write(b);
      }
      word += Long.BYTES;
      skip = 0;
    }
  }
}
