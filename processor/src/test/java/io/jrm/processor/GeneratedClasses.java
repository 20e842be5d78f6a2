package io.jrm.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Reads what a compilation generated: source text, resources and loadable classes. */
final class GeneratedClasses {
  private GeneratedClasses() {}

  /** The text of a file the compilation wrote. */
  static String contents(
      Compilation compilation, StandardLocation location, String packageName, String name) {
    JavaFileObject file = compilation.generatedFile(location, packageName, name).orElseThrow();
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The source of a generated class, such as {@code source(c, "test", "JrmType_Foo")}. */
  static String source(Compilation compilation, String packageName, String simpleName) {
    return contents(compilation, StandardLocation.SOURCE_OUTPUT, packageName, simpleName + ".java");
  }

  /**
   * Loads the classes a compilation wrote, delegating the runtime's classes to the test's loader.
   */
  static final class Loader extends ClassLoader {
    private final Map<String, byte[]> classes = new HashMap<>();

    Loader(Compilation compilation) throws IOException {
      super(GeneratedClasses.class.getClassLoader());
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS) {
          try (var in = file.openInputStream()) {
            classes.put(file.getName(), in.readAllBytes());
          }
        }
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      String path = "/" + name.replace('.', '/') + ".class";
      for (Map.Entry<String, byte[]> e : classes.entrySet()) {
        if (e.getKey().endsWith(path)) {
          return defineClass(name, e.getValue(), 0, e.getValue().length);
        }
      }
      throw new ClassNotFoundException(name);
    }
  }
}
