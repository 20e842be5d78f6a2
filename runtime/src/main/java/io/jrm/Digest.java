package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;

/**
 * The digest of a data type value being computed for {@code DEBUG DIGEST} or {@code DEBUG
 * DIGEST-VALUE} ({@code RedisModuleDigest}): add the value's content; equal content must add
 * equally. JRM digests values from their canonical encoding unless the type adds its own.
 */
public final class Digest {
  private final RedisModuleApi api;
  private final long digest;

  Digest(RedisModuleApi api, long digest) {
    this.api = api;
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
}
