package io.jrm.maven;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of JNA's native dispatch libraries the module jar keeps.
 *
 * <p>JNA's jar carries {@code com/sun/jna/<platform>/libjnidispatch.*} for some 27 platforms, most
 * of the jar's size. A module runs only where its stub was compiled, which is the build machine's
 * platform unless gcc or its flags cross-compile, so by default only that platform's library is
 * kept. Platform names are JNA's resource prefixes, such as {@code linux-x86-64} and {@code
 * linux-aarch64}.
 */
public final class JnaPlatforms {

  /** The value that keeps every platform's library. */
  public static final String ALL = "all";

  /** {@code com/sun/jna/<platform>/<dispatch library>}, the one layout JNA loads them from. */
  private static final Pattern DISPATCH_LIBRARY =
      Pattern.compile("com/sun/jna/([^/]+)/(?:lib)?jnidispatch\\.(?:so|a|dll|jnilib|dylib)");

  private final Set<String> kept;

  private JnaPlatforms(Set<String> kept) {
    this.kept = kept;
  }

  /**
   * @return a selection that keeps every platform's library
   */
  public static JnaPlatforms all() {
    return new JnaPlatforms(null);
  }

  /**
   * @param platforms JNA platform names, or {@link #ALL}; empty means the build machine's
   * @return the selection keeping those platforms' libraries
   */
  public static JnaPlatforms of(Collection<String> platforms) {
    if (platforms.isEmpty()) {
      return new JnaPlatforms(Set.of(current()));
    }
    if (platforms.contains(ALL)) {
      return all();
    }
    return new JnaPlatforms(Set.copyOf(platforms));
  }

  /**
   * The build machine's platform in JNA's naming.
   *
   * @return for example {@code linux-x86-64}
   */
  public static String current() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String jnaArch =
        switch (arch) {
          case "amd64", "x86_64" -> "x86-64";
          case "i386", "i486", "i586", "i686", "x86" -> "x86";
          default -> arch;
        };
    String jnaOs = os.startsWith("linux") ? "linux" : os.split("\\s")[0];
    return jnaOs + "-" + jnaArch;
  }

  /**
   * @param name a jar entry name
   * @return false if it is JNA's dispatch library for a platform not kept
   */
  public boolean keeps(String name) {
    if (kept == null) {
      return true;
    }
    Matcher library = DISPATCH_LIBRARY.matcher(name);
    return !library.matches() || kept.contains(library.group(1));
  }

  /**
   * @return the platforms kept, sorted, or {@code [all]}
   */
  public List<String> names() {
    return kept == null ? List.of(ALL) : kept.stream().sorted().toList();
  }
}
