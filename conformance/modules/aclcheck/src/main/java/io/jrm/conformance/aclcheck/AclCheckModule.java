package io.jrm.conformance.aclcheck;

import io.jrm.AclLogReason;
import io.jrm.CallReply;
import io.jrm.ChannelFlag;
import io.jrm.Context;
import io.jrm.KeyFlag;
import io.jrm.ModuleUser;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The port of Redis's tests/modules/aclcheck.c, for unit moduleapi/aclcheck: commands that check
 * the current user's ACL on a command, key or channel before calling Redis, and calls with flag
 * {@code C}.
 */
@RedisModule(name = "aclcheck")
public final class AclCheckModule {
  /** How an ACL failure of a call with flag {@code C} begins, as an error reply. */
  private static final String ACL_FAILED = "ERR acl verification failed";

  private AclCheckModule() {}

  /** ACLCHECK.SET.CHECK.KEY flags key value...: SET after checking the key with W, R, * or ~. */
  @RedisCommand(name = "aclcheck.set.check.key", flags = "write")
  public static void setCheckKey(Context ctx, RedisString[] argv) {
    if (argv.length < 4) {
      ctx.wrongArity();
      return;
    }
    Set<KeyFlag> permissions;
    switch (argv[1].toString().toUpperCase(Locale.ROOT)) {
      case "W" -> permissions = EnumSet.of(KeyFlag.UPDATE);
      case "R" -> permissions = EnumSet.of(KeyFlag.ACCESS);
      case "*" -> permissions = EnumSet.of(KeyFlag.UPDATE, KeyFlag.ACCESS);
      case "~" -> permissions = EnumSet.noneOf(KeyFlag.class); // read or write
      default -> {
        ctx.replyWithError("INVALID FLAGS");
        return;
      }
    }
    try (ModuleUser user = currentUser(ctx)) {
      if (!user.aclCheckKeyPermissions(argv[2], permissions)) {
        ctx.replyWithError("DENIED KEY");
        return;
      }
      forward(ctx, "", "SET", rest(argv, 2));
    }
  }

  /** ACLCHECK.PUBLISH.CHECK.CHANNEL channel message: PUBLISH after checking the channel. */
  @RedisCommand(name = "aclcheck.publish.check.channel")
  public static void publishCheckChannel(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (ModuleUser user = currentUser(ctx)) {
      if (!user.aclCheckChannelPermissions(argv[1], EnumSet.of(ChannelFlag.SUBSCRIBE))) {
        ctx.replyWithError("DENIED CHANNEL");
        return;
      }
      forward(ctx, "", "PUBLISH", rest(argv, 1));
    }
  }

  /** ACLCHECK.RM_CALL.CHECK.CMD command args...: the command, if the current user may run it. */
  @RedisCommand(name = "aclcheck.rm_call.check.cmd")
  public static void callCheckCommand(Context ctx, RedisString[] argv) {
    try (ModuleUser user = currentUser(ctx)) {
      callIfPermitted(ctx, user, argv);
    }
  }

  /**
   * ACLCHECK.RM_CALL.CHECK.CMD.MODULE.USER command args...: the same as a module user with every
   * right, then authenticated as {@code default} again before the user is freed (which would
   * disconnect the client).
   */
  @RedisCommand(name = "aclcheck.rm_call.check.cmd.module.user")
  public static void callCheckCommandAsModuleUser(Context ctx, RedisString[] argv) {
    try (ModuleUser user = ctx.createModuleUser("testuser1")) {
      user.setModuleUserAcl("allcommands");
      user.setModuleUserAcl("allkeys");
      user.setModuleUserAcl("on");
      ctx.authenticateClientWithUser(user);
      try {
        callIfPermitted(ctx, user, argv);
      } finally {
        ctx.authenticateClientWithAclUser("default");
      }
    }
  }

  /** ACLCHECK.RM_CALL command args...: the command with flag {@code C}; ERR NOPERM if denied. */
  @RedisCommand(name = "aclcheck.rm_call", flags = "write")
  public static void callWithAclCheck(Context ctx, RedisString[] argv) {
    if (argv.length < 2) {
      ctx.wrongArity();
      return;
    }
    try (CallReply reply = ctx.callWithFlags("C", argv[1].toString(), (Object[]) rest(argv, 2))) {
      // The C module calls without E, so a denied call is NULL with errno EACCES there.
      String error = reply.isError() ? reply.string() : null;
      if (error != null && error.startsWith(ACL_FAILED)) {
        ctx.replyWithError("ERR NOPERM");
      } else {
        ctx.replyWithCallReply(reply);
      }
    }
  }

  /** ACLCHECK.RM_CALL_WITH_ERRORS command args...: the command with flags {@code EC}. */
  @RedisCommand(name = "aclcheck.rm_call_with_errors", flags = "write")
  public static void callWithErrors(Context ctx, RedisString[] argv) {
    if (argv.length < 2) {
      ctx.wrongArity();
      return;
    }
    forward(ctx, "C", argv[1].toString(), rest(argv, 2));
  }

  private static void callIfPermitted(Context ctx, ModuleUser user, RedisString[] argv) {
    if (argv.length < 2) {
      ctx.wrongArity();
      return;
    }
    RedisString[] command = rest(argv, 1);
    if (!user.aclCheckCommandPermissions((Object[]) command)) {
      ctx.replyWithError("DENIED CMD");
      ctx.aclAddLogEntry(user, argv[1], AclLogReason.CMD);
      return;
    }
    forward(ctx, "", argv[1].toString(), rest(argv, 2));
  }

  private static ModuleUser currentUser(Context ctx) {
    try (RedisString name = ctx.currentUserName()) {
      return ctx.moduleUserFromUserName(name).orElseThrow();
    }
  }

  private static RedisString[] rest(RedisString[] argv, int from) {
    return Arrays.copyOfRange(argv, from, argv.length);
  }

  /** Calls {@code command} and replies what it replied. */
  private static void forward(Context ctx, String flags, String command, RedisString[] args) {
    try (CallReply reply = ctx.callWithFlags(flags, command, (Object[]) args)) {
      ctx.replyWithCallReply(reply);
    }
  }
}
