package io.jrm.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Builds a Redis module from a JRM project: {@code <name>.so}, the native side Redis loads, and
 * {@code <name>.jar}, the self-contained jar that the native side runs in a JVM.
 *
 * <p>The name comes from the stub that jrm-processor generated for the project's
 * {@code @RedisModule} class. Neither file is attached to the project: they are deployment
 * artifacts for a Redis server, not Maven dependencies.
 */
@Mojo(
    name = "module",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class ModuleMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The class output directory holding the compiled classes and the generated stub. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  private File classesDirectory;

  /** Where {@code <name>.so} and {@code <name>.jar} are written. */
  @Parameter(defaultValue = "${project.build.directory}", required = true)
  private File outputDirectory;

  /**
   * The base name of the two files, when it is not the module's name (a library whose file name is
   * fixed elsewhere): the stub finds the jar beside itself by its own file name.
   */
  @Parameter(property = "jrm.fileName")
  private String fileName;

  /** The C compiler: a name looked up on PATH, or a path. */
  @Parameter(property = "jrm.gcc", defaultValue = "gcc")
  private String gcc;

  /** Extra compiler flags, added after JRM's own so they can override them. */
  @Parameter private List<String> cflags;

  /**
   * The platforms whose JNA native library the module jar keeps, in JNA's naming ({@code
   * linux-x86-64}, {@code linux-aarch64}, ...), or {@code all}. By default only the build
   * machine's: the stub gcc compiles runs only there. Set it when cross-compiling the stub.
   */
  @Parameter(property = "jrm.jnaPlatforms")
  private List<String> jnaPlatforms;

  /** Skips building the module. */
  @Parameter(property = "jrm.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping the JRM module build (jrm.skip)");
      return;
    }
    Path classes = classesDirectory.toPath();
    Path stub = StubLocator.locate(classes);
    String module = StubLocator.moduleName(stub);
    String name = fileName == null ? module : fileName;
    Path target = outputDirectory.toPath();

    // The JDK running Maven: its headers are the ones the JNI calls in the stub are compiled
    // against.
    Path javaHome = Paths.get(System.getProperty("java.home"));
    Path so = target.resolve(name + ".so");
    new StubCompiler(gcc, javaHome, cflags, getLog()).compile(stub, so);
    getLog().info("Built " + so);

    Path jar = target.resolve(name + ".jar");
    try {
      JnaPlatforms platforms = JnaPlatforms.of(jnaPlatforms == null ? List.of() : jnaPlatforms);
      ModuleJarWriter.Result result =
          new ModuleJarWriter(module, platforms).write(classes, runtimeDependencies(), jar);
      for (String duplicate : result.duplicates()) {
        getLog().debug("Module jar: kept the first of duplicate entry " + duplicate);
      }
      getLog()
          .info(
              "Built "
                  + jar
                  + " ("
                  + result.entries()
                  + " entries; JNA native library for "
                  + String.join(", ", platforms.names())
                  + ")");
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write " + jar + ": " + e.getMessage(), e);
    }
  }

  /**
   * The files of the dependencies the module needs at run time, in resolution order. Provided,
   * system and test scopes are left out: Redis provides nothing on the module's class path.
   */
  private List<Path> runtimeDependencies() {
    List<Path> files = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      String scope = artifact.getScope();
      boolean runtime =
          scope == null
              || Artifact.SCOPE_COMPILE.equals(scope)
              || Artifact.SCOPE_RUNTIME.equals(scope);
      if (!runtime || !artifact.getArtifactHandler().isAddedToClasspath()) {
        continue;
      }
      File file = artifact.getFile();
      if (file == null || !file.exists()) {
        getLog().warn("Module jar: " + artifact + " has no file (not built yet?); leaving it out");
        continue;
      }
      files.add(file.toPath());
    }
    return files;
  }
}
