package io.jrm.it;

import io.jrm.BlockedClient;
import io.jrm.Context;
import io.jrm.EventLoop;
import io.jrm.EventLoop.Event;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;

/**
 * Commands of the jrmtest module ({@code JRMTEST.EVENTLOOP.*}) for {@code EventLoopIT}: a pipe the
 * event loop watches, one-shot tasks from another thread, and the API's refusals.
 */
public final class EventLoopCommands {
  private EventLoopCommands() {}

  /**
   * JRMTEST.EVENTLOOP.ECHO text: writes text into a pipe when it is writable, reads it back when it
   * is readable, and replies what it read.
   */
  @RedisCommand(name = "jrmtest.eventloop.echo", flags = "readonly")
  public static void echo(Context ctx, RedisString text) throws IOException {
    Pipe pipe = Pipe.open();
    pipe.source().configureBlocking(false);
    pipe.sink().configureBlocking(false);
    ByteBuffer out = ByteBuffer.wrap(text.bytes());
    ByteBuffer in = ByteBuffer.allocate(out.remaining());
    int source = EventLoop.fileDescriptor(pipe.source());
    int sink = EventLoop.fileDescriptor(pipe.sink());
    BlockedClient client =
        ctx.blockClient(
            (reply, data) -> reply.replyWithString((String) data), (reply, data) -> {}, 0);
    EventLoop.add(
        sink,
        Event.WRITABLE,
        (fd, event) -> {
          pipe.sink().write(out);
          if (!out.hasRemaining()) {
            EventLoop.del(fd, event);
          }
        });
    EventLoop.add(
        source,
        Event.READABLE,
        (fd, event) -> {
          pipe.source().read(in);
          if (!in.hasRemaining()) {
            EventLoop.del(fd, event);
            pipe.source().close();
            pipe.sink().close();
            client.unblock(new String(in.array(), StandardCharsets.UTF_8));
          }
        });
  }

  /**
   * JRMTEST.EVENTLOOP.FROMTHREAD: a new thread adds a one-shot task, which replies whether it ran
   * on the thread that ran the command (Redis's main thread).
   */
  @RedisCommand(name = "jrmtest.eventloop.fromthread", flags = "readonly")
  public static void fromThread(Context ctx) {
    Thread main = Thread.currentThread();
    BlockedClient client =
        ctx.blockClient(
            (reply, data) -> reply.replyWithString((String) data), (reply, data) -> {}, 0);
    new Thread(
            () ->
                EventLoop.addOneShot(
                    () -> client.unblock(Thread.currentThread() == main ? "main" : "other")))
        .start();
  }

  /** JRMTEST.EVENTLOOP.THROW: a one-shot task that throws, which is logged; replies OK. */
  @RedisCommand(name = "jrmtest.eventloop.throw", flags = "readonly")
  public static String throwing(Context ctx) {
    EventLoop.addOneShot(
        () -> {
          throw new IllegalStateException("a one-shot task failed on purpose");
        });
    return "OK";
  }

  /** JRMTEST.EVENTLOOP.ADD fd: watches fd for reading (a handler that does nothing), OK. */
  @RedisCommand(name = "jrmtest.eventloop.add", flags = "readonly")
  public static String add(Context ctx, long fd) {
    EventLoop.add((int) fd, Event.READABLE, (f, event) -> {});
    return "OK";
  }
}
