package io.jrm.conformance.usercall;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.ModuleUser;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.Arrays;

/**
 * The port of Redis's tests/modules/usercall.c, for unit moduleapi/usercall: calls made as a module
 * user ({@code SetContextUser}) whose ACL the client sets.
 */
@RedisModule(name = "usercall")
public final class UserCallModule {
  /** The module user, made by USERCALL.RESET_USER. */
  private static ModuleUser user;

  private UserCallModule() {}

  /** USERCALL.CALL_WITHOUT_USER command args...: the command as the client's user. */
  @RedisCommand(name = "usercall.call_without_user", flags = "write")
  public static void callWithoutUser(Context ctx, RedisString[] argv) {
    if (argv.length < 2) {
      ctx.wrongArity();
      return;
    }
    forward(ctx, "", argv, 1);
  }

  /** USERCALL.CALL_WITH_USER_FLAG flags command args...: the command as the module user. */
  @RedisCommand(name = "usercall.call_with_user_flag", flags = "write")
  public static void callWithUserFlag(Context ctx, RedisString[] argv) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    ctx.setContextUser(user);
    forward(ctx, argv[1].toString(), argv, 2);
  }

  /** USERCALL.ADD_TO_ACL rules: applies ACL SETUSER rules to the module user. */
  @RedisCommand(name = "usercall.add_to_acl", flags = "write")
  public static void addToAcl(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    try {
      user.setModuleUserAclString(ctx, argv[1].toString());
    } catch (RedisException e) {
      ctx.replyWithError(e.getMessage());
      return;
    }
    ctx.replyWithSimpleString("OK");
  }

  /** USERCALL.GET_ACL: the module user's rules. */
  @RedisCommand(name = "usercall.get_acl", flags = "write")
  public static void getAcl(Context ctx, RedisString[] argv) {
    if (argv.length != 1) {
      ctx.wrongArity();
      return;
    }
    try (RedisString acl = user.moduleUserAclString(ctx)) {
      ctx.replyWithString(acl);
    }
  }

  /** USERCALL.RESET_USER: a new module user {@code module_user}, with no rights. */
  @RedisCommand(name = "usercall.reset_user", flags = "write")
  public static void resetUser(Context ctx, RedisString[] argv) {
    if (argv.length != 1) {
      ctx.wrongArity();
      return;
    }
    if (user != null) {
      user.close();
    }
    user = ctx.createModuleUser("module_user");
    ctx.replyWithSimpleString("OK");
  }

  /** Calls {@code argv[at]} with the arguments after it and replies what it replied. */
  private static void forward(Context ctx, String flags, RedisString[] argv, int at) {
    Object[] args = Arrays.copyOfRange(argv, at + 1, argv.length);
    try (CallReply reply = ctx.callWithFlags(flags, argv[at].toString(), args)) {
      ctx.replyWithCallReply(reply);
    }
  }
}
