/**
 * JRM's runtime. On a module path a module project sees {@code io.jrm} (its API) and {@code
 * io.jrm.spi} (what the generated registration code in the project's own packages calls), never
 * {@code io.jrm.internal}. At run time the module jar is on a class loader's class path, where this
 * descriptor is not read (DEVELOPERS.md, "Public surface").
 */
module io.jrm.runtime {
  requires com.sun.jna;
  requires java.management;
  requires jdk.management;
  // sun.misc.Unsafe: the jni backend's memory access on Java 17 to 22 (UnsafeMemory).
  requires jdk.unsupported;
  requires static transitive org.jspecify;
  // The generated binding carries @javax.annotation.processing.Generated, a source annotation.
  requires static java.compiler;

  exports io.jrm;
  exports io.jrm.spi;
}
