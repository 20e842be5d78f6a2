package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import org.jspecify.annotations.Nullable;

/**
 * The digest of a data type value being computed for {@code DEBUG DIGEST} or {@code DEBUG
 * DIGEST-VALUE} ({@code RedisModuleDigest}): add the value's content; equal content must add
 * equally. JRM digests values from their canonical encoding unless the type adds its own.
 */
public final class Digest {
  private final Context scope;
  private final RedisModuleApi api;
  private final long digest;

  Digest(Context scope, long digest) {
    this.scope = scope;
    this.api = scope.api();
    this.digest = digest;
  }

  /**
   * Adds bytes to the current sequence ({@code DigestAddStringBuffer}).
   *
   * @param bytes the bytes to add
   */
  public void addStringBuffer(byte[] bytes) {
    api.digestAddStringBuffer(digest, bytes, bytes.length);
  }

  /**
   * Adds an integer to the current sequence ({@code DigestAddLongLong}).
   *
   * @param value the number to add
   */
  public void addLongLong(long value) {
    api.digestAddLongLong(digest, value);
  }

  /**
   * Ends the current sequence: what follows is digested as a new one ({@code DigestEndSequence}).
   */
  public void endSequence() {
    api.digestEndSequence(digest);
  }

  /**
   * {@return the key whose value is digested ({@code GetKeyNameFromDigest}), a string of Redis's
   * valid during the digest; null when Redis does not say}
   */
  public @Nullable RedisString keyName() {
    long name = api.getKeyNameFromDigest(digest);
    return name == 0 ? null : new RedisString(scope, name, false);
  }

  /** {@return the database of the key whose value is digested ({@code GetDbIdFromDigest})} */
  public int dbId() {
    return api.getDbIdFromDigest(digest);
  }
}
