package io.jrm.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Replaces {@code ${name}} with the system property {@code name}. Annotation values must be
 * compile-time constants, so this is how a build passes file names (which depend on version or
 * platform) into {@link LoadModule}.
 */
final class Placeholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  private Placeholders() {}

  static String resolve(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = System.getProperty(name);
      if (value == null) {
        throw new ExtensionConfigurationException(
            "System property '"
                + name
                + "' used in '"
                + text
                + "' is not set"
                + " (set it with -D"
                + name
                + "=... or Surefire's systemPropertyVariables)");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
