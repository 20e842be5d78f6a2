package io.jrm.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A module for {@link RedisServerTest#modules()} to load when the test class's server starts.
 *
 * <pre>{@code
 * @LoadModule(path = "target/${project.artifactId}.so", args = {"verbose", "1"})
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface LoadModule {

  /**
   * Path to the module's shared library. Relative paths resolve against the working directory,
   * which Maven sets to the module's base directory. {@code ${name}} placeholders are replaced with
   * the system property {@code name}, so a build can pass the file name in through Surefire's
   * {@code systemPropertyVariables}.
   *
   * @return the shared-library path
   */
  String path();

  /**
   * Arguments passed to the module's {@code RedisModule_OnLoad}; placeholders as in {@link
   * #path()}.
   *
   * @return module arguments, none by default
   */
  String[] args() default {};
}
