package io.jrm;

import java.util.OptionalDouble;
import java.util.Set;

/**
 * A key opened for writing ({@link Context#writeKey}): every read of {@link ReadKey}, plus the
 * writes of each data type and {@link #setValue}. Writes that create the value ({@link #listPush},
 * {@link #zsetAdd}, {@link #hashSet}, {@link #stringTruncate}) work on an empty key; a write to a
 * key of another type throws {@link RedisException} with Redis's {@code WRONGTYPE} error and
 * changes nothing. Every write ends the {@link StringDma} views and the {@link ZsetRange} taken
 * from the key before, since the C pointers behind them may no longer be valid.
 *
 * <pre>{@code
 * try (WriteKey key = ctx.writeKey(argv[1])) {
 *   key.listPush(ListEnd.TAIL, argv[2]);
 *   ctx.replyWithLongLong(key.valueLength());
 * }
 * }</pre>
 *
 * <p>Change the Java value of a data type ({@link #value}) only through a write key: the command
 * then says it writes, and the value is serialized again before the next fork.
 */
public sealed interface WriteKey extends ReadKey permits Key {
  /**
   * Deletes the key's value ({@code DeleteKey}); the key stays open, as an empty key that later
   * writes create again.
   *
   * @return whether there was a value to delete
   * @throws RedisException when the key is not open for writing
   */
  boolean delete();

  /**
   * Deletes the key's value as {@link #delete} does, but frees a big value in a background thread,
   * as {@code UNLINK} does ({@code UnlinkKey}).
   *
   * @return whether there was a value to delete
   * @throws RedisException when the key is not open for writing
   */
  boolean unlink();

  /**
   * Sets the time to live to {@code millis} from now, or removes it with {@link Key#NO_EXPIRE}
   * ({@code SetExpire}), as {@code PEXPIRE} and {@code PERSIST} do.
   *
   * @param millis the time to live in milliseconds, or {@link Key#NO_EXPIRE}
   * @throws IllegalArgumentException when {@code millis} is negative and not {@link Key#NO_EXPIRE}
   * @throws RedisException when the key is not open for writing or is empty
   */
  void setExpire(long millis);

  /**
   * Sets the key to expire at {@code unixMillis}, or removes its expiry with {@link Key#NO_EXPIRE}
   * ({@code SetAbsExpire}), as {@code PEXPIREAT} and {@code PERSIST} do.
   *
   * @param unixMillis when the key expires, in Unix time milliseconds, or {@link Key#NO_EXPIRE}
   * @throws IllegalArgumentException when {@code unixMillis} is negative and not {@link
   *     Key#NO_EXPIRE}
   * @throws RedisException when the key is not open for writing or is empty
   */
  void setAbsExpire(long unixMillis);

  /**
   * Sets the key to the string {@code value} ({@code StringSet}), replacing whatever it held, of
   * any type, as {@code SET} does. The key does not take {@code value}: the caller still owns it.
   *
   * @param value the new value
   * @throws RedisException when the key is not open for writing
   */
  void stringSet(RedisString value);

  /**
   * Direct access to the string's bytes ({@code StringDMA}); {@link KeyMode#READ} gives the view of
   * {@link ReadKey#stringDma()}. With {@link KeyMode#WRITE} or {@link KeyMode#READ_WRITE} the view
   * writes into the key; taking it counts as a write (Redis may unshare the value), so it ends
   * earlier views. An empty key gives an empty view: grow it with {@link #stringTruncate} first.
   *
   * @param access {@link KeyMode#READ} for a read-only view, else a writable one
   * @return the view, valid until the next write to the key
   * @throws RedisException for a writable view of a key not open for writing, or WRONGTYPE
   */
  StringDma stringDma(KeyMode access);

  /**
   * Resizes the string to {@code newLength} bytes ({@code StringTruncate}): growing pads with zero
   * bytes, shrinking drops the tail. On an empty key it creates the string, unless {@code
   * newLength} is 0. Ends earlier {@link StringDma} views.
   *
   * @param newLength the new length in bytes
   * @throws IllegalArgumentException when {@code newLength} is negative
   * @throws RedisException {@code ERR string exceeds maximum allowed size} beyond 512 MB, or when
   *     the key is not open for writing, or WRONGTYPE
   */
  void stringTruncate(long newLength);

