package io.jrm.conformance.fork;

import io.jrm.ChildTask;
import io.jrm.Context;
import io.jrm.ForkChild;
import io.jrm.LogLevel;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.time.Duration;

/**
 * The port of Redis's tests/modules/fork.c, for unit moduleapi/fork: a child that logs, sleeps,
 * logs and exits with a code; the exit code the done handler saw; killing the child. What fork.c's
 * child does in C, the port hands the stub as a {@link ChildTask} before the fork.
 */
@RedisModule(name = "fork")
public final class ForkModule {
  private static ForkChild child;
  private static long exitedWithCode = -1;

  private ForkModule() {}

  /** FORK.CREATE exitcode usleep: forks a child that sleeps usleep µs, then exits with exitcode. */
  @RedisCommand(name = "fork.create")
  public static void create(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    ChildTask task =
        ChildTask.builder()
            .log(LogLevel.NOTICE, "fork child started")
            .sleep(Duration.ofNanos(argv[2].toLongLong() * 1_000))
            .log(LogLevel.NOTICE, "fork child exiting")
            .exitCode((int) argv[1].toLongLong())
            .build();
    exitedWithCode = -1;
    try {
      child =
          ctx.fork(
              task,
              (code, bySignal) -> {
                child = null;
                exitedWithCode = code;
              });
    } catch (RedisException e) {
      ctx.replyWithError("Fork failed");
      return;
    }
    ctx.replyWithLongLong(child.pid());
  }

  /** FORK.EXITCODE: the exit code of the last child, -1 until it exited. */
  @RedisCommand(name = "fork.exitcode")
  public static void exitCode(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(exitedWithCode);
  }

  /** FORK.KILL: kills the child; 1, or an error when there is none to kill. */
  @RedisCommand(name = "fork.kill")
  public static void kill(Context ctx, RedisString[] argv) {
    ForkChild running = child;
    child = null;
    if (running == null || !running.kill()) {
      ctx.replyWithError("KillForkChild failed");
    } else {
      ctx.replyWithLongLong(1);
    }
  }
}
