package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A client that a command has blocked ({@code BlockClient}): it waits, without holding up Redis,
 * until a Java thread unblocks it or its timeout passes. Then Redis calls, in its main thread, the
 * reply callback (with the data given to {@code unblock}) or the timeout callback, and whatever
 * they reply goes to the client. Run the work with {@link #completeAsync}: its result goes to the
 * reply callback, and an exception it throws becomes the client's error reply.
 *
 * <pre>{@code
 * BlockedClient client = ctx.blockClient((reply, data) -> reply.replyWithString((String) data),
 *     (reply, data) -> reply.replyWithNull(), 5_000);
 * client.completeAsync(executor, () -> slowLookup());
 * }</pre>
 *
 * <p>Every blocked client gets exactly one reply. Java, not Redis, times it out: Redis 7.0 loses
 * the reply of a client whose unblock comes after its deadline but before Redis noticed the
 * timeout. An unblock after the timeout does nothing; until then, unblock or abort it exactly once
 * (or hand its work to {@link #completeAsync}), as in C. Once Redis has freed the client (after its
 * callback ran, or an abort), the calls that would hand Redis the freed handle ({@link
 * #measureTimeStart}, {@link #measureTimeEnd}, {@link #threadSafeContext}, {@link
 * #setDisconnectCallback}) throw instead. A client that disconnects stays blocked for Java: its
 * {@link DisconnectCallback} runs, and its reply callback never does.
 */
public final class BlockedClient {
  /** What Redis runs in its main thread when a blocked client is unblocked or times out. */
  @FunctionalInterface
  public interface Callback {
    /**
     * Replies to the client.
     *
     * @param ctx the context of the callback, valid until it returns
     * @param data what {@link #unblock} was given; null on timeout
     * @throws Exception anything: it becomes the client's error reply and a log line
     */
    void handle(Context ctx, @Nullable Object data) throws Exception;
  }

  /** What Redis runs in its main thread when a key a client is blocked on is ready. */
  @FunctionalInterface
  public interface KeyReadyCallback {
    /**
     * Replies to the client, which serves it, or returns without replying, which keeps it blocked.
     *
     * @param ctx the context of the callback, valid until it returns
     * @param key the key that is ready
     * @throws Exception anything: it becomes the client's error reply and a log line
     */
    void handle(Context ctx, RedisString key) throws Exception;
  }

  /** What Redis runs in its main thread when a blocked client disconnects before its reply. */
  @FunctionalInterface
  public interface DisconnectCallback {
    /**
     * Cleans up after a client that went away: say stops its work, or unblocks it at once ({@link
     * #unblock}), which frees it without running the reply callback. Nothing can be replied.
     *
     * @param ctx the context of the callback, valid until it returns
     * @param client the client that disconnected
     * @throws Exception anything: it becomes a log line
     */
    void handle(Context ctx, BlockedClient client) throws Exception;
  }

  // Indexes of the stub's blocked-client functions in its callback functions (StubAbiTest checks).
  private static final int REPLY_CALLBACK = 0;
  private static final int TIMEOUT_CALLBACK = 1;
  private static final int FREE_PRIVDATA_CALLBACK = 2;
  private static final int DISCONNECT_CALLBACK = 34;

  /** Where a blocked client stands; it leaves BLOCKED once, by whichever comes first. */
  private enum State {
    BLOCKED,
    UNBLOCKED,
    ABORTED,
    TIMED_OUT
  }

  /** What {@link #completeAsync} unblocks with when its task throws. */
  private record Failure(Throwable cause) {
    /** Throws the cause itself, so that the error reply and the log line name it. */
    void rethrow() throws Exception {
      if (cause instanceof Error error) {
        throw error;
      }
      throw (Exception) cause;
    }
  }

  /**
   * Blocked clients by their {@code RedisModuleBlockedClient *}, and clients blocked on keys by
   * their token, until Redis frees them.
   */
  private static final Map<Long, BlockedClient> blocked = new ConcurrentHashMap<>();

  /**
   * The last token handed out: Redis takes the private data of a client blocked on keys before it
   * returns the client's pointer. Tokens are negative, so they never equal a pointer (user space
   * addresses are positive on every platform Redis runs on), and never 0 (NULL, which Redis frees
   * no private data for).
   */
  private static final AtomicLong lastToken = new AtomicLong();

  /** Whether {@link Timeouts} has started its thread, for {@link #stopTimeouts}. */
  private static volatile boolean timeoutsStarted;

  /** The one thread that times blocked clients out, started by the first timeout. */
  private static final class Timeouts {
    static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private static ScheduledThreadPoolExecutor create() {
      timeoutsStarted = true;
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              task -> {
                Thread thread = new Thread(task, "jrm-blocked-client-timeouts");
                thread.setDaemon(true);
                return thread;
              });
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }

  /**
   * Stops the timeout thread, if it started, as the module is unloaded: Redis refuses to unload a
   * module with blocked clients, so no timeout is pending.
   */
  static void stopTimeouts() {
    if (timeoutsStarted) {
      Timeouts.EXECUTOR.shutdownNow();
    }
  }

  private final RedisModuleApi api;
  private final long pointer;
  private final @Nullable Callback onReply;
  private final @Nullable KeyReadyCallback onReady;
  private final @Nullable Callback onTimeout;
  private final AtomicReference<State> state = new AtomicReference<>(State.BLOCKED);
  private volatile Object data;
  private volatile Future<?> timeout;
  private volatile @Nullable DisconnectCallback onDisconnect;

  /**
   * Whether Redis has freed (or is about to free) the handle: every call that passes the pointer to
   * Redis checks it under this object's lock, which {@link #freed} and {@link #abort} take to set
   * it, so no call reaches a freed handle.
   */
  private boolean released;

  private BlockedClient(
      RedisModuleApi api,
      long pointer,
      @Nullable Callback onReply,
      @Nullable KeyReadyCallback onReady,
      @Nullable Callback onTimeout) {
    this.api = api;
    this.pointer = pointer;
    this.onReply = onReply;
    this.onReady = onReady;
    this.onTimeout = onTimeout;
  }

  static BlockedClient block(
      Context ctx,
      Callback onReply,
      @Nullable Callback onTimeout,
      long timeoutMillis,
      long[] callbacks) {
    if (onTimeout == null && timeoutMillis != 0) {
      throw new IllegalArgumentException(
          "a client blocked with a timeout needs a timeout callback");
    }
    // Redis 7.0 "blocks" a client in MULTI or Lua by replying an error itself and handing out a
    // handle anyway, and really blocks a client that may not block (Call, AOF loading): asking
    // first keeps the one reply this command owes its own.
    refuseWhereCannotBlock(ctx);
    // No timeout for Redis: the timeout callback still serves CLIENT UNBLOCK ... TIMEOUT, which
    // refuses a client without one.
    long pointer =
        ctx.api()
            .blockClient(
                ctx.pointer(),
                callbacks[REPLY_CALLBACK],
                onTimeout == null ? 0 : callbacks[TIMEOUT_CALLBACK],
                callbacks[FREE_PRIVDATA_CALLBACK],
                0);
    if (pointer == 0) {
      throw new RedisException("ERR this client cannot be blocked here");
    }
    BlockedClient client = new BlockedClient(ctx.api(), pointer, onReply, null, onTimeout);
    blocked.put(pointer, client);
    if (timeoutMillis > 0) {
      client.timeout =
          Timeouts.EXECUTOR.schedule(client::timeOut, timeoutMillis, TimeUnit.MILLISECONDS);
    }
    return client;
  }

  /**
   * Blocks the client on {@code keys} ({@code BlockClientOnKeys}). Redis times it out itself: a
   * key-blocked client gets its reply from a callback Redis runs, never from a Java thread. Without
   * {@code onTimeout} Redis gets no timeout callback, so CLIENT UNBLOCK refuses to unblock it.
   */
  static void blockOnKeys(
      Context ctx,
      KeyReadyCallback onReady,
      @Nullable Callback onTimeout,
      long timeoutMillis,
      RedisString[] keys,
      long[] callbacks) {
    if (keys.length == 0) {
      throw new IllegalArgumentException("a client blocks on at least one key");
    }
    if (onTimeout == null && timeoutMillis != 0) {
      // Redis 7.0 calls the timeout callback of a client whose timeout passed without checking it.
      throw new IllegalArgumentException(
          "a client blocked with a timeout needs a timeout callback");
    }
    refuseWhereCannotBlock(ctx);
    long token = lastToken.decrementAndGet();
    BlockedClient client = new BlockedClient(ctx.api(), 0, null, onReady, onTimeout);
    blocked.put(token, client);
    // Redis keeps its own references to the keys, not the array.
    try (NativeBuffer array = NativeBuffer.alloc(ctx.api(), (long) Long.BYTES * keys.length)) {
      ByteBuffer pointers =
          ByteBuffer.allocate(Long.BYTES * keys.length).order(ByteOrder.nativeOrder());
      for (RedisString key : keys) {
        pointers.putLong(key.pointer());
      }
      array.write(0, pointers.array());
      long pointer =
          ctx.api()
              .blockClientOnKeys(
                  ctx.pointer(),
                  callbacks[REPLY_CALLBACK],
                  onTimeout == null ? 0 : callbacks[TIMEOUT_CALLBACK],
                  callbacks[FREE_PRIVDATA_CALLBACK],
                  timeoutMillis,
                  array.address(),
                  keys.length,
                  token);
      if (pointer == 0) {
        blocked.remove(token);
        throw new RedisException("ERR this client cannot be blocked here");
      }
    }
  }

  private static void refuseWhereCannotBlock(Context ctx) {
    int contextFlags = ctx.api().getContextFlags(ctx.pointer());
    if (ContextFlag.MULTI.in(contextFlags)
        || ContextFlag.LUA.in(contextFlags)
        || ContextFlag.DENY_BLOCKING.in(contextFlags)) {
      throw new RedisException(
          "ERR this command blocks its client, which cannot block here (MULTI, Lua or a call)");
    }
  }

  /**
   * Unblocks the client with {@code data} for the reply callback ({@code UnblockClient}). Safe to
   * call from any thread; does nothing once the client timed out.
   *
   * @param data what the reply callback gets; may be null
   * @throws IllegalStateException when the client was already unblocked or aborted
   */
  public void unblock(@Nullable Object data) {
    if (leave(State.UNBLOCKED)) {
      this.data = data;
      // The pointer itself is the private data: the reply callback finds this object by it.
      api.unblockClient(pointer, pointer);
    }
  }

  /**
   * Runs {@code task} on {@code executor} and unblocks the client with its result, for the reply
   * callback. When the task throws, or the executor refuses it, the client gets the error reply
   * {@code ERR <exception class>: <message>} and the Redis log a line with the stack, as when a
   * command throws. Use it instead of {@link #unblock}, not with it.
   *
   * @param executor where the task runs
   * @param task the work, whose result the reply callback gets (may be null)
   */
  public void completeAsync(Executor executor, Callable<?> task) {
    try {
      executor.execute(() -> unblock(outcome(task)));
    } catch (RejectedExecutionException e) {
      unblock(new Failure(e));
    }
  }

  private static Object outcome(Callable<?> task) {
    try {
      return task.call();
    } catch (Exception | Error e) {
      return new Failure(e);
    }
  }

  /**
   * Unblocks the client without running any callback ({@code AbortBlock}), say when the work could
   * not even start. Safe to call from any thread; does nothing once the client timed out.
   *
   * @throws IllegalStateException when the client was already unblocked or aborted
   */
  public synchronized void abort() {
    if (leave(State.ABORTED)) {
      blocked.remove(pointer);
      released = true; // Redis frees an aborted client without freeing private data: no freed()
      if (api.abortBlock(pointer) != Context.OK) {
        throw new IllegalStateException("Redis refused to abort this blocked client");
      }
    }
  }

  /**
   * Runs {@code callback} in the main thread if the client disconnects while blocked ({@code
   * SetDisconnectCallback}). Redis runs it for a real disconnection only: not after a timeout, and
   * not once the reply callback has run. The client stays blocked for Java until it is unblocked,
   * aborted or times out: the reply callback just never runs.
   *
   * @param callback what runs on a disconnect; replaces the one set before
   * @throws IllegalStateException when Redis has freed this client already
   */
  public synchronized void setDisconnectCallback(DisconnectCallback callback) {
    Objects.requireNonNull(callback, "callback");
    checkHeld();
    onDisconnect = callback;
    api.setDisconnectCallback(pointer, ModuleEntry.callbacks()[DISCONNECT_CALLBACK]);
  }

  /** The timeout passed: unblocks the client for its timeout callback, unless it was unblocked. */
  private void timeOut() {
    if (state.compareAndSet(State.BLOCKED, State.TIMED_OUT)) {
      api.unblockClient(pointer, pointer);
    }
  }

  /** Moves from BLOCKED to {@code next}; false when the timeout came first (nothing left to do). */
  private boolean leave(State next) {
    if (state.compareAndSet(State.BLOCKED, next)) {
      cancelTimeout();
      return true;
    }
    if (state.get() == State.TIMED_OUT) {
      return false;
    }
    throw new IllegalStateException("this blocked client was already unblocked or aborted");
  }

  /**
   * A context for calling Redis from another thread on behalf of this client ({@code
   * GetThreadSafeContext}); close it when done.
   *
   * @return a context of its own, to close when done
   */
  public synchronized ThreadSafeContext threadSafeContext() {
    checkHeld();
    return ThreadSafeContext.create(api, pointer);
  }

  /**
   * Starts counting the time from now towards the command's duration in {@code SLOWLOG} and {@code
   * INFO commandstats} ({@code BlockedClientMeasureTimeStart}), say as a thread starts the client's
   * work; Redis counts only the main thread's time otherwise.
   *
   * @throws IllegalStateException when the time is already being measured, or Redis has freed this
   *     client (it was unblocked, aborted or timed out, and its callback has returned)
   */
  public synchronized void measureTimeStart() {
    checkHeld();
    if (api.blockedClientMeasureTimeStart(pointer) != Context.OK) {
      throw new IllegalStateException("the time of this blocked client is already measured");
    }
  }

  /**
   * Adds the time since {@link #measureTimeStart} to the command's duration ({@code
   * BlockedClientMeasureTimeEnd}). Start and end may alternate, for work done in pieces.
   *
   * @throws IllegalStateException when no measure was started, or Redis has freed this client
   */
  public synchronized void measureTimeEnd() {
    checkHeld();
    if (api.blockedClientMeasureTimeEnd(pointer) != Context.OK) {
      throw new IllegalStateException("no time of this blocked client is being measured");
    }
  }

  /** Refuses a call with a handle Redis has freed, which would reach freed memory. */
  private void checkHeld() {
    if (released) {
      throw new IllegalStateException(
          "this blocked client is gone: it was unblocked, aborted or timed out");
    }
  }

  private void cancelTimeout() {
    Future<?> pending = timeout;
    if (pending != null) {
      pending.cancel(false);
    }
  }

  /**
   * Runs the callback Redis asks for, in its main thread.
   *
   * @return whether the client waits on when the callback did not reply (a client blocked on keys)
   */
  static boolean dispatch(Context ctx, boolean redisTimeout) throws Exception {
    RedisModuleApi api = ctx.api();
    // A client blocked on keys has its token as private data from the start; any other has its
    // pointer once unblocked, and none when Redis times it out.
    long privateData = api.getBlockedClientPrivateData(ctx.pointer());
    long handle = privateData == 0 ? api.getBlockedClientHandle(ctx.pointer()) : privateData;
    BlockedClient client = blocked.get(handle);
    if (client == null) {
      throw new IllegalStateException("no blocked client " + handle);
    }
    if (client.onReady != null) {
      if (redisTimeout) {
        // Redis times out only a client it has a timeout callback for: one with onTimeout.
        Objects.requireNonNull(client.onTimeout).handle(ctx, null);
        return false;
      }
      client.onReady.handle(ctx, ctx.blockedClientReadyKey().orElseThrow());
      return true;
    }
    if (redisTimeout) {
      client.timedOutByRedis(ctx);
    } else if (client.state.get() == State.TIMED_OUT) {
      ctx.answerTimeout();
      client.onTimeout.handle(ctx, null);
    } else if (client.data instanceof Failure failure) {
      failure.rethrow();
    } else {
      client.onReply.handle(ctx, client.data);
    }
    return false;
  }

  /**
   * Redis timed the client out itself (CLIENT UNBLOCK ... TIMEOUT): this is its only chance of a
   * reply, whatever Java is doing. Redis frees the handle only on an unblock, so release it here if
   * no Java thread will.
   */
  private void timedOutByRedis(Context ctx) throws Exception {
    boolean release = state.compareAndSet(State.BLOCKED, State.TIMED_OUT);
    try {
      onTimeout.handle(ctx, null);
    } finally {
      if (release) {
        cancelTimeout();
        api.unblockClient(pointer, pointer);
      }
    }
  }

  /**
   * The blocked client of {@code handle} ({@code GetBlockedClientHandle}), or null: in a reply or
   * timeout callback of a client {@link Context#blockClient} blocked, until Redis frees it.
   */
  static @Nullable BlockedClient byHandle(long handle) {
    return handle == 0 ? null : blocked.get(handle);
  }

  /** The client of {@code handle} disconnected while blocked: runs its disconnect callback. */
  static void disconnected(Context ctx, long handle) throws Exception {
    BlockedClient client = blocked.get(handle);
    DisconnectCallback callback = client == null ? null : client.onDisconnect;
    if (callback == null) {
      throw new IllegalStateException("no disconnect callback for blocked client " + handle);
    }
    callback.handle(ctx, client);
  }

  /**
   * Forgets a client Redis frees once this returns: the private data of an unblock is its pointer.
   * Marked under its lock, so that a thread's call on it either finishes first or is refused.
   */
  static void freed(long privateData) {
    BlockedClient client = blocked.remove(privateData);
    if (client != null) {
      synchronized (client) {
        client.released = true;
      }
    }
  }
}