  /**
   * Pushes {@code element} at one end of the list ({@code ListPush}), creating the list on an empty
   * key. The list does not take {@code element}: the caller still owns it.
   *
   * @param where the end to push at
   * @param element the element
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  void listPush(ListEnd where, RedisString element);

  /**
   * Removes and returns the element at one end of the list ({@code ListPop}), or null when the key
   * is empty. Popping the last element deletes the key. The element is a new string: close it
   * unless auto memory is on.
   *
   * @param where the end to pop from
   * @return the element, or null when the key is empty
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  RedisString listPop(ListEnd where);

  /**
   * Adds {@code element} with {@code score}, or sets the score of an existing one ({@code
   * ZsetAdd}), under the conditions of {@code flags}; creates the sorted set on an empty key.
   *
   * @param score the score
   * @param element the element
   * @param flags the conditions, as {@code ZADD}'s {@code NX}, {@code XX}, {@code GT}, {@code LT}
   * @return what was done
   * @throws IllegalArgumentException when {@code score} is NaN
   * @throws RedisException for incompatible flags (as {@code ZADD}), when the key is not open for
   *     writing, or WRONGTYPE
   */
  ZaddResult zsetAdd(double score, RedisString element, ZaddFlag... flags);

  /**
   * Adds {@code delta} to the score of {@code element} ({@code ZsetIncrby}), as {@code ZINCRBY}; a
   * missing element starts from 0. Creates the sorted set on an empty key.
   *
   * @param delta what to add to the score
   * @param element the element
   * @param flags the conditions, as {@code ZADD}'s {@code NX}, {@code XX}, {@code GT}, {@code LT}
   * @return the new score, or empty when {@code flags} held the change back
   * @throws IllegalArgumentException when {@code delta} is NaN
   * @throws RedisException {@code ERR resulting score is not a number (NaN)} (say +inf plus -inf),
   *     for incompatible flags, when the key is not open for writing, or WRONGTYPE
   */
  OptionalDouble zsetIncrby(double delta, RedisString element, ZaddFlag... flags);

  /**
   * Removes {@code element} ({@code ZsetRem}); removing the last one deletes the key.
   *
   * @param element the element
   * @return whether the element was there
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  boolean zsetRem(RedisString element);

  /**
   * Adds an entry with a new id ({@code StreamAdd} with {@code REDISMODULE_STREAM_ADD_AUTOID}), as
   * {@code XADD key * field value ...} without trimming; creates the stream on an empty key.
   * Clients blocked on the key ({@code XREAD BLOCK}) are served once the key is closed. The stream
   * copies the strings: the caller still owns them. Ends the key's {@link StreamIterator}.
   *
   * <pre>{@code
   * StreamId id = key.streamAdd(Arrays.copyOfRange(argv, 2, argv.length));
   * }</pre>
   *
   * @param fieldsAndValues fields and their values in turn
   * @return the id Redis gave the entry
   * @throws IllegalArgumentException for an odd number of strings
   * @throws RedisException XADD's errors (the stream reached the last possible id, elements too
   *     large), when the key is not open for writing, or WRONGTYPE
   */
  StreamId streamAdd(RedisString... fieldsAndValues);

  /**
   * Adds an entry with the id {@code id} ({@code StreamAdd}), as {@code XADD key <id> field value
   * ...}; otherwise as {@link #streamAdd(RedisString...)}.
   *
   * @param id the entry's id, greater than every id in the stream
   * @param fieldsAndValues fields and their values in turn
   * @return {@code id}
   * @throws IllegalArgumentException for an odd number of strings
   * @throws RedisException XADD's errors ({@code ERR The ID specified in XADD is equal or smaller
   *     than the target stream top item}, or must be greater than 0-0), when the key is not open
   *     for writing, or WRONGTYPE
   */
  StreamId streamAdd(StreamId id, RedisString... fieldsAndValues);

