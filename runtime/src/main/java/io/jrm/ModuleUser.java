package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;
import java.util.Set;

/**
 * An ACL user a module holds ({@code RedisModuleUser}): one it created ({@link
 * Context#createModuleUser}), which no ACL command lists and which lives until {@link #close}, or a
 * handle on an ACL user found by name ({@link Context#moduleUserFromUserName}). Kept across calls
 * (in a static field, say), since Redis owns no Java object here; close it once: closing a created
 * user disconnects every client authenticated with it, closing a found one only drops the handle.
 */
public final class ModuleUser implements AutoCloseable {
  private static final int OK = 0;

  private final RedisModuleApi api;
  private long pointer;

  ModuleUser(RedisModuleApi api, long pointer) {
    this.api = api;
    this.pointer = pointer;
  }

  long pointer() {
    if (pointer == 0) {
      throw new IllegalStateException("the module user was closed");
    }
    return pointer;
  }

  /**
   * Applies one ACL rule, as one argument of ACL SETUSER ({@code SetModuleUserACL}): {@code on},
   * {@code allcommands}, {@code ~key*}, {@code -set}...
   *
   * @param acl the rule
   * @return whether Redis accepted it
   */
  public boolean setModuleUserAcl(String acl) {
    return api.setModuleUserACL(pointer(), cString(acl)) == OK;
  }

  /**
   * Applies rules separated by spaces, as ACL SETUSER's arguments ({@code SetModuleUserACLString});
   * none applies when one is wrong.
   *
   * @param ctx the calling context, which owns the error string
   * @param acl the rules, for example {@code "~* &* +@all -set"}
   * @throws RedisException with Redis's reason when a rule is wrong
   */
  public void setModuleUserAclString(Context ctx, String acl) {
    long[] error = new long[1];
    if (api.setModuleUserACLString(ctx.pointer(), pointer(), cString(acl), error) != OK) {
      String reason = "ERR invalid ACL";
      if (error[0] != 0) {
        try (RedisString text = new RedisString(ctx, error[0], true)) {
          reason = text.toString();
        }
      }
      throw new RedisException(reason);
    }
  }

  /**
   * {@return the user's rules as ACL LIST shows them, without the name ({@code
   * GetModuleUserACLString}), a created string to close}
   *
   * @param ctx the calling context, which owns the string
   */
  public RedisString moduleUserAclString(Context ctx) {
    ctx.checkActive();
    return new RedisString(ctx, api.getModuleUserACLString(pointer()), true);
  }

  /**
   * Whether the user may run a command with these arguments ({@code ACLCheckCommandPermissions}).
   *
   * @param argv the command name then its arguments, of the types {@link Context#call} takes
   * @return true when allowed
   */
  public boolean aclCheckCommandPermissions(Object... argv) {
    try (CallArguments vector = CallArguments.of(api, "", "", argv)) {
      return api.aCLCheckCommandPermissions(pointer(), vector.argv(), (int) vector.argc()) == OK;
    }
  }

  /**
   * Whether the user may use a key so ({@code ACLCheckKeyPermissions}).
   *
   * @param key the key's name
   * @param flags what the command does with it ({@link KeyFlag#ACCESS}, {@link KeyFlag#UPDATE},
   *     {@link KeyFlag#INSERT}, {@link KeyFlag#DELETE}); none asks for read or write access
   * @return true when allowed
   */
  public boolean aclCheckKeyPermissions(RedisString key, Set<KeyFlag> flags) {
    long bits = 0;
    for (KeyFlag flag : flags) {
      bits |= flag.bit();
    }
    return api.aCLCheckKeyPermissions(pointer(), key.pointer(), (int) bits) == OK;
  }

  /**
   * Whether the user may use a channel so ({@code ACLCheckChannelPermissions}).
   *
   * @param channel the channel or pattern
   * @param flags what the command does with it (unsubscribing is always allowed)
   * @return true when allowed
   */
  public boolean aclCheckChannelPermissions(RedisString channel, Set<ChannelFlag> flags) {
    return api.aCLCheckChannelPermissions(pointer(), channel.pointer(), FlagBits.of(flags)) == OK;
  }

  /** Frees the user ({@code FreeModuleUser}); a second close does nothing. */
  @Override
  public void close() {
    long user = pointer;
    if (user != 0) {
      pointer = 0;
      api.freeModuleUser(user);
    }
  }
}
