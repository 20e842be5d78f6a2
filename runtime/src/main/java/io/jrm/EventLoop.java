package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import java.nio.channels.Channel;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Redis's event loop, which runs on Redis's main thread: handlers of file descriptors that became
 * readable or writable, and one-shot tasks that any thread may hand to the main thread (see
 * docs/event-loop.md).
 *
 * <p>{@link #add} and {@link #del} change the event loop, which only the main thread (a command, a
 * timer, an event-loop callback) or a thread holding the server lock may do; {@link #addOneShot}
 * works from any thread. The callbacks run on the main thread and get no {@link Context}: reply to
 * a blocked client through {@link BlockedClient}, or call Redis through a {@link
 * ThreadSafeContext}. An exception a callback throws is logged. MODULE UNLOAD deletes the module's
 * file events; a one-shot task still queued then does not run.
 */
public final class EventLoop {
  static final int FILE_EVENT_CALLBACK = 31;
  static final int ONE_SHOT_CALLBACK = 32;

  private static final int OK = 0;
  private static final int ERANGE = 34;

  /** Per event, the handlers by file descriptor. */
  private static final Map<Event, Map<Integer, FileEventHandler>> handlers =
      Map.of(Event.READABLE, new HashMap<>(), Event.WRITABLE, new HashMap<>());

  private static final Map<Long, Runnable> oneShots = new ConcurrentHashMap<>();
  private static final AtomicLong lastOneShot = new AtomicLong();

  private EventLoop() {}

  /** What a file descriptor is watched for. */
  public enum Event {
    /** Data to read, or the peer closed (REDISMODULE_EVENTLOOP_READABLE). */
    READABLE(1),
    /** Room to write (REDISMODULE_EVENTLOOP_WRITABLE). */
    WRITABLE(2);

    private final int mask;

    Event(int mask) {
      this.mask = mask;
    }
  }

  /** Runs on the main thread when a file descriptor is ready for its event. */
  @FunctionalInterface
  public interface FileEventHandler {
    /**
     * Handles the ready file descriptor: read or write what does not block (make it non-blocking).
     *
     * @param fd the file descriptor
     * @param event what it is ready for
     * @throws Exception logged; the handler stays registered
     */
    void handle(int fd, Event event) throws Exception;
  }

  /**
   * Calls {@code handler} each time {@code fd} is ready for {@code event}, until {@link #del}. A
   * second handler for the same file descriptor and event replaces the first.
   *
   * @param fd an open file descriptor (a pipe, a socket: see {@link #fileDescriptor})
   * @param event what to wait for
   * @param handler what runs on the main thread
   * @throws IllegalArgumentException when {@code fd} is out of Redis's range (negative, or not
   *     below about {@code maxclients})
   * @throws RedisException when Redis cannot watch {@code fd} (a regular file, a closed one)
   */
  public static void add(int fd, Event event, FileEventHandler handler) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(handler, "a file event needs a handler");
    RedisModuleApi api = ModuleEntry.api();
    api.backend().lastErrno(); // first read: it may link code, which would overwrite errno below
    long callback = ModuleEntry.callbacks()[FILE_EVENT_CALLBACK];
    synchronized (handlers) {
      if (api.eventLoopAdd(fd, event.mask, callback, 0) != OK) {
        throw failure("add", fd, event, api.backend().lastErrno());
      }
      handlers.get(event).put(fd, handler);
    }
  }

  /**
   * Stops watching {@code fd} for {@code event}; nothing happens when it was not watched.
   *
   * @param fd the file descriptor
   * @param event the event no longer wanted
   * @throws IllegalArgumentException when {@code fd} is out of Redis's range
   */
  public static void del(int fd, Event event) {
    Objects.requireNonNull(event, "event");
    RedisModuleApi api = ModuleEntry.api();
    api.backend().lastErrno();
    synchronized (handlers) {
      if (api.eventLoopDel(fd, event.mask) != OK) {
        throw failure("delete", fd, event, api.backend().lastErrno());
      }
      handlers.get(event).remove(fd);
    }
  }

  /**
   * Runs {@code task} once on the main thread, at the event loop's next turn. Any thread may call
   * this; a task may add another.
   *
   * @param task what runs; an exception it throws is logged
   * @throws RedisException when Redis refuses the task
   */
  public static void addOneShot(Runnable task) {
    Objects.requireNonNull(task, "a one-shot event needs a task");
    long handle = lastOneShot.incrementAndGet();
    oneShots.put(handle, task);
    RedisModuleApi api = ModuleEntry.api();
    if (api.eventLoopAddOneShot(ModuleEntry.callbacks()[ONE_SHOT_CALLBACK], handle) != OK) {
      oneShots.remove(handle);
      throw new RedisException("ERR Redis refused a one-shot event loop task");
    }
  }

  /**
   * The file descriptor of a JDK channel, to watch it with {@link #add} and read or write it
   * through the channel: a {@link java.nio.channels.Pipe}'s source or sink, a socket channel. Make
   * it non-blocking first ({@code configureBlocking(false)}): a handler must not block the main
   * thread.
   *
   * @param channel an open channel of the JDK
   * @return its file descriptor
   * @throws IllegalArgumentException when the channel has no file descriptor (closed, or not one of
   *     the JDK's)
   */
  public static int fileDescriptor(Channel channel) {
    int fd = channelFd(Objects.requireNonNull(channel, "channel"));
    if (fd < 0) {
      throw new IllegalArgumentException(
          "no file descriptor in " + channel.getClass().getName() + " (closed, or not a JDK's)");
    }
    return fd;
  }

  /** The stub's native: the fd of the channel's private FileDescriptor, -1 for none. */
  private static native int channelFd(Object channel);

  private static RuntimeException failure(String what, int fd, Event event, int errno) {
    String message = "cannot " + what + " " + event + " event of fd " + fd;
    if (errno == ERANGE) {
      return new IllegalArgumentException(message + ": out of Redis's file descriptor range");
    }
    return new RedisException("ERR " + message + " (errno " + errno + ")");
  }

  /**
   * Runs the handler of {@code fd} for the event in {@code mask}; called by {@link ModuleEntry}.
   */
  static void fire(int fd, int mask) throws Exception {
    Event event = mask == Event.READABLE.mask ? Event.READABLE : Event.WRITABLE;
    FileEventHandler handler;
    synchronized (handlers) {
      handler = handlers.get(event).get(fd);
    }
    if (handler != null) {
      handler.handle(fd, event);
    }
  }

  /** Runs and forgets the one-shot task of {@code handle}; called by {@link ModuleEntry}. */
  static void fireOneShot(long handle) {
    Runnable task = oneShots.remove(handle);
    if (task != null) {
      task.run();
    }
  }

  /** Deletes every file event of the module: MODULE UNLOAD, after which no handler may run. */
  static void release() {
    RedisModuleApi api = ModuleEntry.api();
    synchronized (handlers) {
      handlers.forEach(
          (event, byFd) -> {
            byFd.keySet().forEach(fd -> api.eventLoopDel(fd, event.mask));
            byFd.clear();
          });
      oneShots.clear();
    }
  }
}
