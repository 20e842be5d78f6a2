package io.jrm.example;

import static io.jrm.Key.WRONGTYPE;

import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.KeyType;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.SimpleString;
import io.jrm.StringDma;
import io.jrm.ZsetEntry;
import io.jrm.ZsetRange;
import io.jrm.annotations.KeyName;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.Replicate;

/**
 * The helloworld commands on strings, expiry, sorted sets and hashes, through the low-level key API
 * ({@link Key}). Part of the {@link HelloWorld} module.
 */
public final class HelloKeys {
  private HelloKeys() {}

  /**
   * HELLO.TOGGLE.CASE key: swaps the case of every ASCII letter of a string key, in place, through
   * direct access to the bytes Redis stores ({@link Key#stringDma}); other bytes stay as they are.
   * A missing key is left missing. Replies OK and replicates the command verbatim.
   */
  @RedisCommand(name = "hello.toggle.case", flags = "write")
  public static SimpleString toggleCase(Context ctx, @KeyName RedisString keyName) {
    try (Key key = ctx.openKey(keyName, KeyMode.READ_WRITE)) {
      KeyType type = key.type();
      if (type != KeyType.STRING && type != KeyType.EMPTY) {
        throw new RedisException(WRONGTYPE);
      }
      if (type == KeyType.STRING) {
        StringDma dma = key.stringDma(KeyMode.READ_WRITE);
        byte[] bytes = dma.bytes();
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = toggleCase(bytes[i]);
        }
        dma.write(0, bytes);
      }
    }
    ctx.replicateVerbatim();
    return SimpleString.OK;
  }

  /** The other case of an ASCII letter, as C's toupper and tolower do; any other byte as it is. */
  private static byte toggleCase(byte b) {
    if (b >= 'A' && b <= 'Z') {
      return (byte) (b + ('a' - 'A'));
    }
    if (b >= 'a' && b <= 'z') {
      return (byte) (b - ('a' - 'A'));
    }
    return b;
  }

  /**
   * HELLO.MORE.EXPIRE key milliseconds: adds {@code milliseconds} to the time to live of a key that
   * has one; a key without expiry, or a missing key, is left alone. Replies OK.
   *
   * <p>A time to live that would become negative is left alone too. As in C, the new expiry is not
   * propagated to replicas and the AOF: the command is declared {@link Replicate#MANUAL} and calls
   * no {@link Context#replicateVerbatim()}.
   *
   * <p>{@code milliseconds} is parsed here, for C's {@code ERR invalid expire time}, where a {@code
   * long} parameter would reply {@code ERR value is not an integer or out of range}.
   */
  @RedisCommand(name = "hello.more.expire", flags = "write", replicate = Replicate.MANUAL)
  public static SimpleString moreExpire(
      Context ctx, @KeyName RedisString keyName, RedisString milliseconds) {
    long addMillis;
    try {
      addMillis = milliseconds.toLongLong();
    } catch (RedisException notANumber) {
      throw new RedisException("ERR invalid expire time");
    }
    try (Key key = ctx.openKey(keyName, KeyMode.READ_WRITE)) {
      long ttl = key.expire();
      if (ttl != Key.NO_EXPIRE) {
        long newTtl = ttl + addMillis; // wraps around on overflow, as in C
        // As in C: -1 is REDISMODULE_NO_EXPIRE and removes the expiry; Redis refuses any other
        // negative time to live and leaves the key alone.
        if (newTtl >= 0 || newTtl == Key.NO_EXPIRE) {
          key.setExpire(newTtl);
        }
      }
    }
    return SimpleString.OK;
  }

  /**
   * HELLO.ZSUMRANGE key startscore endscore: the sum of the scores of the elements of a sorted set
   * with a score from {@code startscore} to {@code endscore}, computed twice, walking the range
   * forward then backward; replies with both sums, which should be equal. The bounds are numbers,
   * {@code inf} and {@code -inf} included.
   *
   * <p>The bounds are parsed here, for C's {@code ERR invalid range}, where {@code double}
   * parameters would reply {@code ERR value is not a valid float}.
   */
  @RedisCommand(name = "hello.zsumrange", flags = "readonly")
  public static double[] zsumRange(
      Context ctx, @KeyName RedisString keyName, RedisString startScore, RedisString endScore) {
    double start;
    double end;
    try {
      start = startScore.toDouble();
      end = endScore.toDouble();
    } catch (RedisException notANumber) {
      throw new RedisException("ERR invalid range");
    }
    // READ would do, but C opens the key READ|WRITE, which keeps keyspace_hits/misses out of it.
    try (Key key = ctx.openKey(keyName, KeyMode.READ_WRITE)) {
      if (key.type() != KeyType.ZSET) {
        throw new RedisException(WRONGTYPE);
      }
      double forward = 0;
      try (ZsetRange range = key.zsetFirstInScoreRange(start, end, false, false)) {
        for (ZsetEntry entry : range) { // walks with next()
          try (entry) {
            forward += entry.score();
          }
        }
      }
      double backward = 0;
      try (ZsetRange range = key.zsetLastInScoreRange(start, end, false, false)) {
        for (ZsetEntry entry : range) { // walks with prev()
          try (entry) {
            backward += entry.score();
          }
        }
      }
      return new double[] {forward, backward};
    }
  }

  /**
   * HELLO.LEXRANGE key min_lex max_lex min_age max_age: the elements of a sorted set between {@code
   * min_lex} and {@code max_lex} in lexicographic order, written as for ZRANGEBYLEX ({@code [a},
   * {@code (a}, {@code -}, {@code +}). The set is meant to hold {@code name:age} elements, all with
   * score 0, such as {@code Anna:52}; as in C, the ages are taken but not used. Shows an array
   * reply whose length is known only at its end, written through the {@code Context}.
   */
  @RedisCommand(name = "hello.lexrange", flags = "readonly")
  public static void lexRange(
      Context ctx,
      @KeyName RedisString keyName,
      RedisString minLex,
      RedisString maxLex,
      RedisString minAge,
      RedisString maxAge) {
    ctx.autoMemory(); // Redis frees the key and the elements when the command returns
    Key key = ctx.openKey(keyName, KeyMode.READ_WRITE); // as in C; see hello.zsumrange
    if (key.type() != KeyType.ZSET) {
      throw new RedisException(WRONGTYPE);
    }
    ZsetRange range;
    try {
      range = key.zsetFirstInLexRange(minLex, maxLex);
    } catch (RedisException badRange) {
      ctx.replyWithError("invalid range"); // as in C: sent as it is, without an ERR code
      return;
    }
    ctx.replyWithArray(Context.POSTPONED_LENGTH);
    long length = 0;
    for (ZsetEntry entry : range) {
      ctx.replyWithString(entry.element());
      length++;
    }
    range.close();
    ctx.replySetArrayLength(length);
  }

  /**
   * HELLO.HCOPY key srcfield dstfield: sets the field {@code dstfield} of a hash to the value of
   * {@code srcfield}. Replies 1 when it did, 0 when there is no {@code srcfield} (then nothing
   * changes).
   */
  @RedisCommand(name = "hello.hcopy", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static long hashCopy(
      Context ctx, @KeyName RedisString keyName, RedisString srcField, RedisString dstField) {
    ctx.autoMemory(); // Redis frees the key and the value when the command returns
    Key key = ctx.openKey(keyName, KeyMode.READ_WRITE);
    KeyType type = key.type();
    if (type != KeyType.HASH && type != KeyType.EMPTY) {
      throw new RedisException(WRONGTYPE);
    }
    RedisString value = key.hashGet(srcField);
    if (value != null) {
      key.hashSet(dstField, value);
    }
    return value != null ? 1 : 0;
  }
}
