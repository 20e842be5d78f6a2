package io.jrm.bindinggen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates the runtime's binding from {@code redis-module-api.txt}, run by the runtime's build
 * before it compiles.
 *
 * <ul>
 *   <li>{@code <description> <output dir> <Java 22 output dir>}: writes the Java sources ({@code
 *       ApiFunction}, {@code RedisModuleApi}, {@code ShapeCalls}, {@code JniDowncalls}, {@code
 *       JniScratchCalls}, {@code JnaShapeCalls}), and into the second directory the Java 22+ {@code
 *       FfmShapeCalls};
 *   <li>{@code --update-stub <description> <module_stub.c>}: rewrites the stub's generated
 *       downcalls block (StubAbiTest fails until it matches the description).
 * </ul>
 */
public final class BindingGenerator {
  private BindingGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("--update-stub")) {
      Path stub = Path.of(args[2]);
      String updated =
          new StubDowncalls(ApiDescription.read(Path.of(args[1])))
              .replaceIn(Files.readString(stub, StandardCharsets.UTF_8));
      Files.writeString(stub, updated, StandardCharsets.UTF_8);
    } else if (args.length == 3) {
      ApiDescription api = ApiDescription.read(Path.of(args[0]));
      Path out = Path.of(args[1]);
      ApiSources sources = new ApiSources(api);
      ShapeSources shapes = new ShapeSources(api);
      sources.apiFunction().writeTo(out);
      sources.redisModuleApi().writeTo(out);
      shapes.shapeCalls().writeTo(out);
      shapes.jniDowncalls().writeTo(out);
      shapes.jniScratchCalls().writeTo(out);
      shapes.jnaShapeCalls().writeTo(out);
      shapes.ffmShapeCalls().writeTo(Path.of(args[2]));
    } else {
      throw new IllegalArgumentException(
          "usage: <description> <output dir> <Java 22 output dir> | --update-stub <description> <module_stub.c>");
    }
  }

  /** The stub's generated block for the description at {@code description}, for StubAbiTest. */
  public static String stubDowncalls(Path description) throws IOException {
    return new StubDowncalls(ApiDescription.read(description)).block();
  }
}
