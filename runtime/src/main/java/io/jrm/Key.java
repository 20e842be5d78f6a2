package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.LongToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A key opened for low-level access ({@code RedisModuleKey}): its type, length, expiry, and the
 * operations of each data type. Close it when done (try-with-resources) unless {@link
 * Context#autoMemory()} is on; using it after close, or after its command returned, throws {@link
 * IllegalStateException}.
 *
 * <pre>{@code
 * try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
 *   key.listPush(ListEnd.TAIL, argv[2]);
 *   ctx.replyWithLongLong(key.valueLength());
 * }
 * }</pre>
 *
 * <p>Errors are those a C module would check for, as exceptions that become the command's error
 * reply: writing through a key opened {@link KeyMode#READ} throws {@link RedisException} {@code ERR
 * the key is not open for writing}; operating on a key holding another type throws {@link
 * RedisException} with Redis's {@code WRONGTYPE} error, and changes nothing. Writes that create the
 * value ({@link #listPush}, {@link #zsetAdd}, {@link #hashSet}, {@link #stringTruncate}) work on an
 * empty key. Reads of an empty key, a missing key opened for reading included, see an empty value.
 *
 * <p>Every write through the key ends the {@link StringDma} views and the {@link ZsetRange} taken
 * from it before, since the C pointers behind them may no longer be valid.
 */
public final class Key implements AutoCloseable {
  /** {@code REDISMODULE_NO_EXPIRE}: the key has no expiry. */
  public static final long NO_EXPIRE = -1;

  /**
   * The value that deletes a field in {@link #hashSet(Set, Object...)} ({@code
   * REDISMODULE_HASH_DELETE}).
   */
  public static final Object DELETE =
      new Object() {
        @Override
        public String toString() {
          return "Key.DELETE";
        }
      };

  /** Redis's error for a key of the wrong type ({@code REDISMODULE_ERRORMSG_WRONGTYPE}). */
  public static final String WRONGTYPE =
      "WRONGTYPE Operation against a key holding the wrong kind of value";

  /** The error for a write through a key opened {@link KeyMode#READ}. */
  static final String NOT_WRITABLE = "ERR the key is not open for writing";

  /** Redis's limit on the length of a string value ({@code proto-max-bulk-len}'s default). */
  static final long MAX_STRING_LENGTH = 512L * 1024 * 1024;

  /** {@code REDISMODULE_HASH_DELETE}: the pointer value 1, never a real string. */
  private static final long HASH_DELETE_POINTER = 1L;

  private static final int DMA_READ = 1;
  private static final int DMA_WRITE = 2;

  private final Context context;
  private final KeyMode mode;

  /** The context's call the key belongs to ({@link Context#call()}). */
  private final int call;

  private long pointer;
  private boolean closed;
  // Bumped by every write through the key: StringDma views compare it to know they are stale.
  private long generation;
  // The key's one sorted-set iteration, as C keeps it inside the RedisModuleKey.
  private ZsetRange activeRange;

  private Key(Context context, long pointer, KeyMode mode) {
    this.context = context;
    this.pointer = pointer;
    this.mode = mode;
    this.call = context.call();
  }

  static Key open(Context context, RedisString name, KeyMode mode) {
    long key = context.api().openKey(context.pointer(), name.pointer(), mode.flags());
    return new Key(context, key, mode);
  }

  /** The {@code RedisModuleKey *}, 0 for a missing key opened for reading; checked to be open. */
  long pointer() {
    context.checkCall(call);
    if (closed) {
      throw new IllegalStateException("this Key was closed");
    }
    return pointer;
  }

  Context context() {
    return context;
  }

  KeyMode mode() {
    return mode;
  }

  boolean isOpen() {
    return !closed;
  }

  long generation() {
    return generation;
  }

  ZsetRange activeRange() {
    return activeRange;
  }

  private RedisModuleApi api() {
    return context.api();
  }

  /** {@return what the key holds ({@code KeyType})} */
  public KeyType type() {
    return KeyType.of(api().keyType(pointer()));
  }

  /**
   * {@return the length of a string, or the number of elements of an aggregate ({@code
   * ValueLength})}
   */
  public long valueLength() {
    return api().valueLength(pointer());
  }

  // Checks shared by the families

  /**
   * The pointer of a key about to be written, after the checks C would fail on: open, writable, and
   * holding {@code family} or nothing ({@code family} null: any type).
   */
  private long forWrite(KeyType family) {
    long key = pointer();
    if (!mode.writes()) {
      throw new RedisException(NOT_WRITABLE);
    }
    if (family != null) {
      expectType(key, family);
    }
    return key;
  }

  /** Ends the views and the range of this key: the write about to happen may invalidate them. */
  private void beforeWrite() {
    generation++;
    if (activeRange != null) {
      // Stop while the value is still a sorted set: once it is gone, C's ZsetRangeStop would
      // skip freeing a lex range's bounds.
      stopRange();
    }
  }

  /** Whether the key holds a value of {@code family}; false when empty; WRONGTYPE otherwise. */
  private boolean expectType(long key, KeyType family) {
    KeyType type = KeyType.of(api().keyType(key));
    if (type == KeyType.EMPTY) {
      return false;
    }
    if (type != family) {
      throw new RedisException(WRONGTYPE);
    }
    return true;
  }

  /** Whether a read finds a value of {@code family}; false for an empty or missing key. */
  private boolean readable(KeyType family) {
    long key = pointer();
    // A missing key opened READ is a NULL handle, which most C functions would dereference.
    return key != 0 && expectType(key, family);
  }

  // Generic

  /**
   * Deletes the key's value ({@code DeleteKey}); the key stays open, as an empty key that later
   * writes create again.
   *
   * @return whether there was a value to delete
   * @throws RedisException when the key is not open for writing
   */
  public boolean delete() {
    long key = forWrite(null);
    boolean existed = KeyType.of(api().keyType(key)) != KeyType.EMPTY;
    beforeWrite();
    if (api().deleteKey(key) != Context.OK) {
      throw new RedisException("ERR DeleteKey failed");
    }
    return existed;
  }

  /**
   * {@return the remaining time to live in milliseconds, or {@link #NO_EXPIRE} when the key has no
   * expiry or is empty ({@code GetExpire})}
   */
  public long expire() {
    long key = pointer();
    return key == 0 ? NO_EXPIRE : api().getExpire(key);
  }

  /**
   * Sets the time to live to {@code millis} from now, or removes it with {@link #NO_EXPIRE} ({@code
   * SetExpire}), as {@code PEXPIRE} and {@code PERSIST} do.
   *
   * @param millis the time to live in milliseconds, or {@link #NO_EXPIRE}
   * @throws IllegalArgumentException when {@code millis} is negative and not {@link #NO_EXPIRE}
   * @throws RedisException when the key is not open for writing or is empty
   */
  public void setExpire(long millis) {
    if (millis < 0 && millis != NO_EXPIRE) {
      throw new IllegalArgumentException("a time to live cannot be negative: " + millis);
    }
    long key = forWrite(null);
    if (KeyType.of(api().keyType(key)) == KeyType.EMPTY) {
      throw new RedisException("ERR cannot set the expire of an empty key");
    }
    beforeWrite();
    if (api().setExpire(key, millis) != Context.OK) {
      throw new RedisException("ERR SetExpire failed");
    }
  }

  // Strings

  /**
   * Sets the key to the string {@code value} ({@code StringSet}), replacing whatever it held, of
   * any type, as {@code SET} does. The key does not take {@code value}: the caller still owns it.
   *
   * @param value the new value
   * @throws RedisException when the key is not open for writing
   */
  public void stringSet(RedisString value) {
    long key = forWrite(null);
    long str = value.pointer();
    beforeWrite();
    if (api().stringSet(key, str) != Context.OK) {
      throw new RedisException("ERR StringSet failed");
    }
  }

  /**
   * Direct access to the string's bytes ({@code StringDMA}). With {@link KeyMode#WRITE} or {@link
   * KeyMode#READ_WRITE} the view writes into the key; taking it counts as a write (Redis may
   * unshare the value), so it ends earlier views. An empty key gives an empty view: grow it with
   * {@link #stringTruncate} first.
   *
   * @param access {@link KeyMode#READ} for a read-only view, else a writable one
   * @return the view, valid until the next write to the key
   * @throws RedisException for a writable view of a key not open for writing, or WRONGTYPE
   */
  public StringDma stringDma(KeyMode access) {
    boolean write = access.writes();
    if (write) {
      long key = forWrite(KeyType.STRING);
      beforeWrite();
      return dma(key, DMA_READ | DMA_WRITE, true);
    }
    long key = pointer();
    if (key == 0) {
      return new StringDma(this, 0, 0, false, generation);
    }
    expectType(key, KeyType.STRING);
    return dma(key, DMA_READ, false);
  }

  private StringDma dma(long key, int dmaMode, boolean writable) {
    long[] length = context.word();
    long bytes = api().stringDMA(key, length, dmaMode);
    if (bytes == 0) {
      throw new RedisException(WRONGTYPE); // C's only NULL: a value of another type
    }
    return new StringDma(this, bytes, Math.toIntExact(length[0]), writable, generation);
  }

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
  public void stringTruncate(long newLength) {
    if (newLength < 0) {
      throw new IllegalArgumentException("a length cannot be negative: " + newLength);
    }
    long key = forWrite(KeyType.STRING);
    if (newLength > MAX_STRING_LENGTH) {
      throw new RedisException("ERR string exceeds maximum allowed size");
    }
    beforeWrite();
    if (api().stringTruncate(key, newLength) != Context.OK) {
      throw new RedisException("ERR StringTruncate failed");
    }
  }

  // Lists

  /**
   * Pushes {@code element} at one end of the list ({@code ListPush}), creating the list on an empty
   * key. The list does not take {@code element}: the caller still owns it.
   *
   * @param where the end to push at
   * @param element the element
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  public void listPush(ListEnd where, RedisString element) {
    long key = forWrite(KeyType.LIST);
    long str = element.pointer();
    beforeWrite();
    if (api().listPush(key, where.code(), str) != Context.OK) {
      throw new RedisException("ERR ListPush failed");
    }
  }

  /**
   * Removes and returns the element at one end of the list ({@code ListPop}), or null when the key
   * is empty. Popping the last element deletes the key. The element is a new string: close it
   * unless auto memory is on.
   *
   * @param where the end to pop from
   * @return the element, or null when the key is empty
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  public @Nullable RedisString listPop(ListEnd where) {
    long key = forWrite(KeyType.LIST);
    if (KeyType.of(api().keyType(key)) == KeyType.EMPTY) {
      return null; // C fails with ENOTSUP here; for Java an empty list pops nothing
    }
    beforeWrite();
    long element = api().listPop(key, where.code());
    if (element == 0) {
      throw new RedisException("ERR ListPop failed");
    }
    return new RedisString(context, element, true);
  }

  // Sorted sets

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
  public ZaddResult zsetAdd(double score, RedisString element, ZaddFlag... flags) {
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("a score cannot be NaN");
    }
    int[] bits = {zaddBits(flags)};
    long key = forWrite(KeyType.ZSET);
    long str = element.pointer();
    if (xxOnEmpty(key, bits[0])) {
      return ZaddResult.NOP;
    }
    beforeWrite();
    if (api().zsetAdd(key, score, str, bits) != Context.OK) {
      throw new RedisException("ERR ZsetAdd failed");
    }
    return ZaddResult.fromBits(bits[0]);
  }

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
  public OptionalDouble zsetIncrby(double delta, RedisString element, ZaddFlag... flags) {
    if (Double.isNaN(delta)) {
      throw new IllegalArgumentException("an increment cannot be NaN");
    }
    int[] bits = {zaddBits(flags)};
    long key = forWrite(KeyType.ZSET);
    long str = element.pointer();
    if (xxOnEmpty(key, bits[0])) {
      return OptionalDouble.empty();
    }
    beforeWrite();
    double[] newScore = new double[1];
    if (api().zsetIncrby(key, delta, str, bits, newScore) != Context.OK) {
      // The input was checked, so the sum is what became NaN.
      throw new RedisException("ERR resulting score is not a number (NaN)");
    }
    // C leaves *newscore alone when the flags stopped it.
    return ZaddResult.fromBits(bits[0]) == ZaddResult.NOP
        ? OptionalDouble.empty()
        : OptionalDouble.of(newScore[0]);
  }

  /**
   * Whether XX makes the call a no-op on an empty key. Redis 7.0 creates the sorted set before
   * looking at the flags and never deletes it again, which would leave an empty sorted set in the
   * keyspace, so the call is not made.
   */
  private boolean xxOnEmpty(long key, int bits) {
    return (bits & ZaddFlag.XX.bit()) != 0 && KeyType.of(api().keyType(key)) == KeyType.EMPTY;
  }

  private static int zaddBits(ZaddFlag[] flags) {
    Set<ZaddFlag> set = EnumSet.noneOf(ZaddFlag.class);
    set.addAll(Arrays.asList(flags));
    ZaddFlag.checkCompatible(set);
    return ZaddFlag.toBits(set);
  }

  /**
   * Removes {@code element} ({@code ZsetRem}); removing the last one deletes the key.
   *
   * @param element the element
   * @return whether the element was there
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  public boolean zsetRem(RedisString element) {
    long key = forWrite(KeyType.ZSET);
    long str = element.pointer();
    beforeWrite();
    int[] deleted = new int[1];
    if (api().zsetRem(key, str, deleted) != Context.OK) {
      throw new RedisException("ERR ZsetRem failed");
    }
    return deleted[0] != 0;
  }

  /**
   * The score of {@code element} ({@code ZsetScore}), empty when there is no such element or the
   * key is empty.
   *
   * @param element the element
   * @return its score, or empty
   * @throws RedisException WRONGTYPE
   */
  public OptionalDouble zsetScore(RedisString element) {
    if (!readable(KeyType.ZSET)) {
      return OptionalDouble.empty();
    }
    double[] score = new double[1];
    // With the type checked, C fails only for a missing element.
    if (api().zsetScore(pointer(), element.pointer(), score) != Context.OK) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(score[0]);
  }

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
  public ZsetRange zsetFirstInScoreRange(
      double min, double max, boolean minExclusive, boolean maxExclusive) {
    return scoreRange(min, max, minExclusive, maxExclusive, true);
  }

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
  public ZsetRange zsetLastInScoreRange(
      double min, double max, boolean minExclusive, boolean maxExclusive) {
    return scoreRange(min, max, minExclusive, maxExclusive, false);
  }

  private ZsetRange scoreRange(
      double min, double max, boolean minExclusive, boolean maxExclusive, boolean first) {
    if (Double.isNaN(min) || Double.isNaN(max)) {
      throw new IllegalArgumentException("a score bound cannot be NaN");
    }
    if (!readable(KeyType.ZSET)) {
      return new ZsetRange(this, first, true);
    }
    ZsetRange range = startRange(first);
    int minex = minExclusive ? 1 : 0;
    int maxex = maxExclusive ? 1 : 0;
    int status =
        first
            ? api().zsetFirstInScoreRange(pointer, min, max, minex, maxex)
            : api().zsetLastInScoreRange(pointer, min, max, minex, maxex);
    if (status != Context.OK) {
      activeRange = null;
      throw new RedisException(
          "ERR " + (first ? "ZsetFirstInScoreRange" : "ZsetLastInScoreRange") + " failed");
    }
    return range;
  }

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
  public ZsetRange zsetFirstInLexRange(RedisString min, RedisString max) {
    return lexRange(min, max, true);
  }

  /**
   * As {@link #zsetFirstInLexRange}, starting from the last element in the range ({@code
   * ZsetLastInLexRange}); its {@link ZsetRange#iterator()} walks backwards.
   *
   * @param min the lower bound
   * @param max the upper bound
   * @return the range, at its last element
   */
  public ZsetRange zsetLastInLexRange(RedisString min, RedisString max) {
    return lexRange(min, max, false);
  }

  /**
   * {@link #zsetFirstInLexRange(RedisString, RedisString)} with bounds given as text.
   *
   * @param min the lower bound
   * @param max the upper bound
   * @return the range, at its first element
   */
  public ZsetRange zsetFirstInLexRange(String min, String max) {
    return lexRange(min, max, true);
  }

  /**
   * {@link #zsetLastInLexRange(RedisString, RedisString)} with bounds given as text.
   *
   * @param min the lower bound
   * @param max the upper bound
   * @return the range, at its last element
   */
  public ZsetRange zsetLastInLexRange(String min, String max) {
    return lexRange(min, max, false);
  }

  private ZsetRange lexRange(String min, String max, boolean first) {
    try (RedisString minString = context.createString(min);
        RedisString maxString = context.createString(max)) {
      return lexRange(minString, maxString, first);
    }
  }

  private ZsetRange lexRange(RedisString min, RedisString max, boolean first) {
    long minPointer = min.pointer();
    long maxPointer = max.pointer();
    if (!readable(KeyType.ZSET)) {
      return new ZsetRange(this, first, true);
    }
    ZsetRange range = startRange(first);
    int status =
        first
            ? api().zsetFirstInLexRange(pointer, minPointer, maxPointer)
            : api().zsetLastInLexRange(pointer, minPointer, maxPointer);
    if (status != Context.OK) {
      // With the type checked, only the bounds can be wrong; C has reset the iteration.
      activeRange = null;
      throw new RedisException("ERR min or max not valid string range item");
    }
    return range;
  }

  /** A new range as the key's only one; C's First/Last functions stop the previous itself. */
  private ZsetRange startRange(boolean first) {
    ZsetRange range = new ZsetRange(this, first, false);
    activeRange = range;
    return range;
  }

  /** Stops the key's range in C ({@code ZsetRangeStop}) and forgets it. */
  void stopRange() {
    activeRange = null;
    api().zsetRangeStop(pointer());
  }

  // Hashes

  /**
   * Sets {@code field} to {@code value} ({@code HashSet}), as {@code HSET}; creates the hash on an
   * empty key. The hash does not take the strings: the caller still owns them.
   *
   * @param field the field
   * @param value its new value
   * @return 1 when an existing field was updated, 0 when the field is new (C's count)
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  public int hashSet(RedisString field, RedisString value) {
    return hashSet(EnumSet.noneOf(HashFlag.class), field, value);
  }

  /**
   * {@link #hashSet(RedisString, RedisString)} with a field name given as text.
   *
   * @param field the field's name, as UTF-8
   * @param value its new value
   * @return 1 when an existing field was updated, 0 when the field is new
   */
  public int hashSet(String field, RedisString value) {
    return hashSet(EnumSet.noneOf(HashFlag.class), field, value);
  }

  /**
   * Sets or deletes fields ({@code HashSet}) under the conditions of {@code flags}. The arguments
   * alternate a field and its value. Fields are all {@link RedisString}s, or all {@code String}s
   * ({@code REDISMODULE_HASH_CFIELDS}: C strings, so without NUL characters); a value is a {@link
   * RedisString} or {@link #DELETE}, which deletes the field. {@link HashFlag#NX} and {@link
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
   *     values or {@link #DELETE}
   * @return the number of fields updated or deleted, plus those inserted with {@link
   *     HashFlag#COUNT_ALL}
   * @throws IllegalArgumentException for an odd number of arguments, mixed field types, or a value
   *     of another type
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  public int hashSet(Set<HashFlag> flags, Object... fieldValuePairs) {
    if (fieldValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException(
          "hashSet takes field-value pairs, got an odd number of arguments");
    }
    int bits = HashFlag.toBits(flags);
    Object[] fields = new Object[fieldValuePairs.length / 2];
    long[] values = new long[fields.length];
    boolean cFields = false;
    for (int i = 0; i < fieldValuePairs.length; i += 2) {
      boolean cField = fieldValuePairs[i] instanceof String;
      if (i == 0) {
        cFields = cField;
      } else if (cField != cFields) {
        throw new IllegalArgumentException("hashSet fields must be all String or all RedisString");
      }
      fields[i / 2] = fieldArgument(fieldValuePairs[i]);
      Object value = fieldValuePairs[i + 1];
      if (value == DELETE) {
        values[i / 2] = HASH_DELETE_POINTER;
      } else if (value instanceof RedisString string) {
        values[i / 2] = string.pointer();
      } else {
        throw new IllegalArgumentException(
            "a hash value must be a RedisString or Key.DELETE, not " + describe(value));
      }
    }
    long key = forWrite(KeyType.HASH);
    if (fieldValuePairs.length == 0) {
      return 0; // C would create an empty hash, then delete it again
    }
    beforeWrite();
    int cBits = bits | (cFields ? HashFlag.CFIELDS : 0);
    int changed = 0;
    for (int i = 0; i < fields.length; i++) {
      long value = values[i];
      // One pair a call (the binding's fixed form); C counts each pair on its own, so the sum is
      // what one call with every pair returns. C returns 0 with errno for failures, but they were
      // all ruled out above.
      changed += withField(fields[i], field -> api().hashSet(key, cBits, field, value));
    }
    return changed;
  }

  /**
   * Deletes {@code fields} from the hash ({@code HashSet} with {@code REDISMODULE_HASH_DELETE}).
   *
   * @param fields the fields
   * @return the number of fields that were there
   * @throws RedisException when the key is not open for writing, or WRONGTYPE
   */
  public int hashDelete(RedisString... fields) {
    return hashSet(EnumSet.noneOf(HashFlag.class), deletions(fields));
  }

  /**
   * {@link #hashDelete(RedisString...)} with field names given as text.
   *
   * @param fields the fields' names, as UTF-8
   * @return the number of fields deleted
   */
  public int hashDelete(String... fields) {
    return hashSet(EnumSet.noneOf(HashFlag.class), deletions(fields));
  }

  private static Object[] deletions(Object[] fields) {
    Object[] pairs = new Object[fields.length * 2];
    for (int i = 0; i < fields.length; i++) {
      pairs[2 * i] = fields[i];
      pairs[2 * i + 1] = DELETE;
    }
    return pairs;
  }

  /**
   * The value of {@code field} ({@code HashGet}), or null when the field or the key is missing. The
   * value is a new string: close it unless auto memory is on.
   *
   * @param field the field
   * @return its value, or null when the field or the key is missing
   * @throws RedisException WRONGTYPE
   */
  public @Nullable RedisString hashGet(RedisString field) {
    return hashGetAll(new Object[] {field})[0];
  }

  /**
   * {@link #hashGet(RedisString)} with a field name given as text.
   *
   * @param field the field's name, as UTF-8
   * @return its value, or null when the field or the key is missing
   */
  public @Nullable RedisString hashGet(String field) {
    return hashGetAll(new Object[] {field})[0];
  }

  /**
   * The values of {@code fields} in one call ({@code HashGet}), in their order, null for each
   * missing one. The values are new strings: close them unless auto memory is on.
   *
   * @param fields the fields
   * @return their values, in order, null for a missing field
   * @throws RedisException WRONGTYPE
   */
  public @Nullable RedisString[] hashMultiGet(RedisString... fields) {
    return hashGetAll(fields);
  }

  /**
   * {@link #hashMultiGet(RedisString...)} with field names given as text.
   *
   * @param fields the fields' names, as UTF-8
   * @return their values, in order, null for a missing field
   */
  public @Nullable RedisString[] hashMultiGet(String... fields) {
    return hashGetAll(fields);
  }

  /**
   * Whether the hash has {@code field} ({@code HashGet} with {@code REDISMODULE_HASH_EXISTS});
   * false for an empty key.
   *
   * @param field the field
   * @return whether the hash has it
   * @throws RedisException WRONGTYPE
   */
  public boolean hashExists(RedisString field) {
    return hashExistsAll(new Object[] {field})[0];
  }

  /**
   * {@link #hashExists(RedisString)} with a field name given as text.
   *
   * @param field the field's name, as UTF-8
   * @return whether the hash has it
   */
  public boolean hashExists(String field) {
    return hashExistsAll(new Object[] {field})[0];
  }

  /**
   * Whether the hash has each of {@code fields}, in their order, in one call.
   *
   * @param fields the fields
   * @return whether the hash has each, in order
   */
  public boolean[] hashMultiExists(RedisString... fields) {
    return hashExistsAll(fields);
  }

  /**
   * {@link #hashMultiExists(RedisString...)} with field names given as text.
   *
   * @param fields the fields' names, as UTF-8
   * @return whether the hash has each, in order
   */
  public boolean[] hashMultiExists(String... fields) {
    return hashExistsAll(fields);
  }

  private RedisString[] hashGetAll(Object[] fields) {
    RedisString[] values = new RedisString[fields.length];
    Object[] cFields = fieldArguments(fields);
    if (!readable(KeyType.HASH) || fields.length == 0) {
      return values;
    }
    int flags = hashGetFlags(fields, 0);
    long[] out = new long[1];
    for (int i = 0; i < fields.length; i++) {
      out[0] = 0;
      withField(cFields[i], field -> api().hashGet(pointer(), flags, field, out));
      if (out[0] != 0) {
        values[i] = new RedisString(context, out[0], true);
      }
    }
    return values;
  }

  private boolean[] hashExistsAll(Object[] fields) {
    boolean[] exists = new boolean[fields.length];
    Object[] cFields = fieldArguments(fields);
    if (!readable(KeyType.HASH) || fields.length == 0) {
      return exists;
    }
    int flags = hashGetFlags(fields, HashFlag.EXISTS);
    int[] out = new int[1];
    for (int i = 0; i < fields.length; i++) {
      out[0] = 0;
      withField(cFields[i], field -> api().hashGetExists(pointer(), flags, field, out));
      exists[i] = out[0] != 0;
    }
    return exists;
  }

  /** The fields as {@link #fieldArgument} gives them, checked before anything is read. */
  private static Object[] fieldArguments(Object[] fields) {
    Object[] args = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      args[i] = fieldArgument(fields[i]);
    }
    return args;
  }

  /**
   * Runs {@code call} (one field of HashSet or HashGet) with the field's C argument: a string's
   * pointer, or for a name a C copy of it, freed after (CFIELDS: C reads a {@code char *}).
   */
  private int withField(Object field, LongToIntFunction call) {
    if (field instanceof Long pointer) {
      return call.applyAsInt(pointer);
    }
    long name = api().strdup((byte[]) field);
    try {
      return call.applyAsInt(name);
    } finally {
      api().free(name);
    }
  }

  private static int hashGetFlags(Object[] fields, int flags) {
    // The overloads keep a call's fields of one type, so the first tells them all.
    return fields[0] instanceof String ? flags | HashFlag.CFIELDS : flags;
  }

  /** A field as C receives it: a string's pointer, or a NUL-terminated name with CFIELDS. */
  private static Object fieldArgument(Object field) {
    if (field instanceof RedisString string) {
      return string.pointer();
    }
    if (field instanceof String name) {
      if (name.indexOf('\0') >= 0) {
        // C reads the name with strlen: it would silently stop at the NUL.
        throw new IllegalArgumentException(
            "a String field name cannot hold NUL; use a RedisString");
      }
      return cString(name);
    }
    throw new IllegalArgumentException(
        "a hash field must be a RedisString or a String, not " + describe(field));
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }

  // Data types

  /**
   * The value of data type {@code type} in this key ({@code ModuleTypeGetValue}), null when the key
   * is empty. Change it in place only through a key opened for writing: JRM then persists the
   * change (the value is serialized again before the next fork).
   *
   * @param <T> the value's class
   * @param type the value's class
   * @return the value, or null when the key is empty
   * @throws RedisException {@code WRONGTYPE} when the key holds anything else
   */
  public <T> @Nullable T value(Class<T> type) {
    long key = pointer();
    if (key == 0) {
      return null;
    }
    return ModuleEntry.dataTypes().get(key, type, mode.writes());
  }

  /**
   * Stores {@code value}, an instance of a {@code @DataType} class, in this key, replacing what it
   * held ({@code ModuleTypeSetValue}). One object belongs to one key.
   *
   * @param value the new value, an instance of a {@code @DataType} class of this module
   */
  public void setValue(Object value) {
    long key = forWrite(null);
    beforeWrite();
    ModuleEntry.dataTypes().set(key, value);
  }

  /**
   * The data type of this module the key holds ({@code ModuleTypeGetType}), or null.
   *
   * @return the data type, or null when the key is empty or holds another kind of value
   */
  public @Nullable ModuleType moduleType() {
    long key = pointer();
    return key == 0 ? null : ModuleEntry.dataTypes().typeOf(key);
  }

  /**
   * Closes the key ({@code CloseKey}), which also ends its {@link ZsetRange} and {@link StringDma}
   * views; closing twice does nothing.
   */
  @Override
  public void close() {
    if (!closed) {
      context.api().closeKey(pointer());
      closed = true;
      pointer = 0;
      activeRange = null;
      generation++;
    }
  }
}