  /**
   * Deletes the entry {@code id} ({@code StreamDelete}), as {@code XDEL}; the stream stays, even
   * empty. Ends the key's {@link StreamIterator}: to delete while walking, use {@link
   * StreamIterator#delete()}.
   *
   * @param id the entry's id
   * @return whether there was such an entry (false for an empty key)
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  boolean streamDelete(StreamId id);

  /**
   * Trims the stream to its last {@code length} entries ({@code StreamTrimByLength}), as {@code
   * XTRIM key MAXLEN [~] length}; an empty key has nothing to trim. Ends the key's {@link
   * StreamIterator}.
   *
   * @param length how many entries to keep
   * @param flags {@link StreamTrimFlag#APPROX} to trim only whole nodes, as {@code ~}
   * @return how many entries were deleted
   * @throws IllegalArgumentException when {@code length} is negative
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  long streamTrimByLength(long length, StreamTrimFlag... flags);

  /**
   * Deletes the entries with an id below {@code minId} ({@code StreamTrimByID}), as {@code XTRIM
   * key MINID [~] minId}; an empty key has nothing to trim. Ends the key's {@link StreamIterator}.
   *
   * @param minId the smallest id to keep
   * @param flags {@link StreamTrimFlag#APPROX} to trim only whole nodes, as {@code ~}
   * @return how many entries were deleted
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  long streamTrimById(StreamId minId, StreamTrimFlag... flags);

  /**
   * Sets {@code field} to {@code value} ({@code HashSet}), as {@code HSET}; creates the hash on an
   * empty key. The hash does not take the strings: the caller still owns them.
   *
   * @param field the field
   * @param value its new value
   * @return 1 when an existing field was updated, 0 when the field is new (C's count)
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  int hashSet(RedisString field, RedisString value);

  /**
   * {@link #hashSet(RedisString, RedisString)} with a field name given as text.
   *
   * @param field the field's name, as UTF-8
   * @param value its new value
   * @return 1 when an existing field was updated, 0 when the field is new
   */
  int hashSet(String field, RedisString value);

  /**
   * Sets or deletes fields ({@code HashSet}) under the conditions of {@code flags}. The arguments
   * alternate a field and its value. Fields are all {@link RedisString}s, or all {@code String}s
   * ({@code REDISMODULE_HASH_CFIELDS}: C strings, so without NUL characters); a value is a {@link
   * RedisString} or {@link Key#DELETE}, which deletes the field. {@link HashFlag#NX} and {@link
   * HashFlag#XX} skip the pairs whose field exists or does not. Deleting the last field deletes the
   * key.
   *
   * <pre>{@code
   * key.hashSet(EnumSet.of(HashFlag.NX), "name", name, "age", age);
   * key.hashSet(Set.of(), argv[2], Key.DELETE);
   * }</pre>
   *
   * @param flags the conditions ({@link HashFlag})
   * @param fieldValuePairs fields and values in turn: RedisString or String fields, RedisString
   *     values or {@link Key#DELETE}
   * @return the number of fields updated or deleted, plus those inserted with {@link
   *     HashFlag#COUNT_ALL}
   * @throws IllegalArgumentException for an odd number of arguments, mixed field types, or a value
   *     of another type
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  int hashSet(Set<HashFlag> flags, Object... fieldValuePairs);

  /**
   * Deletes {@code fields} from the hash ({@code HashSet} with {@code REDISMODULE_HASH_DELETE}).
   *
   * @param fields the fields
   * @return the number of fields that were there
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  int hashDelete(RedisString... fields);

  /**
   * {@link #hashDelete(RedisString...)} with field names given as text.
   *
   * @param fields the fields' names, as UTF-8
   * @return the number of fields deleted
   */
  int hashDelete(String... fields);

  /**
   * Stores {@code value}, an instance of a {@code @DataType} class, in this key, replacing what it
   * held ({@code ModuleTypeSetValue}). One object belongs to one key.
   *
   * @param value the new value, an instance of a {@code @DataType} class of this module
   */
  void setValue(Object value);

  /**
   * Stores {@code value} in this key in place of the value of the same data type it holds, without
   * freeing that one ({@code ModuleTypeReplaceValue}): the old object comes back, in no key any
   * more, free to store in another (a swap of two keys is three replacements, one through a fresh
   * value, since one object belongs to one key). Neither the key's expire nor anything else of it
   * changes.
   *
   * @param <T> the data type class
   * @param value the new value, an instance of a {@code @DataType} class of this module, in no key
   * @return the value the key held
   * @throws RedisException {@code WRONGTYPE} when the key holds anything else, an error when it is
   *     empty
   * @throws IllegalArgumentException when {@code value} is already stored in a key
   */
  <T> T replaceValue(T value);
}
