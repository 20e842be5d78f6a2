package io.jrm;

/**
 * Who may run {@code <module>.jrm-restore}: whoever may RESTORE the same key. Both build a value
 * from raw bytes, but Redis 7.0 gives module commands no ACL categories (their flags do not map to
 * any), so a user refused {@code @dangerous} or RESTORE itself would otherwise still get in.
 */
final class RestorePermission {
  /** The start of the error {@code RedisModule_Call} replies when its {@code C} check refuses. */
  private static final String REFUSED = "ERR acl verification failed";

  private RestorePermission() {}

  /**
   * Refuses, with a {@code NOPERM} error, a client whose user may not RESTORE {@code key}. The AOF
   * being loaded and the master are trusted, as Redis trusts them with RESTORE.
   */
  static void require(Context ctx, RedisString key, String command) {
    int flags = ctx.api().getContextFlags(ctx.pointer());
    if (ContextFlag.LOADING.in(flags) || ContextFlag.REPLICATED.in(flags)) {
      return;
    }
    // Redis's own check of the caller's ACL ("C"), on RESTORE with a payload it refuses before
    // touching anything: the answer takes every rule into account, key patterns included. A
    // caller without a user (a module's Call) runs as root, and the check lets it through.
    try (CallReply reply = ctx.callWithFlags("C", "RESTORE", key, "0", "")) {
      if (reply.isError() && reply.string().startsWith(REFUSED)) {
        throw new RedisException(
            "NOPERM this user may not run RESTORE on this key, so neither "
                + command
                + ", which also builds values from raw bytes");
      }
    }
  }
}
