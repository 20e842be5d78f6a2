package io.jrm.example.helloacl;

import io.jrm.BlockedClient;
import io.jrm.Context;
import io.jrm.ModuleUser;
import io.jrm.RedisString;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.concurrent.Executor;

/**
 * The Java port of Redis 7.0's {@code src/modules/helloacl.c}: a module user of its own, which
 * clients authenticate as, and authentication as an ACL user from a blocked client's reply.
 *
 * <ul>
 *   <li>{@code HELLOACL.AUTHGLOBAL} (no-auth): authenticates the caller as the module user {@code
 *       global} (all commands, all keys), which one client at a time may use; a second gets {@code
 *       Global user currently used}.
 *   <li>{@code HELLOACL.REVOKE}: closes the client authenticated as {@code global}; {@code Global
 *       user currently not used} when there is none.
 *   <li>{@code HELLOACL.RESET}: frees {@code global} (which disconnects its client) and creates it
 *       again.
 *   <li>{@code HELLOACL.AUTHASYNC username} (no-auth): blocks the caller while a thread hands the
 *       name back, then authenticates it as that ACL user: {@code OK}, or {@code Invalid Username
 *       or password}; {@code Request timedout} after a second.
 * </ul>
 *
 * <p>The client using {@code global} is forgotten when its user changes: it authenticates again, is
 * disconnected, or {@code global} is freed (the callback of {@code AuthenticateClientWithUser}). C
 * frees the name it gives the blocked client in a free-private-data callback; a Java name is
 * garbage collected.
 *
 * <p>A module of this project of its own (sources src/helloacl, built to
 * target/helloacl/helloacl.so): {@code redis-server --loadmodule target/helloacl/helloacl.so}, then
 * {@code redis-cli HELLOACL.AUTHGLOBAL}.
 */
@RedisModule(name = "helloacl")
public final class HelloAcl {
  /** How long HELLOACL.AUTHASYNC waits for its thread, in milliseconds, as C's TIMEOUT_TIME. */
  private static final long TIMEOUT_MILLIS = 1000;

  /** One thread per blocked client, as the C module's pthread_create. */
  private static final Executor NEW_THREAD = work -> new Thread(work).start();

  // Both are used on Redis's main thread only: commands and the user-changed callback run there.
  private static ModuleUser global;

  /** The id of the client authenticated as {@link #global}, 0 for none. */
  private static long globalAuthClientId;

  private HelloAcl() {}

  /** Creates the module user {@code global}. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    global = createGlobal(ctx);
    globalAuthClientId = 0;
  }

  /** {@code global}: on, all commands, all keys. */
  private static ModuleUser createGlobal(Context ctx) {
    ModuleUser user = ctx.createModuleUser("global");
    user.setModuleUserAcl("allcommands");
    user.setModuleUserAcl("allkeys");
    user.setModuleUserAcl("on");
    return user;
  }

  /** HELLOACL.REVOKE: closes the client authenticated as {@code global}. */
  @RedisCommand(name = "helloacl.revoke")
  public static void revoke(Context ctx, RedisString[] argv) {
    if (globalAuthClientId == 0) {
      ctx.replyWithError("Global user currently not used");
      return;
    }
    ctx.deauthenticateAndCloseClient(globalAuthClientId);
    ctx.replyWithSimpleString("OK");
  }

  /** HELLOACL.RESET: frees {@code global}, disconnecting its client, and creates it again. */
  @RedisCommand(name = "helloacl.reset")
  public static void reset(Context ctx, RedisString[] argv) {
    global.close();
    global = createGlobal(ctx);
    ctx.replyWithSimpleString("OK");
  }

  /** HELLOACL.AUTHGLOBAL: authenticates the caller as {@code global}, unless a client uses it. */
  @RedisCommand(name = "helloacl.authglobal", flags = "no-auth")
  public static void authGlobal(Context ctx, RedisString[] argv) {
    if (globalAuthClientId != 0) {
      ctx.replyWithError("Global user currently used");
      return;
    }
    globalAuthClientId = ctx.authenticateClientWithUser(global, id -> globalAuthClientId = 0);
    ctx.replyWithSimpleString("OK");
  }

  /** HELLOACL.AUTHASYNC username: authenticates the caller as that ACL user, from a thread. */
  @RedisCommand(name = "helloacl.authasync", flags = "no-auth")
  public static void authAsync(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    String name = argv[1].toString();
    BlockedClient client =
        ctx.blockClient(
            (reply, data) -> {
              if (reply.authenticateClientWithAclUser((String) data).isEmpty()) {
                reply.replyWithError("Invalid Username or password");
              } else {
                reply.replyWithSimpleString("OK");
              }
            },
            (reply, data) -> reply.replyWithSimpleString("Request timedout"),
            TIMEOUT_MILLIS);
    // Where C's thread would check the name against a directory; it hands it back as it is.
    client.completeAsync(NEW_THREAD, () -> name);
  }
}
