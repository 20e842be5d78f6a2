package io.jrm.conformance.auth;

import io.jrm.Context;
import io.jrm.ModuleUser;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.OptionalLong;

/**
 * The port of Redis's tests/modules/auth.c (module {@code testacl}), for unit moduleapi/auth: a
 * module user clients authenticate as, authentication as ACL users with a callback that counts user
 * changes, and redacted arguments.
 */
@RedisModule(name = "testacl")
public final class AuthModule {
  /** The module user of AUTH.CREATEMODULEUSER. */
  private static ModuleUser global;

  /** User changes of authenticated clients since the last AUTH.CHANGECOUNT. */
  private static long changes;

  private AuthModule() {}

  private static void changed(long clientId) {
    changes++;
  }

  /** AUTH.CREATEMODULEUSER: a new user {@code global} with every right (freeing the old one). */
  @RedisCommand(name = "auth.createmoduleuser")
  public static void createModuleUser(Context ctx, RedisString[] argv) {
    if (global != null) {
      global.close(); // disconnects the clients authenticated as it
    }
    global = ctx.createModuleUser("global");
    global.setModuleUserAcl("allcommands");
    global.setModuleUserAcl("allkeys");
    global.setModuleUserAcl("on");
    ctx.replyWithSimpleString("OK");
  }

  /** AUTH.AUTHMODULEUSER: authenticates the caller as {@code global}; replies its client id. */
  @RedisCommand(name = "auth.authmoduleuser", flags = "no-auth")
  public static void authModuleUser(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(ctx.authenticateClientWithUser(global, AuthModule::changed));
  }

  /** AUTH.AUTHREALUSER name: authenticates the caller as an ACL user; replies its client id. */
  @RedisCommand(name = "auth.authrealuser", flags = "no-auth")
  public static void authRealUser(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    OptionalLong id = ctx.authenticateClientWithAclUser(argv[1].toString(), AuthModule::changed);
    if (id.isEmpty()) {
      ctx.replyWithError("Invalid user");
      return;
    }
    ctx.replyWithLongLong(id.getAsLong());
  }

  /** AUTH.CHANGECOUNT: the user changes counted since the last call. */
  @RedisCommand(name = "auth.changecount")
  public static void changeCount(Context ctx, RedisString[] argv) {
    long result = changes;
    changes = 0;
    ctx.replyWithLongLong(result);
  }

  /** AUTH.REDACT args...: redacts every other argument from the last; replies OK. */
  @RedisCommand(name = "auth.redact")
  public static void redact(Context ctx, RedisString[] argv) {
    for (int i = argv.length - 1; i > 0; i -= 2) {
      ctx.redactClientCommandArgument(i);
    }
    ctx.replyWithSimpleString("OK");
  }
}
