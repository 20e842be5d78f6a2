package io.jrm.example.helloblock;

import io.jrm.BlockedClient;
import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.LogLevel;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.ThreadSafeContext;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Java port of Redis 7.0's {@code src/modules/helloblock.c}: commands that block their client
 * while a thread does the work, and reply from a callback Redis runs in its main thread.
 *
 * <ul>
 *   <li>{@code HELLO.BLOCK delay timeout}: a thread sleeps {@code delay} seconds, then the client
 *       gets a random number; after {@code timeout} milliseconds (0: none) it gets {@code Request
 *       timedout} instead. A client that disconnects meanwhile is logged by its disconnect callback
 *       ({@code SetDisconnectCallback}).
 *   <li>{@code HELLO.KEYS}: a thread SCANs the whole key space through a thread-safe context,
 *       taking the server lock for each SCAN call only, and the client gets every key name.
 * </ul>
 *
 * <p>The C thread of HELLO.KEYS replies to its thread-safe context itself; in JRM the thread hands
 * the keys to {@link BlockedClient#unblock} and the reply callback replies them, which the client
 * sees as the same reply.
 *
 * <p>A module of this project of its own (sources src/helloblock, built to
 * target/helloblock/helloblock.so): {@code redis-server --loadmodule
 * target/helloblock/helloblock.so}, then {@code redis-cli HELLO.BLOCK 1 5000}.
 */
@RedisModule(name = "helloblock")
public final class HelloBlock {
  /** One thread per blocked client, as the C module's pthread_create. */
  private static final Executor NEW_THREAD = work -> new Thread(work).start();

  private HelloBlock() {}

  /** HELLO.BLOCK delay timeout: a random number after delay seconds, unless timeout ms pass. */
  @RedisCommand(name = "hello.block")
  public static void block(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    long delay = count(argv[1]);
    long timeout = count(argv[2]);
    BlockedClient client =
        ctx.blockClient(
            (reply, data) -> reply.replyWithLongLong((Integer) data),
            (reply, data) -> reply.replyWithSimpleString("Request timedout"),
            timeout);
    // The thread sleeps, so there is not much to do here: this shows the API.
    client.setDisconnectCallback(
        (disconnected, gone) ->
            disconnected.log(LogLevel.WARNING, "Blocked client " + gone + " disconnected!"));
    client.completeAsync(
        NEW_THREAD,
        () -> {
          Thread.sleep(delay * 1000);
          return ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE);
        });
  }

  private static long count(RedisString arg) {
    try {
      return arg.toLongLong();
    } catch (RedisException notAnInteger) {
      throw new RedisException("ERR invalid count");
    }
  }

  /** HELLO.KEYS: every key name, SCANned by a thread. */
  @RedisCommand(name = "hello.keys")
  public static void keys(Context ctx, RedisString[] argv) {
    if (argv.length != 1) {
      ctx.wrongArity();
      return;
    }
    // No timeout: the thread always unblocks the client, so no timeout callback is needed.
    BlockedClient client = ctx.blockClient(HelloBlock::replyKeys, null, 0);
    client.completeAsync(NEW_THREAD, () -> scanAll(client));
  }

  /** SCANs from cursor 0 until SCAN answers 0 again, under the lock only for each call. */
  private static List<byte[]> scanAll(BlockedClient client) {
    List<byte[]> keys = new ArrayList<>();
    try (ThreadSafeContext tsc = client.threadSafeContext()) {
      String cursor = "0";
      do {
        String at = cursor;
        cursor =
            tsc.locked(
                locked -> {
                  try (CallReply reply = locked.call("SCAN", at)) {
                    CallReply batch = reply.arrayElement(1);
                    for (long i = 0; i < batch.length(); i++) {
                      keys.add(batch.arrayElement(i).bytes());
                    }
                    return reply.arrayElement(0).string();
                  }
                });
      } while (!cursor.equals("0"));
    }
    return keys;
  }

  private static void replyKeys(Context ctx, Object data) {
    List<?> keys = (List<?>) data;
    ctx.replyWithArray(keys.size());
    for (Object key : keys) {
      ctx.replyWithStringBuffer((byte[]) key);
    }
  }
}
