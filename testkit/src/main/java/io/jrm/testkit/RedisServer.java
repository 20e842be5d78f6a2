package io.jrm.testkit;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A real {@code redis-server} process on a free loopback port, with its own temporary directory,
 * for testing Redis modules end to end.
 *
 * <pre>{@code
 * try (RedisServer server = RedisServer.builder()
 *         .module(Path.of("target/mymodule.so"), "some-arg")
 *         .config("maxmemory", "10mb")
 *         .start();
 *      Jedis jedis = server.client()) {
 *   assertEquals("PONG", jedis.ping());
 * }
 * }</pre>
 *
 * <p>Persistence is switched off ({@code --save "" --appendonly no}) so tests never pay for
 * background saves; pass {@code config("save", ...)} to turn it back on. The server's log goes to
 * {@link #logFile()}, and whatever redis-server prints before its logging is set up (config errors,
 * crash reports) goes to {@code stdout.log} in the same directory; both are quoted in the {@link
 * RedisServerException} thrown when the server does not come up.
 *
 * <p>A JVM shutdown hook kills servers that were never closed, so no redis-server outlives the test
 * run. Set the environment variable {@code JRM_KEEP_SERVER_DIR} to keep the temporary directory
 * (logs, dumps) after {@link #close()}.
 */
public final class RedisServer implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  static final String KEEP_DIR_ENV = "JRM_KEEP_SERVER_DIR";

  private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration REAPER_TIMEOUT = Duration.ofSeconds(5);
  private static final int PING_TIMEOUT_MILLIS = 1000;
  private static final long POLL_MILLIS = 50;
  private static final int START_ATTEMPTS = 3;
  private static final int FAILURE_LOG_LINES = 30;
  private static final String BIND_FAILURE = "Address already in use";

  private final Path dir;
  private final int port;
  private final List<String> command;
  private final Duration startupTimeout;
  private volatile Process process;
  private boolean closed;

  private RedisServer(
      Path executable, List<String> extraArgs, Path dir, int port, Duration startupTimeout) {
    this.dir = dir;
    this.port = port;
    this.startupTimeout = startupTimeout;
    List<String> cmd = new ArrayList<>();
    cmd.add(executable.toString());
    cmd.addAll(
        List.of(
            "--port",
            Integer.toString(port),
            "--bind",
            HOST,
            "--dir",
            dir.toString(),
            "--logfile",
            dir.resolve("redis.log").toString(),
            "--daemonize",
            "no",
            "--save",
            "",
            "--appendonly",
            "no"));
    cmd.addAll(extraArgs);
    this.command = List.copyOf(cmd);
  }

  /**
   * @return a builder; nothing is started until {@link Builder#start()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return always {@code "127.0.0.1"}: the server only listens on loopback
   */
  public String host() {
    return HOST;
  }

  /**
   * @return the TCP port, unchanged across {@link #restart()}
   */
  public int port() {
    return port;
  }

  /**
   * @return host and port in the form Jedis' pooled clients and cluster APIs accept
   */
  public HostAndPort hostAndPort() {
    return new HostAndPort(HOST, port);
  }

  /**
   * @return the server's working directory (dump files, logs); deleted by {@link #close()}
   */
  public Path dir() {
    return dir;
  }

  /**
   * @return the file Redis logs to ({@code --logfile})
   */
  public Path logFile() {
    return dir.resolve("redis.log");
  }

  /**
   * @return the file receiving the process's stdout and stderr, where early config errors land
   */
  public Path stdoutFile() {
    return dir.resolve("stdout.log");
  }

  /**
   * @param lines how many lines to return at most
   * @return the last {@code lines} lines of {@link #logFile()}, never throws
   */
  public String logTail(int lines) {
    return QuietFiles.tail(logFile(), lines);
  }

  /**
   * @return the full command line used to start (and restart) the server
   */
  public List<String> command() {
    return command;
  }

  /**
   * @return whether the process is alive; false after {@link #stop()} or a crash
   */
  public boolean isRunning() {
    return process.isAlive();
  }

  /**
   * @return the operating-system process id of the current (latest) redis-server process
   */
  public long pid() {
    return process.pid();
  }

  /**
   * @return the exit code of the process once it has exited (stopped or crashed), empty while it
   *     runs
   */
  public OptionalInt exitCode() {
    Process p = process;
    return p.isAlive() ? OptionalInt.empty() : OptionalInt.of(p.exitValue());
  }

  /**
   * Opens a new connection to this server. Each call returns a separate connection that the caller
   * must close; a {@code Jedis} is not safe to share between threads.
   *
   * @return a connected client
   */
  public Jedis client() {
    Jedis jedis = new Jedis(HOST, port);
    try {
      // Connect now so a dead server fails here, not at some later command.
      jedis.connect();
      return jedis;
    } catch (RuntimeException e) {
      jedis.close();
      throw e;
    }
  }

  /**
   * Stops the server with SIGTERM, which lets Redis shut down cleanly (and save, if saving was
   * configured), escalating to SIGKILL after 20 seconds. Does nothing if already stopped.
   *
   * @return the exit code: 0 for a clean shutdown
   */
  public synchronized int stop() {
    Process p = process;
    if (p.isAlive()) {
      p.destroy();
      try {
        if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new RedisServerException("Interrupted while stopping redis-server pid " + p.pid(), e);
      }
    }
    ServerReaper.unregister(this);
    return p.exitValue();
  }

  /**
   * Stops the server and starts it again with the same command line, port and directory, then waits
   * until it answers PING. With persistence configured, this is how a test checks that data
   * survives a restart.
   *
   * @throws RedisServerException if the new process does not come up
   * @throws IllegalStateException if the server has been closed
   */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("RedisServer on port " + port + " is closed");
    }
    stop();
    launch();
  }

  /**
   * Stops the server if it is running and deletes its directory, unless the environment variable
   * {@code JRM_KEEP_SERVER_DIR} is set. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (process != null) { // null only if the executable could not even be run
      stop();
    }
    if (System.getenv(KEEP_DIR_ENV) != null) {
      System.err.println("jrm-testkit: keeping redis-server directory " + dir);
    } else {
      QuietFiles.deleteRecursively(dir);
    }
  }

  @Override
  public String toString() {
    return "RedisServer[" + HOST + ":" + port + ", dir=" + dir + "]";
  }

  /** Used by the shutdown hook: unsynchronized so a test thread stuck in stop() cannot block it. */
  void killQuietly() {
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(REAPER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
    }
  }

  private static RedisServer start(Builder builder) {
    Path executable = builder.resolveExecutable();
    builder.checkModulesExist();
    Path dir;
    try {
      dir = Files.createTempDirectory("jrm-redis-");
    } catch (IOException e) {
      throw new RedisServerException("Could not create a temporary directory for redis-server", e);
    }
    for (int attempt = 1; ; attempt++) {
      RedisServer server =
          new RedisServer(
              executable,
              builder.extraArgs(),
              dir,
              builder.cluster ? FreePorts.pickWithClusterBus() : FreePorts.pick(),
              builder.startupTimeout);
      try {
        server.launch();
        if (builder.master != null) {
          server.awaitMasterLink();
        }
        return server;
      } catch (RuntimeException e) {
        // The port was free when picked but closed again before Redis bound it; another
        // process may have taken it in between, which is worth another try on a new port.
        boolean lostPortRace = server.logTail(FAILURE_LOG_LINES).contains(BIND_FAILURE);
        if (!lostPortRace || attempt == START_ATTEMPTS) {
          server.close();
          throw e;
        }
        QuietFiles.deleteRecursively(server.logFile());
        QuietFiles.deleteRecursively(server.stdoutFile());
      }
    }
  }

  private void launch() {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            // Append so the output of earlier runs survives restart().
            .redirectOutput(Redirect.appendTo(stdoutFile().toFile()))
            .redirectInput(Redirect.from(new File("/dev/null")));
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new RedisServerException("Could not run " + displayCommand(), e);
    }
    ServerReaper.register(this);
    awaitPing();
  }

  private void awaitPing() {
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        ServerReaper.unregister(this);
        throw failure(
            "redis-server exited with code " + process.exitValue() + " before answering PING");
      }
      if (answersPing()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        killQuietly();
        ServerReaper.unregister(this);
        throw failure(
            "redis-server did not answer PING within "
                + startupTimeout.toMillis()
                + " ms and was killed (exit code "
                + exitCodeText()
                + ")");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        killQuietly();
        ServerReaper.unregister(this);
        Thread.currentThread().interrupt();
        throw new RedisServerException("Interrupted while waiting for redis-server to start", e);
      }
    }
  }

  /** Waits until this replica has loaded its master's data and follows its writes. */
  private void awaitMasterLink() {
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    try (Jedis jedis = client()) {
      while (!jedis.info("replication").contains("master_link_status:up")) {
        if (System.nanoTime() > deadline) {
          throw failure(
              "the replica did not sync with its master within "
                  + startupTimeout.toMillis()
                  + " ms");
        }
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RedisServerException("Interrupted while waiting for the replica to sync", e);
        }
      }
    }
  }

  private boolean answersPing() {
    try (Jedis jedis = new Jedis(HOST, port, PING_TIMEOUT_MILLIS)) {
      return "PONG".equals(jedis.ping());
    } catch (JedisException e) {
      // Not listening yet, or still LOADING a dataset: both mean "keep waiting".
      return false;
    }
  }

  private String exitCodeText() {
    OptionalInt code = exitCode();
    return code.isPresent() ? Integer.toString(code.getAsInt()) : "unknown, still running";
  }

  private RedisServerException failure(String what) {
    return new RedisServerException(
        what
            + "\ncommand: "
            + displayCommand()
            + "\n--- last "
            + FAILURE_LOG_LINES
            + " lines of "
            + logFile()
            + " ---\n"
            + QuietFiles.tail(logFile(), FAILURE_LOG_LINES)
            + "\n--- last "
            + FAILURE_LOG_LINES
            + " lines of "
            + stdoutFile()
            + " ---\n"
            + QuietFiles.tail(stdoutFile(), FAILURE_LOG_LINES));
  }

  private String displayCommand() {
    return command.stream()
        .map(arg -> arg.isEmpty() || arg.contains(" ") ? '"' + arg + '"' : arg)
        .collect(Collectors.joining(" "));
  }

  /**
   * Collects modules and configuration for a {@link RedisServer}. Not thread-safe; may be reused to
   * start several identical servers.
   */
  public static final class Builder {

    private Path executable;
    private RedisServer master;
    private boolean cluster;
    private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
    private final List<String> configArgs = new ArrayList<>();
    private final List<Path> modules = new ArrayList<>();
    private final List<String> moduleArgs = new ArrayList<>();

    private Builder() {}

    /**
     * Loads a module at startup ({@code --loadmodule <absolute path> args...}). Repeatable; modules
     * load in the order given.
     *
     * @param soFile the module's shared library, relative paths resolve against the working
     *     directory
     * @param args arguments passed to the module's {@code RedisModule_OnLoad}
     * @return this builder
     */
    public Builder module(Path soFile, String... args) {
      Path absolute = Objects.requireNonNull(soFile, "soFile").toAbsolutePath().normalize();
      modules.add(absolute);
      moduleArgs.add("--loadmodule");
      moduleArgs.add(absolute.toString());
      moduleArgs.addAll(Arrays.asList(args));
      return this;
    }

    /**
     * Adds a configuration directive ({@code --name values...}), e.g. {@code config("maxmemory",
     * "10mb")}. Each value is passed as a separate argument, so no quoting is needed; an empty
     * string is a valid value ({@code config("save", "")}). Repeatable.
     *
     * @param name directive name, with or without a leading {@code --}
     * @param values the directive's arguments
     * @return this builder
     */
    public Builder config(String name, String... values) {
      String directive = Objects.requireNonNull(name, "name");
      configArgs.add(directive.startsWith("--") ? directive : "--" + directive);
      configArgs.addAll(Arrays.asList(values));
      return this;
    }

    /**
     * Makes the server a replica of {@code master} ({@code --replicaof host port}); {@link
     * #start()} then also waits, within the startup timeout, until the replica has loaded the
     * master's data and follows its writes ({@code master_link_status:up}). A replica that should
     * run a module's commands replicated to it must load the module too. {@link
     * RedisServer#restart()} of a replica waits for PING only.
     *
     * @param master a running server
     * @return this builder
     */
    public Builder replicaOf(RedisServer master) {
      this.master = Objects.requireNonNull(master, "master");
      return config("replicaof", master.host(), Integer.toString(master.port()));
    }

    /**
     * Starts the server as a Redis Cluster node ({@code --cluster-enabled yes}, its {@code
     * nodes.conf} in the server's directory) on a port whose cluster bus port, 10000 above, is free
     * too. The node starts alone and without slots: {@link RedisCluster} joins nodes into a
     * cluster.
     *
     * @return this builder
     */
    public Builder clusterEnabled() {
      cluster = true;
      return config("cluster-enabled", "yes");
    }

    /**
     * Uses a specific redis-server binary instead of {@code $REDIS_SERVER} or the one on PATH.
     *
     * @param redisServer path to the executable
     * @return this builder
     */
    public Builder executable(Path redisServer) {
      this.executable = Objects.requireNonNull(redisServer, "redisServer").toAbsolutePath();
      return this;
    }

    /**
     * How long {@link #start()} and {@link RedisServer#restart()} wait for the first PONG; 30
     * seconds by default. Raise it for modules that do heavy work when loading.
     *
     * @param timeout positive duration
     * @return this builder
     */
    public Builder startupTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startupTimeout must be positive: " + timeout);
      }
      this.startupTimeout = timeout;
      return this;
    }

    /**
     * Starts the server and waits until it answers PING.
     *
     * @return the running server; close it when done
     * @throws IllegalStateException if no redis-server executable can be found
     * @throws RedisServerException if a module file is missing or the server does not come up
     *     within the startup timeout; the message quotes the server's logs
     */
    public RedisServer start() {
      return RedisServer.start(this);
    }

    private Path resolveExecutable() {
      if (executable == null) {
        return Executables.redisServer();
      }
      if (!Files.isExecutable(executable)) {
        throw new IllegalStateException("redis-server executable " + executable + " not found");
      }
      return executable;
    }

    private void checkModulesExist() {
      // Redis would also refuse to start, but with a less direct message buried in its log.
      for (Path module : modules) {
        if (!Files.isRegularFile(module)) {
          throw new RedisServerException("Module " + module + " does not exist");
        }
      }
    }

    private List<String> extraArgs() {
      List<String> args = new ArrayList<>(configArgs);
      args.addAll(moduleArgs);
      return args;
    }
  }
}
