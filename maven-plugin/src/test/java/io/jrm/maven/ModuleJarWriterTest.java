package io.jrm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleJarWriterTest {

  private static final String SERVICE = "META-INF/services/io.jrm.Spi";

  @TempDir Path dir;

  private Path classes;
  private Path dep1;
  private Path dep2;

  @BeforeEach
  void sources() throws IOException {
    classes = dir.resolve("classes");
    write(classes, "io/x/A.class", "project A");
    write(classes, "module-info.class", "project descriptor");
    write(classes, SERVICE, "io.x.ProjectImpl\n");
    write(classes, "META-INF/jrm/hello.c", "/* stub */");

    dep1 =
        jar(
            "dep1.jar",
            Map.of(
                "io/x/A.class",
                "dependency A",
                "io/y/B.class",
                "dependency B",
                SERVICE,
                "# providers\nio.y.DepImpl\n  io.x.ProjectImpl  # again\n\n",
                "META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\nMulti-Release: true\n\n",
                "META-INF/SIGNER.SF",
                "sig",
                "META-INF/SIGNER.RSA",
                "sig",
                "META-INF/OTHER.EC",
                "sig",
                "META-INF/versions/9/module-info.class",
                "versioned descriptor",
                "META-INF/versions/11/io/y/B.class",
                "dependency B for 11",
                "META-INF/maven/g/dep1/pom.xml",
                "<project/>"));
    dep2 =
        jar(
            "dep2.jar",
            Map.of(
                "module-info.class",
                "dep2 descriptor",
                "io/y/B.class",
                "other B",
                "io/z/C.class",
                "dependency C",
                SERVICE,
                "io.z.OtherImpl",
                "META-INF/DEP2.DSA",
                "sig"));
  }

  @Test
  void mergesProjectAndDependencies() throws IOException {
    Path out = dir.resolve("target/hello.jar");

    ModuleJarWriter.Result result =
        new ModuleJarWriter("hello", JnaPlatforms.all()).write(classes, List.of(dep1, dep2), out);

    Map<String, String> entries = read(out);
    assertThat(entries)
        .containsEntry("io/x/A.class", "project A")
        .containsEntry("io/y/B.class", "dependency B")
        .containsEntry("io/z/C.class", "dependency C")
        .containsEntry("META-INF/jrm/hello.c", "/* stub */")
        .containsEntry("META-INF/versions/11/io/y/B.class", "dependency B for 11")
        .containsEntry(SERVICE, "io.x.ProjectImpl\nio.y.DepImpl\nio.z.OtherImpl\n")
        .containsKeys("io/", "io/x/", "io/y/", "io/z/", "META-INF/services/");
    assertThat(entries.keySet())
        .noneMatch(n -> n.endsWith("module-info.class"))
        .noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"))
        .noneMatch(n -> n.startsWith("META-INF/maven/"));
    // + META-INF/ and the manifest, which JarInputStream hides
    assertThat(result.entries()).isEqualTo(entries.size() + 2);
    assertThat(result.duplicates()).containsExactly("io/x/A.class", "io/y/B.class");
  }

  @Test
  void writesItsOwnManifestFirst() throws IOException {
    Path out = dir.resolve("hello.jar");
    new ModuleJarWriter("hello", JnaPlatforms.all()).write(classes, List.of(dep1, dep2), out);

    try (JarInputStream in = new JarInputStream(Files.newInputStream(out))) {
      Manifest manifest = in.getManifest();
      assertThat(manifest).isNotNull();
      assertThat(manifest.getMainAttributes().getValue("Created-By")).isEqualTo("JRM");
      assertThat(manifest.getMainAttributes().getValue("JRM-Module")).isEqualTo("hello");
      assertThat(manifest.getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
    }
    try (JarFile jar = new JarFile(out.toFile())) {
      assertThat(jar.stream().filter(e -> e.getName().equals(JarFile.MANIFEST_NAME))).hasSize(1);
    }
  }

  @Test
  void sameInputSameBytes() throws IOException {
    Path first = dir.resolve("first.jar");
    Path second = dir.resolve("second.jar");
    new ModuleJarWriter("hello", JnaPlatforms.all()).write(classes, List.of(dep1, dep2), first);
    new ModuleJarWriter("hello", JnaPlatforms.all()).write(classes, List.of(dep1, dep2), second);

    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
  }

  @Test
  void exclusionRules() {
    assertThat(ModuleJarWriter.excluded("module-info.class", true)).isTrue();
    assertThat(ModuleJarWriter.excluded("META-INF/versions/17/module-info.class", false)).isTrue();
    assertThat(ModuleJarWriter.excluded("META-INF/FOO.SF", false)).isTrue();
    assertThat(ModuleJarWriter.excluded("META-INF/MANIFEST.MF", true)).isTrue();
    assertThat(ModuleJarWriter.excluded("META-INF/maven/g/a/pom.properties", false)).isTrue();
    assertThat(ModuleJarWriter.excluded("META-INF/maven/g/a/pom.properties", true)).isFalse();
    assertThat(ModuleJarWriter.excluded("META-INF/sub/FOO.SF", false)).isFalse();
    assertThat(ModuleJarWriter.excluded("com/sun/jna/linux-x86-64/libjnidispatch.so", false))
        .isFalse();
  }

  @Test
  void keepsOnlyTheBuildPlatformsJnaLibraryByDefault() throws Exception {
    Path jna = Path.of(Native.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path everyPlatform = dir.resolve("all.jar");
    Path buildPlatform = dir.resolve("default.jar");
    new ModuleJarWriter("hello", JnaPlatforms.all()).write(classes, List.of(jna), everyPlatform);
    new ModuleJarWriter("hello", JnaPlatforms.of(List.of()))
        .write(classes, List.of(jna), buildPlatform);

    assertThat(dispatchLibraries(everyPlatform)).hasSizeGreaterThan(20);
    assertThat(dispatchLibraries(buildPlatform))
        .containsExactly("com/sun/jna/" + JnaPlatforms.current() + "/libjnidispatch.so");
    assertThat(read(buildPlatform)).containsKey("com/sun/jna/Native.class");
    assertThat(Files.size(buildPlatform)).isLessThan(Files.size(everyPlatform) / 3);
  }

  @Test
  void platformSelection() {
    String x64 = "com/sun/jna/linux-x86-64/libjnidispatch.so";
    String arm = "com/sun/jna/linux-aarch64/libjnidispatch.so";
    String windows = "com/sun/jna/win32-x86-64/jnidispatch.dll";
    JnaPlatforms linux = JnaPlatforms.of(List.of("linux-x86-64", "linux-aarch64"));
    assertThat(linux.keeps(x64)).isTrue();
    assertThat(linux.keeps(arm)).isTrue();
    assertThat(linux.keeps(windows)).isFalse();
    assertThat(linux.keeps("com/sun/jna/win32/StdCall.class")).isTrue();
    assertThat(linux.names()).containsExactly("linux-aarch64", "linux-x86-64");
    assertThat(JnaPlatforms.of(List.of("all")).keeps(windows)).isTrue();
    assertThat(JnaPlatforms.of(List.of()).names()).containsExactly(JnaPlatforms.current());
  }

  /** The names of the JNA dispatch libraries in a jar. */
  private static List<String> dispatchLibraries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream()
          .map(ZipEntry::getName)
          .filter(name -> name.contains("jnidispatch."))
          .toList();
    }
  }

  private static void write(Path root, String name, String content) throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private Path jar(String name, Map<String, String> entries) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (String entry : new java.util.TreeSet<>(entries.keySet())) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(entries.get(entry).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }

  /** Entry names to content, in jar order, as a class loader would see them (manifest aside). */
  private static Map<String, String> read(Path jar) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        order.add(e.getName());
        entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(order).isSorted();
    return entries;
  }
}
