package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import org.jspecify.annotations.Nullable;

/**
 * The keys a data type's {@code copy}, {@code freeEffort} or {@code unlink} method is called for
 * ({@code RedisModuleKeyOptCtx}): the key of the value and its database, and for a copy the
 * destination key and database. Valid during that call only; its strings belong to Redis.
 */
public final class KeyOptContext {
  private final Context scope;
  private final RedisModuleApi api;
  private final long keys;

  KeyOptContext(Context scope, long keys) {
    this.scope = scope;
    this.api = scope.api();
    this.keys = keys;
  }

  /** {@return the key of the value ({@code GetKeyNameFromOptCtx}): a copy's source} */
  public RedisString keyName() {
    return new RedisString(scope, api.getKeyNameFromOptCtx(keys), false);
  }

  /**
   * {@return the destination key of a copy ({@code GetToKeyNameFromOptCtx}), null in other methods}
   */
  public @Nullable RedisString toKeyName() {
    long name = api.getToKeyNameFromOptCtx(keys);
    return name == 0 ? null : new RedisString(scope, name, false);
  }

  /** {@return the database of the value ({@code GetDbIdFromOptCtx})} */
  public int dbId() {
    return api.getDbIdFromOptCtx(keys);
  }

  /**
   * {@return the destination database of a copy ({@code GetToDbIdFromOptCtx}), -1 in other methods}
   */
  public int toDbId() {
    return api.getToDbIdFromOptCtx(keys);
  }
}
