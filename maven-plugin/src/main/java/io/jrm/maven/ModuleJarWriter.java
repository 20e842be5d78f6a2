package io.jrm.maven;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Assembles the self-contained module jar: the project's classes plus the unpacked contents of its
 * runtime dependencies.
 *
 * <p>The native stub starts one class loader per module from this single jar, which is how the JRM
 * runtime and JNA travel with each module without clashing with another module's copies. Rules:
 *
 * <ul>
 *   <li>for an entry present more than once, the first one wins; the project's classes come first,
 *       then the dependencies in the order given;
 *   <li>{@code META-INF/services/*} files are merged instead (lines concatenated, duplicates and
 *       comments dropped), since a service loader reads only one resource per name from a jar;
 *   <li>{@code module-info.class} is dropped everywhere: the merged jar is loaded on a class path
 *       and a descriptor of one of its parts would describe it wrongly;
 *   <li>signature files ({@code META-INF/*.SF}, {@code *.DSA}, {@code *.RSA}, {@code *.EC}, {@code
 *       SIG-*}) are dropped, as they no longer match the merged content and would make the class
 *       loader reject it; so are {@code INDEX.LIST} and all manifests (a new one is written), and
 *       the dependencies' {@code META-INF/maven/**} pom metadata;
 *   <li>JNA's native dispatch libraries are kept only for the platforms {@link JnaPlatforms}
 *       selects.
 * </ul>
 *
 * Entries are written in name order with a fixed time stamp, so the same input gives the same jar.
 */
public final class ModuleJarWriter {

  /** The manifest attribute naming the Redis module the jar implements. */
  public static final String MODULE_ATTRIBUTE = "JRM-Module";

  private static final String MANIFEST = JarFile.MANIFEST_NAME;
  private static final String META_INF = "META-INF/";
  private static final String SERVICES = "META-INF/services/";
  private static final String VERSIONS = "META-INF/versions/";

  /**
   * 2010-01-01T00:00:00Z: any fixed instant will do, as long as it is after the DOS epoch of 1980.
   */
  private static final long FIXED_TIME = 1262304000000L;

  private final String moduleName;
  private final JnaPlatforms jnaPlatforms;

  /**
   * @param moduleName the Redis module's name, recorded in the manifest
   * @param jnaPlatforms the platforms whose JNA dispatch library the jar keeps
   */
  public ModuleJarWriter(String moduleName, JnaPlatforms jnaPlatforms) {
    this.moduleName = moduleName;
    this.jnaPlatforms = jnaPlatforms;
  }

  /**
   * What {@link #write} did.
   *
   * @param entries how many entries the jar has, directories and manifest included
   * @param duplicates names of dependency entries that were dropped because an earlier source had
   *     them
   */
  public record Result(int entries, List<String> duplicates) {}

  /**
   * Writes the module jar.
   *
   * @param classesDirectory the project's class output directory; its content comes first
   * @param dependencies the runtime dependencies, each a jar or a class directory, in class path
   *     order
   * @param output the jar to write; replaced if it exists
   * @return the number of entries and the dropped duplicates
   * @throws IOException if a source cannot be read or the jar cannot be written
   */
  public Result write(Path classesDirectory, List<Path> dependencies, Path output)
      throws IOException {
    Contents contents = new Contents(jnaPlatforms);
    List<ZipFile> open = new ArrayList<>();
    try {
      if (Files.isDirectory(classesDirectory)) {
        contents.addDirectory(classesDirectory, true);
      }
      for (Path dependency : dependencies) {
        if (Files.isDirectory(dependency)) {
          contents.addDirectory(dependency, false);
        } else {
          ZipFile zip = new ZipFile(dependency.toFile());
          open.add(zip);
          contents.addZip(zip);
        }
      }
      Path absolute = output.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      // Write beside the target and move into place, so a failed build never leaves a truncated
      // jar.
      // Not Files.createTempFile: its owner-only permissions would carry over to the jar.
      Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
      try {
        int count;
        try (OutputStream file = Files.newOutputStream(temp);
            JarOutputStream jar = new JarOutputStream(file)) {
          count = contents.writeTo(jar, manifest(contents));
        }
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        return new Result(count, List.copyOf(contents.duplicates));
      } finally {
        Files.deleteIfExists(temp);
      }
    } finally {
      IOException failure = null;
      for (ZipFile zip : open) {
        try {
          zip.close();
        } catch (IOException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  private Manifest manifest(Contents contents) {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Created-By", "JRM");
    main.putValue(MODULE_ATTRIBUTE, moduleName);
    // Versioned classes of a multi-release dependency apply only if the merged jar says so too.
    if (contents.multiRelease
        && contents.files.keySet().stream().anyMatch(n -> n.startsWith(VERSIONS))) {
      main.put(Attributes.Name.MULTI_RELEASE, "true");
    }
    return manifest;
  }

  /**
   * Whether an entry is left out of the module jar.
   *
   * @param name the entry name, '/'-separated, without a leading '/'
   * @param fromProject whether it comes from the project's own classes rather than a dependency
   * @return true to leave it out
   */
  static boolean excluded(String name, boolean fromProject) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (name.equals("module-info.class") || name.endsWith("/module-info.class")) {
      return true;
    }
    if (upper.startsWith(META_INF) && name.indexOf('/', META_INF.length()) < 0) {
      String file = upper.substring(META_INF.length());
      if (file.equals("MANIFEST.MF")
          || file.equals("INDEX.LIST")
          || file.startsWith("SIG-")
          || file.endsWith(".SF")
          || file.endsWith(".DSA")
          || file.endsWith(".RSA")
          || file.endsWith(".EC")) {
        return true;
      }
    }
    return !fromProject && upper.startsWith("META-INF/MAVEN/");
  }

  private static boolean isServiceFile(String name) {
    return name.startsWith(SERVICES)
        && name.length() > SERVICES.length()
        && name.indexOf('/', SERVICES.length()) < 0;
  }

  /**
   * Where an entry's bytes come from; read only while writing, so the jar is not held in memory.
   */
  private interface Source {
    InputStream open() throws IOException;
  }

  /** The entries collected from all sources, before writing. */
  private static final class Contents {
    final Map<String, Source> files = new HashMap<>();
    final Map<String, Set<String>> services = new LinkedHashMap<>();
    final List<String> duplicates = new ArrayList<>();
    final JnaPlatforms jnaPlatforms;
    boolean multiRelease;

    Contents(JnaPlatforms jnaPlatforms) {
      this.jnaPlatforms = jnaPlatforms;
    }

    void addDirectory(Path root, boolean fromProject) throws IOException {
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(root)) {
        paths = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
      }
      for (Path path : paths) {
        String name =
            root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
        add(name, () -> Files.newInputStream(path), fromProject);
      }
    }

    void addZip(ZipFile zip) throws IOException {
      List<ZipEntry> entries = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        entries.add(e.nextElement());
      }
      ZipEntry manifest = zip.getEntry(MANIFEST);
      if (manifest != null) {
        try (InputStream in = zip.getInputStream(manifest)) {
          String value =
              new Manifest(in).getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE);
          multiRelease |= "true".equalsIgnoreCase(value == null ? null : value.trim());
        }
      }
      for (ZipEntry entry : entries) {
        if (!entry.isDirectory()) {
          String name = entry.getName();
          while (name.startsWith("/")) {
            name = name.substring(1);
          }
          add(name, () -> zip.getInputStream(entry), false);
        }
      }
    }

    void add(String name, Source source, boolean fromProject) throws IOException {
      if (name.isEmpty() || excluded(name, fromProject) || !jnaPlatforms.keeps(name)) {
        return;
      }
      if (isServiceFile(name)) {
        Set<String> lines = services.computeIfAbsent(name, n -> new LinkedHashSet<>());
        try (InputStream in = source.open()) {
          lines.addAll(serviceLines(in));
        }
      } else if (files.containsKey(name)) {
        duplicates.add(name);
      } else {
        files.put(name, source);
      }
    }

    /** Writes everything and returns the number of entries written. */
    int writeTo(JarOutputStream jar, Manifest manifest) throws IOException {
      // The manifest goes first (after its directory): JarInputStream only finds it there.
      ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
      manifest.write(manifestBytes);
      putDirectory(jar, META_INF);
      putBytes(jar, MANIFEST, manifestBytes.toByteArray());
      int count = 2;

      TreeSet<String> names = new TreeSet<>(files.keySet());
      names.addAll(services.keySet());
      // Directory entries are derived rather than copied, so every package has one and none is
      // empty.
      for (String name : List.copyOf(names)) {
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
          names.add(name.substring(0, slash + 1));
        }
      }
      names.remove(META_INF);
      for (String name : names) {
        if (name.endsWith("/")) {
          putDirectory(jar, name);
        } else if (services.containsKey(name)) {
          String text =
              services.get(name).stream().map(l -> l + "\n").collect(Collectors.joining());
          putBytes(jar, name, text.getBytes(StandardCharsets.UTF_8));
        } else {
          jar.putNextEntry(entry(name));
          try (InputStream in = files.get(name).open()) {
            in.transferTo(jar);
          }
          jar.closeEntry();
        }
        count++;
      }
      return count;
    }
  }

  /** A provider-configuration file's provider names, without comments and blank lines. */
  private static List<String> serviceLines(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    // Not closed here: closing the reader would close the caller's stream.
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      int hash = line.indexOf('#');
      String provider = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (!provider.isEmpty()) {
        lines.add(provider);
      }
    }
    return lines;
  }

  private static ZipEntry entry(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(FIXED_TIME);
    return entry;
  }

  private static void putDirectory(JarOutputStream jar, String name) throws IOException {
    jar.putNextEntry(entry(name));
    jar.closeEntry();
  }

  private static void putBytes(JarOutputStream jar, String name, byte[] bytes) throws IOException {
    jar.putNextEntry(entry(name));
    jar.write(bytes);
    jar.closeEntry();
  }
}
