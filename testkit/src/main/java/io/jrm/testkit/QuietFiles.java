package io.jrm.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers that must never throw: they run while reporting another failure. */
final class QuietFiles {

  private QuietFiles() {}

  /** Last {@code lines} lines of a text file, or a note saying why there is nothing to show. */
  static String tail(Path file, int lines) {
    if (lines <= 0) {
      return "";
    }
    if (!Files.exists(file)) {
      return "(" + file + " does not exist)";
    }
    try {
      // Logs can contain bytes from module output that are not UTF-8; replace rather than fail.
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
      String[] all = text.split("\\R");
      if (all.length == 1 && all[0].isEmpty()) {
        return "";
      }
      int from = Math.max(0, all.length - lines);
      return String.join("\n", Arrays.copyOfRange(all, from, all.length));
    } catch (IOException e) {
      return "(could not read " + file + ": " + e + ")";
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(QuietFiles::deleteQuietly);
    } catch (IOException e) {
      // Leftover temp files are harmless; failing a passing test over them is not.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // see deleteRecursively
    }
  }
}
