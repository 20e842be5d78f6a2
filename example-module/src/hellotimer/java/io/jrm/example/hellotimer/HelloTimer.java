package io.jrm.example.hellotimer;

import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Java port of Redis 7.0's {@code src/modules/hellotimer.c}: {@code HELLOTIMER.TIMER} starts
 * ten timers of random delays under five seconds; each prints {@code Fired After <delay>!} to the
 * server's standard output when it fires.
 *
 * <p>A second module of this project (its own sources, src/hellotimer, built to
 * target/hellotimer/hellotimer.so): {@code redis-server --loadmodule
 * target/hellotimer/hellotimer.so}, then {@code redis-cli HELLOTIMER.TIMER}.
 */
@RedisModule(name = "hellotimer")
public final class HelloTimer {
  private static final int TIMERS = 10;
  private static final int MAX_DELAY_MILLIS = 5000;

  private HelloTimer() {}

  /** HELLOTIMER.TIMER: ten timers, each with its message as its data; arguments are ignored. */
  @RedisCommand(name = "hellotimer.timer", flags = "readonly")
  public static void timer(Context ctx, RedisString[] argv) {
    for (int j = 0; j < TIMERS; j++) {
      int delay = ThreadLocalRandom.current().nextInt(MAX_DELAY_MILLIS);
      ctx.createTimer(delay, HelloTimer::fired, "After " + delay);
    }
    ctx.replyWithSimpleString("OK");
  }

  private static void fired(Context ctx, String message) {
    System.out.println("Fired " + message + "!");
  }
}
