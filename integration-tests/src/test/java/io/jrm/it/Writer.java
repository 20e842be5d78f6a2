package io.jrm.it;

import static io.jrm.testkit.Commands.send;

import io.jrm.testkit.RedisServer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import redis.clients.jedis.Jedis;

/**
 * A client that keeps changing values of all three types on its own connection until closed: bumps
 * rich values w:0..w:49, creates and deletes keys, increments counters, appends to lists.
 */
final class Writer implements AutoCloseable {
  private final Thread thread;
  private final AtomicLong done = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean stop;

  Writer(RedisServer server) {
    thread = new Thread(() -> run(server), "writer");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(RedisServer server) {
    try (Jedis jedis = TypeServers.client(server)) {
      for (long j = 0; !stop; j++) {
        switch ((int) (j % 6)) {
          case 0, 1 -> send(jedis, "JRMTEST.TYPE.BUMP", "w:" + j % 50);
          case 2 ->
              send(jedis, "JRMTEST.CTYPE.INCR", "wc:" + j % 20, "n" + j % 13, String.valueOf(j));
          case 3 -> send(jedis, "JRMTEST.ATYPE.PUSH", "wa:" + j % 20, "item" + j);
          case 4 ->
              send(
                  jedis,
                  "JRMTEST.TYPE.SET",
                  "wn:" + j,
                  "number",
                  String.valueOf(j),
                  "text",
                  "new " + j);
          default -> jedis.del("wn:" + (j - 49)); // created 49 steps earlier
        }
        done.incrementAndGet();
      }
    } catch (Throwable t) {
      failure.set(t);
    }
  }

  /** How many commands the server has answered so far. */
  long done() {
    return done.get();
  }

  /** Stops the writer and rethrows what made it fail, if anything. */
  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join(10_000);
    Throwable t = failure.get();
    if (t != null) {
      throw new AssertionError("the writer failed", t);
    }
  }
}
