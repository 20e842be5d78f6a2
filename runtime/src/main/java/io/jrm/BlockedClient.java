package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client that a command has blocked ({@code BlockClient}): it waits, without holding up Redis,
 * until any Java thread calls {@link #unblock} or its timeout passes. Then Redis calls, in its main
 * thread, the reply callback (with the data given to {@code unblock}) or the timeout callback, and
 * whatever they reply goes to the client.
 *
 * <pre>{@code
 * BlockedClient client = ctx.blockClient((reply, data) -> reply.replyWithString((String) data),
 *     (reply, data) -> reply.replyWithNull(), 5_000);
 * executor.submit(() -> client.unblock(slowLookup()));
 * }</pre>
 *
 * <p>Call {@link #unblock} exactly once for every blocked client, even after its timeout: that is
 * what releases it, as in C.
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
     */
    void handle(Context ctx, Object data) throws Exception;
  }

  // Indexes of the stub's blocked-client functions in its callback functions (StubAbiTest checks).
  private static final int REPLY_CALLBACK = 0;
  private static final int TIMEOUT_CALLBACK = 1;
  private static final int FREE_PRIVDATA_CALLBACK = 2;

  /** Blocked clients by their {@code RedisModuleBlockedClient *}, until Redis frees them. */
  private static final Map<Long, BlockedClient> blocked = new ConcurrentHashMap<>();

  private final RedisModuleApi api;
  private final long pointer;
  private final Callback onReply;
  private final Callback onTimeout;
  private volatile Object data;
  private volatile boolean released;

  private BlockedClient(RedisModuleApi api, long pointer, Callback onReply, Callback onTimeout) {
    this.api = api;
    this.pointer = pointer;
    this.onReply = onReply;
    this.onTimeout = onTimeout;
  }

  static BlockedClient block(
      Context ctx, Callback onReply, Callback onTimeout, long timeoutMillis, long[] callbacks) {
    long pointer =
        ctx.api()
            .blockClient(
                ctx.pointer(),
                callbacks[REPLY_CALLBACK],
                callbacks[TIMEOUT_CALLBACK],
                callbacks[FREE_PRIVDATA_CALLBACK],
                timeoutMillis);
    if (pointer == 0) {
      throw new RedisException("ERR this client cannot be blocked here (MULTI, Lua or a replica)");
    }
    BlockedClient client = new BlockedClient(ctx.api(), pointer, onReply, onTimeout);
    blocked.put(pointer, client);
    return client;
  }

  /**
   * Unblocks the client with {@code data} for the reply callback ({@code UnblockClient}). Safe to
   * call from any thread, once.
   *
   * @throws IllegalStateException when the client was already released
   */
  public void unblock(Object data) {
    release();
    this.data = data;
    // The pointer itself is the private data: the reply callback finds this object by it.
    api.unblockClient(pointer, pointer);
  }

  /**
   * Unblocks the client without running any callback ({@code AbortBlock}), say when the work could
   * not even start. Safe to call from any thread, once.
   */
  public void abort() {
    release();
    blocked.remove(pointer);
    if (api.abortBlock(pointer) != Context.OK) {
      throw new IllegalStateException("Redis refused to abort this blocked client");
    }
  }

  /**
   * A context for calling Redis from another thread on behalf of this client ({@code
   * GetThreadSafeContext}); close it when done.
   */
  public ThreadSafeContext threadSafeContext() {
    return ThreadSafeContext.create(api, pointer);
  }

  private synchronized void release() {
    if (released) {
      throw new IllegalStateException("this blocked client was already unblocked or aborted");
    }
    released = true;
  }

  /** Runs the callback Redis asks for, in its main thread. */
  static void dispatch(Context ctx, boolean timeout) throws Exception {
    RedisModuleApi api = ctx.api();
    long handle =
        timeout
            ? api.getBlockedClientHandle(ctx.pointer())
            : api.getBlockedClientPrivateData(ctx.pointer());
    BlockedClient client = blocked.get(handle);
    if (client == null) {
      throw new IllegalStateException("no blocked client " + handle);
    }
    if (timeout) {
      client.onTimeout.handle(ctx, null);
    } else {
      client.onReply.handle(ctx, client.data);
    }
  }

  /** Forgets a client Redis has freed: the private data of an unblock is its pointer. */
  static void freed(long privateData) {
    blocked.remove(privateData);
  }
}
