package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A context for calling Redis from a thread of the module's own ({@code GetThreadSafeContext}):
 * take the server lock around calls ({@link #lock}/{@link #unlock}, or {@link #locked}), and close
 * the context when done ({@code FreeThreadSafeContext}). Made from a {@link BlockedClient}, its
 * replies go to that client once it is unblocked; {@link #detached()} ones have no client.
 *
 * <pre>{@code
 * try (ThreadSafeContext tsc = ThreadSafeContext.detached()) {
 *   long length = tsc.locked(ctx -> {
 *     try (CallReply reply = ctx.call("LLEN", "queue")) {
 *       return reply.integer();
 *     }
 *   });
 * }
 * }</pre>
 */
public final class ThreadSafeContext implements AutoCloseable {
  /** Detached contexts not closed yet: their threads may still call Redis (see {@link #close}). */
  private static final AtomicInteger openDetached = new AtomicInteger();

  private final RedisModuleApi api;
  private final Context context;
  private boolean countedOpen;

  private ThreadSafeContext(RedisModuleApi api, long pointer) {
    this.api = api;
    this.context = new Context(api, pointer);
  }

  static ThreadSafeContext create(RedisModuleApi api, long blockedClient) {
    return new ThreadSafeContext(api, api.getThreadSafeContext(blockedClient));
  }

  /**
   * {@return a thread-safe context bound to no client, for background work} While one is open,
   * MODULE UNLOAD of the module is refused: its thread could call Redis after the module is gone.
   */
  public static ThreadSafeContext detached() {
    return detached(ModuleEntry.api(), ModuleEntry.api().getThreadSafeContext(0));
  }

  /** A detached context at {@code pointer}, counted open until closed. */
  static ThreadSafeContext detached(RedisModuleApi api, long pointer) {
    ThreadSafeContext context = new ThreadSafeContext(api, pointer);
    context.countedOpen = true;
    openDetached.incrementAndGet();
    return context;
  }

  /** How many {@link #detached()} contexts are open. */
  static int openDetached() {
    return openDetached.get();
  }

  /**
   * {@return the context to call Redis with; hold the lock while using it for anything but replies}
   */
  public Context context() {
    return context;
  }

  /** Takes the server lock ({@code ThreadSafeContextLock}): Redis's main thread waits meanwhile. */
  public void lock() {
    api.threadSafeContextLock(context.pointer());
  }

  /**
   * Takes the server lock if no one holds it, without waiting ({@code ThreadSafeContextTryLock}).
   *
   * @return true when this thread now holds the lock (release it with {@link #unlock}), false when
   *     the main thread or another thread holds it
   */
  public boolean tryLock() {
    return api.threadSafeContextTryLock(context.pointer()) == Context.OK;
  }

  /** Releases the server lock ({@code ThreadSafeContextUnlock}). */
  public void unlock() {
    api.threadSafeContextUnlock(context.pointer());
  }

  /**
   * Runs {@code work} with the server lock held, and returns what it returns.
   *
   * @param <T> what the work returns
   * @param work what to run with the lock held
   * @return what the work returned
   */
  public <T extends @Nullable Object> T locked(Function<Context, T> work) {
    lock();
    try {
      return work.apply(context);
    } finally {
      unlock();
    }
  }

  /** Frees the context ({@code FreeThreadSafeContext}); using it afterwards throws. */
  @Override
  public void close() {
    api.freeThreadSafeContext(context.pointer());
    context.deactivate();
    if (countedOpen) {
      countedOpen = false;
      openDetached.decrementAndGet();
    }
  }
}
