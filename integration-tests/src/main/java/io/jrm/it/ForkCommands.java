package io.jrm.it;

import io.jrm.ChildTask;
import io.jrm.Context;
import io.jrm.ForkChild;
import io.jrm.LogLevel;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Commands of the jrmtest module ({@code JRMTEST.FORK.*}) for {@code ForkIT}: a child that writes a
 * file Java prepared and exits with a code, which the done handler records.
 */
public final class ForkCommands {
  /** What the last child's done handler saw: "exit signal", or "" before it ran. */
  private static volatile String done = "";

  private static volatile ForkChild child;

  private ForkCommands() {}

  /**
   * JRMTEST.FORK.WRITE path content exitcode sleepms: a child that logs, writes content to path,
   * reports progress, sleeps and exits with exitcode; replies its pid.
   */
  @RedisCommand(name = "jrmtest.fork.write", flags = "readonly")
  public static long write(
      Context ctx, RedisString path, RedisString content, long exitCode, long sleepMillis) {
    ChildTask task =
        ChildTask.builder()
            .log(LogLevel.NOTICE, "jrmtest fork child writes " + path)
            .writeFile(Path.of(path.toString()), content.bytes())
            .heartbeat(0.5)
            .sleep(Duration.ofMillis(sleepMillis))
            .exitCode((int) exitCode)
            .build();
    done = "";
    child = ctx.fork(task, (code, bySignal) -> done = code + " " + bySignal);
    return child.pid();
  }

  /** JRMTEST.FORK.DONE: what the last child's done handler saw, "" until it ran. */
  @RedisCommand(name = "jrmtest.fork.done", flags = "readonly")
  public static String done(Context ctx) {
    return done;
  }

  /** JRMTEST.FORK.KILL: 1 if the last child was killed, else 0. */
  @RedisCommand(name = "jrmtest.fork.kill", flags = "readonly")
  public static long kill(Context ctx) {
    ForkChild running = child;
    return running != null && running.kill() ? 1 : 0;
  }
}
