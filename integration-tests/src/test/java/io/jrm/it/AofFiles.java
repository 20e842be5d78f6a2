package io.jrm.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a Redis 7 AOF directory: its manifest and the commands of a plain (non-RDB) AOF file. */
final class AofFiles {
  private AofFiles() {}

  /** The current base file named by {@code appendonlydir/<name>.manifest}. */
  static Path baseFile(Path serverDir) {
    Path dir = serverDir.resolve("appendonlydir");
    try {
      for (String line : Files.readAllLines(dir.resolve("appendonly.aof.manifest"))) {
        // file appendonly.aof.2.base.aof seq 2 type b
        String[] words = line.trim().split(" ");
        if (words.length >= 6 && words[0].equals("file") && words[words.length - 1].equals("b")) {
          return dir.resolve(words[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no base file in the manifest of " + dir);
  }

  /** Every command of a plain AOF file, each argument as bytes. */
  static List<List<byte[]>> commands(Path file) {
    List<List<byte[]>> commands = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      for (String header = line(in); header != null; header = line(in)) {
        if (!header.startsWith("*")) {
          throw new AssertionError("not a command in " + file + ": " + header);
        }
        int count = Integer.parseInt(header.substring(1));
        List<byte[]> command = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          String length = line(in);
          if (length == null || !length.startsWith("$")) {
            throw new AssertionError("bad argument header in " + file + ": " + length);
          }
          command.add(in.readNBytes(Integer.parseInt(length.substring(1))));
          in.readNBytes(2); // \r\n
        }
        commands.add(command);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return commands;
  }

  /** A command with its arguments as text, for assertions and messages. */
  static List<String> text(List<byte[]> command) {
    return command.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\r') {
        in.read(); // \n
        return line.toString(StandardCharsets.UTF_8);
      }
      line.write(c);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }
}
