package io.jrm.conformance.eventloop;

import io.jrm.BlockedClient;
import io.jrm.Context;
import io.jrm.EventLoop;
import io.jrm.EventLoop.Event;
import io.jrm.RedisString;
import io.jrm.ServerEvent;
import io.jrm.SubEvent;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

/**
 * The port of Redis's tests/modules/eventloop.c, for unit moduleapi/eventloop: a pipe whose ends
 * the event loop watches (bytes written on writable, read back on readable), the event loop's
 * before/after sleep counters, argument checks and a one-shot task. Where C checks errno, the Java
 * API throws: an out-of-range fd is an IllegalArgumentException, a null handler a
 * NullPointerException, and an unknown event type cannot be written.
 */
@RedisModule(name = "eventloop")
public final class EventLoopModule {
  private static long beforeSleepCount;
  private static long afterSleepCount;

  private EventLoopModule() {}

  /** Counts the event loop's turns, as eventloop.c's server event callback does. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    ctx.subscribeToServerEvent(
        ServerEvent.EVENTLOOP,
        (c, e) -> {
          if (e.subEvent() == SubEvent.EVENTLOOP_BEFORE_SLEEP) {
            beforeSleepCount++;
          } else if (e.subEvent() == SubEvent.EVENTLOOP_AFTER_SLEEP) {
            afterSleepCount++;
          }
        });
  }

  /**
   * TEST.SENDBYTES n: sends n bytes through a pipe the event loop watches; OK when all came back.
   */
  @RedisCommand(name = "test.sendbytes")
  public static void sendBytes(Context ctx, RedisString[] argv) throws IOException {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    Optional<Long> size = number(argv[1]);
    if (size.isEmpty() || size.get() <= 0 || size.get() > Integer.MAX_VALUE) {
      ctx.replyWithError("Invalid integer value");
      return;
    }
    BlockedClient client =
        ctx.blockClient(
            (reply, same) -> {
              if (Boolean.TRUE.equals(same)) {
                reply.replyWithSimpleString("OK");
              } else {
                reply.replyWithError("ERR bytes mismatch");
              }
            },
            (reply, data) -> {},
            0);
    new Transfer(client, size.get().intValue()).start();
  }

  /** One pipe, the bytes written into it and the bytes read back. */
  private static final class Transfer {
    private final BlockedClient client;
    private final ByteBuffer source;
    private final ByteBuffer destination;
    private final Pipe pipe;

    Transfer(BlockedClient client, int size) throws IOException {
      this.client = client;
      byte[] bytes = new byte[size];
      Arrays.fill(bytes, (byte) new Random().nextInt(0xFF));
      byte[] marker = "randomtestdata".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      System.arraycopy(marker, 0, bytes, 0, Math.min(marker.length, size));
      source = ByteBuffer.wrap(bytes);
      destination = ByteBuffer.allocate(size);
      pipe = Pipe.open();
      pipe.source().configureBlocking(false);
      pipe.sink().configureBlocking(false);
    }

    void start() {
      EventLoop.add(EventLoop.fileDescriptor(pipe.source()), Event.READABLE, (fd, e) -> read());
      EventLoop.add(EventLoop.fileDescriptor(pipe.sink()), Event.WRITABLE, (fd, e) -> write());
    }

    private void write() throws IOException {
      while (source.hasRemaining() && pipe.sink().write(source) > 0) {
        // the pipe took some: offer the rest until it is full
      }
    }

    private void read() throws IOException {
      while (destination.hasRemaining() && pipe.source().read(destination) > 0) {
        // drain what is there
      }
      if (destination.hasRemaining()) {
        return;
      }
      boolean same = Arrays.equals(source.array(), destination.array());
      EventLoop.del(EventLoop.fileDescriptor(pipe.source()), Event.READABLE);
      EventLoop.del(EventLoop.fileDescriptor(pipe.sink()), Event.WRITABLE);
      pipe.source().close();
      pipe.sink().close();
      client.unblock(same);
    }
  }

  /** TEST.ITERATION: the event loop's turns so far; before- and after-sleep counts agree. */
  @RedisCommand(name = "test.iteration")
  public static void iteration(Context ctx, RedisString[] argv) {
    if (beforeSleepCount != afterSleepCount) {
      throw new IllegalStateException("before-sleep and after-sleep counts differ");
    }
    ctx.replyWithLongLong(beforeSleepCount);
  }

  /** TEST.SANITY: the event loop API refuses what it must and accepts the rest. */
  @RedisCommand(name = "test.sanity")
  public static void sanity(Context ctx, RedisString[] argv) throws IOException {
    Pipe pipe = Pipe.open();
    try {
      int fd = EventLoop.fileDescriptor(pipe.source());
      Optional<String> error = sanityError(fd);
      if (error.isPresent()) {
        ctx.replyWithError(error.get());
      } else {
        ctx.replyWithSimpleString("OK");
      }
    } finally {
      pipe.source().close();
      pipe.sink().close();
    }
  }

  private static Optional<String> sanityError(int fd) {
    EventLoop.FileEventHandler ignore = (f, e) -> {};
    if (!refused(() -> EventLoop.add(-1, Event.READABLE, ignore), IllegalArgumentException.class)
        || !refused(
            () -> EventLoop.add(99999999, Event.READABLE, ignore),
            IllegalArgumentException.class)) {
      return Optional.of("ERR out of range fd should fail");
    }
    if (!refused(() -> EventLoop.add(fd, Event.READABLE, null), NullPointerException.class)) {
      return Optional.of("ERR null callback should fail");
    }
    if (refused(() -> EventLoop.del(fd, Event.READABLE), RuntimeException.class)) {
      return Optional.of("ERR del on non-registered fd should not fail");
    }
    if (!refused(() -> EventLoop.del(-1, Event.READABLE), IllegalArgumentException.class)
        || !refused(
            () -> EventLoop.del(99999999, Event.READABLE), IllegalArgumentException.class)) {
      return Optional.of("ERR out of range fd should fail");
    }
    if (refused(() -> EventLoop.add(fd, Event.READABLE, ignore), RuntimeException.class)) {
      return Optional.of("ERR Add failed");
    }
    if (refused(() -> EventLoop.add(fd, Event.READABLE, ignore), RuntimeException.class)) {
      return Optional.of("ERR Adding same fd twice failed");
    }
    if (refused(() -> EventLoop.del(fd, Event.READABLE), RuntimeException.class)) {
      return Optional.of("ERR Del failed");
    }
    if (!refused(() -> EventLoop.addOneShot(null), NullPointerException.class)) {
      return Optional.of("ERR null callback should fail");
    }
    return Optional.empty();
  }

  /** Whether {@code call} threw {@code expected}. */
  private static boolean refused(Runnable call, Class<? extends RuntimeException> expected) {
    try {
      call.run();
      return false;
    } catch (RuntimeException e) {
      return expected.isInstance(e);
    }
  }

  /** TEST.ONESHOT: replies OK from a one-shot task of the event loop. */
  @RedisCommand(name = "test.oneshot")
  public static void oneShot(Context ctx, RedisString[] argv) {
    BlockedClient client =
        ctx.blockClient((reply, data) -> reply.replyWithSimpleString("OK"), (reply, data) -> {}, 0);
    EventLoop.addOneShot(() -> client.unblock(null));
  }

  private static Optional<Long> number(RedisString arg) {
    try {
      return Optional.of(arg.toLongLong());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
