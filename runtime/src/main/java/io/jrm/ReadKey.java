package io.jrm;

import java.util.OptionalDouble;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A key opened for reading ({@link Context#readKey}): what it holds, its length and expiry, and the
 * reads of each data type; no method that writes. A command that only reads opens its keys this
 * way, and the compiler refuses a write through them; a {@link WriteKey} is a {@code ReadKey} that
 * also writes. Close it when done (try-with-resources) unless {@link Context#autoMemory()} is on;
 * using it after close, or after its command returned, throws {@link IllegalStateException}.
 *
 * <pre>{@code
 * try (ReadKey key = ctx.readKey(argv[1])) {
 *   ctx.replyWithLongLong(key.valueLength());
 * }
 * }</pre>
 *
 * <p>A missing key reads as an empty one: type {@link KeyType#EMPTY}, length 0, empty ranges, null
 * fields. Reading a key of another type throws {@link RedisException} with Redis's {@code
 * WRONGTYPE} error. The value of a data type ({@link #value}) is the one Java object stored in the
 * key, not a copy: see there, and docs/keys.md, for what happens when it is changed all the same.
 */
public sealed interface ReadKey extends AutoCloseable permits WriteKey {
  /** {@return what the key holds ({@code KeyType})} */
  KeyType type();

  /**
   * {@return the length of a string, or the number of elements of an aggregate ({@code
   * ValueLength})}
   */
  long valueLength();

  /**
   * {@return the remaining time to live in milliseconds, or {@link Key#NO_EXPIRE} when the key has
   * no expiry or is empty ({@code GetExpire})}
   */
  long expire();

  /**
   * {@return when the key expires, in Unix time milliseconds, or {@link Key#NO_EXPIRE} when it has
   * no expiry or is empty ({@code GetAbsExpire})}
   */
  long absExpire();

  /**
   * A read-only view of the string's bytes ({@code StringDMA} with {@code REDISMODULE_READ}); an
   * empty key gives an empty view. It ends at the next write through the key, and when the key
   * closes.
   *
   * @return the view, valid until the next write to the key
   * @throws RedisException WRONGTYPE
   */
  StringDma stringDma();

  /**
   * The score of {@code element} ({@code ZsetScore}), empty when there is no such element or the
   * key is empty.
   *
   * @param element the element
   * @return its score, or empty
   * @throws RedisException WRONGTYPE
   */
  OptionalDouble zsetScore(RedisString element);

  /**
   * Iterates the elements with a score between {@code min} and {@code max}, from the lowest ({@code
   * ZsetFirstInScoreRange}). Bounds may be {@link Double#NEGATIVE_INFINITY} and {@link
   * Double#POSITIVE_INFINITY} ({@code REDISMODULE_NEGATIVE_INFINITE}, {@code _POSITIVE_INFINITE}),
   * and are inclusive unless said exclusive, as {@code (} makes them in {@code ZRANGEBYSCORE}. An
   * empty key gives an empty range. Ends the key's previous range.
   *
   * @param min the lowest score
   * @param max the highest score
   * @param minExclusive whether {@code min} itself is left out
   * @param maxExclusive whether {@code max} itself is left out
   * @return the range, at its first element
   * @throws IllegalArgumentException when a bound is NaN
   * @throws RedisException WRONGTYPE
   */
  ZsetRange zsetFirstInScoreRange(
      double min, double max, boolean minExclusive, boolean maxExclusive);

  /**
   * As {@link #zsetFirstInScoreRange}, starting from the highest score in the range ({@code
   * ZsetLastInScoreRange}); its {@link ZsetRange#iterator()} walks down.
   *
   * @param min the lowest score
   * @param max the highest score
   * @param minExclusive whether {@code min} itself is left out
   * @param maxExclusive whether {@code max} itself is left out
   * @return the range, at its last element
   */
  ZsetRange zsetLastInScoreRange(
      double min, double max, boolean minExclusive, boolean maxExclusive);

  /**
   * Iterates the elements between {@code min} and {@code max} in lexicographic order, from the
   * first ({@code ZsetFirstInLexRange}); meaningful when all scores are equal. The bounds are
   * written as for {@code ZRANGEBYLEX}: {@code [a} inclusive, {@code (a} exclusive, {@code -} and
   * {@code +} the infinities. They are not retained: the caller may free them right after. An empty
   * key gives an empty range. Ends the key's previous range.
   *
   * @param min the lower bound
   * @param max the upper bound
   * @return the range, at its first element
   * @throws RedisException {@code ERR min or max not valid string range item} for a bound not in
   *     that syntax, or WRONGTYPE
   */
  ZsetRange zsetFirstInLexRange(RedisString min, RedisString max);

  /**
   * As {@link #zsetFirstInLexRange}, starting from the last element in the range ({@code
   * ZsetLastInLexRange}); its {@link ZsetRange#iterator()} walks backwards.
   *
   * @param min the lower bound
   * @param max the upper bound
   * @return the range, at its last element
   */
  ZsetRange zsetLastInLexRange(RedisString min, RedisString max);

  /**
   * {@link #zsetFirstInLexRange(RedisString, RedisString)} with bounds given as text.
   *
   * @param min the lower bound
   * @param max the upper bound
   * @return the range, at its first element
   */
  ZsetRange zsetFirstInLexRange(String min, String max);

  /**
   * {@link #zsetLastInLexRange(RedisString, RedisString)} with bounds given as text.
   *
   * @param min the lower bound
   * @param max the upper bound
   * @return the range, at its last element
   */
  ZsetRange zsetLastInLexRange(String min, String max);

  /**
   * Starts a walk over the stream's entries from {@code start} to {@code end} ({@code
   * StreamIteratorStart}), both included unless {@link StreamIteratorFlag#EXCLUSIVE}, from the
   * start unless {@link StreamIteratorFlag#REVERSE}, as {@code XRANGE} and {@code XREVRANGE} do (a
   * {@code RedisString} bound reads as {@code -} or {@code +} with {@link
   * RedisString#toStreamId()}). An empty key, or an exclusive range that can hold nothing (after
   * the last possible id, before 0-1), gives an empty walk. Ends the key's previous one; {@link
   * StreamIterator#delete()} needs a key open for writing.
   *
   * <pre>{@code
   * try (StreamIterator entries = key.streamIteratorStart(null, null, StreamIteratorFlag.REVERSE)) {
   *   StreamId newest = entries.nextId(); // null for an empty stream
   * }
   * }</pre>
   *
   * @param start the lowest id, or null for the stream's first entry
   * @param end the highest id, or null for its last
   * @param flags how to walk
   * @return the walk, before its first entry
   * @throws RedisException WRONGTYPE
   */
  StreamIterator streamIteratorStart(
      @Nullable StreamId start, @Nullable StreamId end, StreamIteratorFlag... flags);

  /**
   * The value of {@code field} ({@code HashGet}), or null when the field or the key is missing. The
   * value is a new string: close it unless auto memory is on.
   *
   * @param field the field
   * @return its value, or null when the field or the key is missing
   * @throws RedisException WRONGTYPE
   */
  RedisString hashGet(RedisString field);

  /**
   * {@link #hashGet(RedisString)} with a field name given as text.
   *
   * @param field the field's name, as UTF-8
   * @return its value, or null when the field or the key is missing
   */
  RedisString hashGet(String field);

  /**
   * The values of {@code fields} in one call ({@code HashGet}), in their order, null for each
   * missing one. The values are new strings: close them unless auto memory is on.
   *
   * @param fields the fields
   * @return their values, in order, null for a missing field
   * @throws RedisException WRONGTYPE
   */
  RedisString[] hashMultiGet(RedisString... fields);

  /**
   * {@link #hashMultiGet(RedisString...)} with field names given as text.
   *
   * @param fields the fields' names, as UTF-8
   * @return their values, in order, null for a missing field
   */
  RedisString[] hashMultiGet(String... fields);

  /**
   * Whether the hash has {@code field} ({@code HashGet} with {@code REDISMODULE_HASH_EXISTS});
   * false for an empty key.
   *
   * @param field the field
   * @return whether the hash has it
   * @throws RedisException WRONGTYPE
   */
  boolean hashExists(RedisString field);

  /**
   * {@link #hashExists(RedisString)} with a field name given as text.
   *
   * @param field the field's name, as UTF-8
   * @return whether the hash has it
   */
  boolean hashExists(String field);

  /**
   * Whether the hash has each of {@code fields}, in their order, in one call.
   *
   * @param fields the fields
   * @return whether the hash has each, in order
   */
  boolean[] hashMultiExists(RedisString... fields);

  /**
   * {@link #hashMultiExists(RedisString...)} with field names given as text.
   *
   * @param fields the fields' names, as UTF-8
   * @return whether the hash has each, in order
   */
  boolean[] hashMultiExists(String... fields);

  /**
   * The value of data type {@code type} in this key ({@code ModuleTypeGetValue}), null when the key
   * is empty. Change it in place only through a {@link WriteKey}: that is what replicas and the AOF
   * see. A value fetched here and changed all the same is still saved as it is: the next fork finds
   * the change, saves the value as memory holds it and logs that it was changed through a key
   * opened for reading (see docs/keys.md).
   *
   * @param <T> the value's class
   * @param type the value's class
   * @return the value, or null when the key is empty
   * @throws RedisException {@code WRONGTYPE} when the key holds anything else
   */
  <T> T value(Class<T> type);

  /**
   * The data type of this module the key holds ({@code ModuleTypeGetType}), or null.
   *
   * @return the data type, or null when the key is empty or holds another kind of value
   */
  ModuleType moduleType();

  /**
   * One step of a scan of the key's elements ({@code ScanKey}): calls {@code callback} with each
   * element it yields, a hash's field and value, a sorted set's member and score (as text), a set's
   * member and null. The callback runs after Redis's step has returned, so it may do what a command
   * may; deleting the element it was given is safe, other changes to the key may yield elements
   * again or twice (docs/scan.md). An empty key yields nothing.
   *
   * @param cursor where the scan goes on from
   * @param callback called with each element: its field, and its value or null
   * @return whether the scan has more steps
   * @throws RedisException {@code WRONGTYPE} for a key that is not a hash, set or sorted set
   * @throws IllegalStateException when the cursor or the key is closed
   */
  boolean scan(ScanCursor cursor, BiConsumer<byte[], byte @Nullable []> callback);

  /**
   * Scans all the key's elements: {@link #scan(ScanCursor, BiConsumer)} step after step with a
   * cursor of its own, freed after the last step.
   *
   * @param callback called with each element: its field, and its value or null
   * @throws RedisException {@code WRONGTYPE} for a key that is not a hash, set or sorted set
   */
  void scan(BiConsumer<byte[], byte @Nullable []> callback);

  /**
   * Closes the key ({@code CloseKey}), which also ends its {@link ZsetRange} and {@link StringDma}
   * views; closing twice does nothing.
   */
  @Override
  void close();
}
