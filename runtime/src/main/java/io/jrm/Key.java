package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.LongToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A key opened for low-level access ({@code RedisModuleKey}), the one implementation of {@link
 * ReadKey} and {@link WriteKey}, where its operations are described. {@link Context#readKey} and
 * {@link Context#writeKey} return it as one of those, so that the compiler knows what the command
 * may do with it; {@link Context#openKey} returns it as is, for code that chooses the {@link
 * KeyMode} at run time, as C does.
 *
 * <p>Whatever the type the caller holds it as, the key checks its mode: writing through a key
 * opened {@link KeyMode#READ} (say after a cast) throws {@link RedisException} {@code ERR the key
 * is not open for writing}.
 */
public final class Key implements WriteKey {
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

  /** The error of a list index outside the list (the text of Redis's own list test module). */
  public static final String INDEX_OUT_OF_BOUNDS = "ERR index out of bounds";

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

  /** The key's slot in its context's {@link KeyStates}, which every write and the close change. */
  private final int slot;

  private long pointer;
  private boolean closed;
  // The key's one sorted-set iteration, as C keeps it inside the RedisModuleKey.
  private ZsetRange activeRange;
  // The key's one stream iteration, likewise.
  private StreamIterator activeStreamIterator;

  private Key(Context context, long pointer, KeyMode mode) {
    this.context = context;
    this.pointer = pointer;
    this.mode = mode;
    this.call = context.call();
    this.slot = context.keyStates().open();
  }

  static Key open(Context context, RedisString name, KeyMode mode) {
    return open(context, name, mode, 0);
  }

  /** Opens with {@link KeyOpenFlag} bits added to the mode's. */
  static Key open(Context context, RedisString name, KeyMode mode, int openFlags) {
    long key = context.api().openKey(context.pointer(), name.pointer(), mode.flags() | openFlags);
    return new Key(context, key, mode);
  }

  /** The {@code RedisModuleKey *}, 0 for a missing key opened for reading; checked to be open. */
  long pointer() {
    return openPointer(context, call, closed, pointer);
  }

  // The checks of pointer() and forWrite() take the Key's fields rather than the Key: see
  // stringTruncate.
  private static long openPointer(Context context, int call, boolean closed, long pointer) {
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

  ZsetRange activeRange() {
    return activeRange;
  }

  StreamIterator activeStreamIterator() {
    return activeStreamIterator;
  }

  private RedisModuleApi api() {
    return context.api();
  }

  @Override
  public KeyType type() {
    return KeyType.of(api().keyType(pointer()));
  }

  @Override
  public long valueLength() {
    return api().valueLength(pointer());
  }

  // Checks shared by the families

  /**
   * The pointer of a key about to be written, after the checks C would fail on: open, writable, and
   * holding {@code family} or nothing ({@code family} null: any type).
   */
  private long forWrite(KeyType family) {
    return writablePointer(context, call, closed, pointer, mode, family);
  }

  private static long writablePointer(
      Context context, int call, boolean closed, long pointer, KeyMode mode, KeyType family) {
    long key = openPointer(context, call, closed, pointer);
    if (!mode.writes()) {
      throw new RedisException(NOT_WRITABLE);
    }
    if (family != null) {
      expectType(context.api(), key, family);
    }
    return key;
  }

  /** Ends the views and the range of this key: the write about to happen may invalidate them. */
  private void beforeWrite() {
    context.keyStates().changed(slot);
    if (activeRange != null) {
      // Stop while the value is still a sorted set: once it is gone, C's ZsetRangeStop would
      // skip freeing a lex range's bounds.
      stopRange();
    }
    if (activeStreamIterator != null) {
      stopStreamIterator(); // C's StreamDelete refuses while one is started
    }
  }

  /** Whether the key holds a value of {@code family}; false when empty; WRONGTYPE otherwise. */
  private static boolean expectType(RedisModuleApi api, long key, KeyType family) {
    KeyType type = KeyType.of(api.keyType(key));
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
    return key != 0 && expectType(api(), key, family);
  }

  // Generic

  @Override
  public boolean delete() {
    return remove(false);
  }

  @Override
  public boolean unlink() {
    return remove(true);
  }

  private boolean remove(boolean unlink) {
    long key = forWrite(null);
    boolean existed = KeyType.of(api().keyType(key)) != KeyType.EMPTY;
    beforeWrite();
    if ((unlink ? api().unlinkKey(key) : api().deleteKey(key)) != Context.OK) {
      throw new RedisException(unlink ? "ERR UnlinkKey failed" : "ERR DeleteKey failed");
    }
    return existed;
  }

  @Override
  public long expire() {
    long key = pointer();
    return key == 0 ? NO_EXPIRE : api().getExpire(key);
  }

  @Override
  public long absExpire() {
    long key = pointer();
    return key == 0 ? NO_EXPIRE : api().getAbsExpire(key);
  }

  @Override
  public void setExpire(long millis) {
    long key = expiring(millis, "a time to live cannot be negative: ");
    if (api().setExpire(key, millis) != Context.OK) {
      throw new RedisException("ERR SetExpire failed");
    }
  }

  @Override
  public void setAbsExpire(long unixMillis) {
    long key = expiring(unixMillis, "an expiry time cannot be negative: ");
    if (api().setAbsExpire(key, unixMillis) != Context.OK) {
      throw new RedisException("ERR SetAbsExpire failed");
    }
  }

  /** The key, checked to take {@code millis} as its new expiry, about to be written. */
  private long expiring(long millis, String negative) {
    if (millis < 0 && millis != NO_EXPIRE) {
      throw new IllegalArgumentException(negative + millis);
    }
    long key = forWrite(null);
    if (KeyType.of(api().keyType(key)) == KeyType.EMPTY) {
      throw new RedisException("ERR cannot set the expire of an empty key");
    }
    beforeWrite();
    return key;
  }

  /**
   * {@return how long the key has been idle in milliseconds ({@code GetLRU}); empty when the {@code
   * maxmemory-policy} is not an LRU one (Redis then keeps LFU counters), or the key is missing}
   */
  public OptionalLong lru() {
    return evictionClock(true);
  }

  /**
   * Sets how long the key has been idle ({@code SetLRU}), as OBJECT IDLETIME then shows it.
   *
   * @param idleMillis the idle time in milliseconds
   * @return whether it was set: false when the {@code maxmemory-policy} is not an LRU one, or the
   *     key is missing
   */
  public boolean setLru(long idleMillis) {
    return setEvictionClock(true, idleMillis);
  }

  /**
   * {@return the key's access frequency counter ({@code GetLFU}, what OBJECT FREQ shows); empty
   * when the {@code maxmemory-policy} is not an LFU one, or the key is missing}
   */
  public OptionalLong lfu() {
    return evictionClock(false);
  }

  /**
   * Sets the key's access frequency counter ({@code SetLFU}).
   *
   * @param frequency the counter, 0 to 255 (Redis keeps it in 8 bits)
   * @return whether it was set: false when the {@code maxmemory-policy} is not an LFU one, or the
   *     key is missing
   */
  public boolean setLfu(long frequency) {
    return setEvictionClock(false, frequency);
  }

  private OptionalLong evictionClock(boolean lru) {
    long key = pointer();
    if (key == 0) {
      return OptionalLong.empty(); // Redis would dereference the missing key's NULL
    }
    long[] out = context.word();
    int status = lru ? api().getLRU(key, out) : api().getLFU(key, out);
    return status == Context.OK ? OptionalLong.of(out[0]) : OptionalLong.empty();
  }

  private boolean setEvictionClock(boolean lru, long value) {
    long key = pointer();
    if (key == 0) {
      return false;
    }
    return (lru ? api().setLRU(key, value) : api().setLFU(key, value)) == Context.OK;
  }

  // Strings

  @Override
  public void stringSet(RedisString value) {
    long key = forWrite(null);
    long str = value.pointer();
    beforeWrite();
    if (api().stringSet(key, str) != Context.OK) {
      throw new RedisException("ERR StringSet failed");
    }
  }

  @Override
  public StringDma stringDma() {
    return stringDma(KeyMode.READ);
  }

  @Override
  public StringDma stringDma(KeyMode access) {
    boolean write = access.writes();
    if (write) {
      long key = forWrite(KeyType.STRING);
      beforeWrite();
      return dma(key, DMA_READ | DMA_WRITE, true);
    }
    long key = pointer();
    if (key == 0) {
      return view(0, 0, false);
    }
    expectType(api(), key, KeyType.STRING);
    return dma(key, DMA_READ, false);
  }

  private StringDma dma(long key, int dmaMode, boolean writable) {
    long[] length = context.word();
    long bytes = api().stringDMA(key, length, dmaMode);
    if (bytes == 0) {
      throw new RedisException(WRONGTYPE); // C's only NULL: a value of another type
    }
    return view(bytes, Math.toIntExact(length[0]), writable);
  }

  private StringDma view(long bytes, int size, boolean writable) {
    // Arguments first, then new: see ZsetRange.entry.
    long state = context.keyStates().state(slot);
    return new StringDma(context, call, slot, state, bytes, size, writable);
  }

  @Override
  public void stringTruncate(long newLength) {
    // Small enough (35 bytes of bytecode) for C2 to inline where the call is cold, as in a counter
    // creating its key, and what it calls gets the Key's fields, not the Key: a cold method's
    // callees are not inlined, and one handed the Key makes it escape, so that every call of the
    // command would allocate it. Hence beforeWrite() by hand: a string or empty key has no
    // sorted-set range to stop, and its views end after the write.
    truncate(context, call, closed, pointer, mode, slot, newLength);
  }

  private static void truncate(
      Context context,
      int call,
      boolean closed,
      long pointer,
      KeyMode mode,
      int slot,
      long newLength) {
    if (newLength < 0) {
      throw new IllegalArgumentException("a length cannot be negative: " + newLength);
    }
    long key = writablePointer(context, call, closed, pointer, mode, KeyType.STRING);
    if (newLength > MAX_STRING_LENGTH) {
      throw new RedisException("ERR string exceeds maximum allowed size");
    }
    if (context.api().stringTruncate(key, newLength) != Context.OK) {
      throw new RedisException("ERR StringTruncate failed");
    }
    context.keyStates().changed(slot);
  }

  // Lists

  @Override
  public void listPush(ListEnd where, RedisString element) {
    long key = forWrite(KeyType.LIST);
    long str = element.pointer();
    beforeWrite();
    if (api().listPush(key, where.code(), str) != Context.OK) {
      throw new RedisException("ERR ListPush failed");
    }
  }

  @Override
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

  /**
   * The element at {@code index} ({@code ListGet}): 0 is the head, -1 the tail. The element is a
   * new string: close it unless auto memory is on.
   *
   * @param index the element's index, negative counting from the tail
   * @return the element
   * @throws RedisException {@link #INDEX_OUT_OF_BOUNDS} past either end or on an empty key, or
   *     WRONGTYPE
   */
  public RedisString listGet(long index) {
    if (!readable(KeyType.LIST)) {
      throw new RedisException(INDEX_OUT_OF_BOUNDS);
    }
    long key = pointer();
    checkIndex(key, index, 0);
    long element = api().listGet(key, index);
    if (element == 0) {
      throw new RedisException("ERR ListGet failed");
    }
    return new RedisString(context, element, true);
  }

  /**
   * Replaces the element at {@code index} with {@code value} ({@code ListSet}); the caller still
   * owns {@code value}.
   *
   * @param index the element's index, negative counting from the tail
   * @param value the new element
   * @throws RedisException {@link #INDEX_OUT_OF_BOUNDS} past either end or on an empty key, when
   *     the key is not open for writing, or WRONGTYPE
   */
  public void listSet(long index, RedisString value) {
    long key = existingListForWrite(index, 0);
    long str = value.pointer();
    beforeWrite();
    if (api().listSet(key, index, str) != Context.OK) {
      throw new RedisException("ERR ListSet failed");
    }
  }

  /**
   * Inserts {@code value} ({@code ListInsert}) before the element at a non-negative {@code index},
   * after the element at a negative one: the new element then has that index. The list's length (or
   * -length-1) appends (prepends); 0 or -1 on an empty key creates the list. The caller still owns
   * {@code value}.
   *
   * @param index the index the new element gets
   * @param value the new element
   * @throws RedisException {@link #INDEX_OUT_OF_BOUNDS} for another index, when the key is not open
   *     for writing, or WRONGTYPE
   */
  public void listInsert(long index, RedisString value) {
    long key = forWrite(KeyType.LIST);
    if (KeyType.of(api().keyType(key)) != KeyType.EMPTY) {
      checkIndex(key, index, 1);
    } else if (index != 0 && index != -1) {
      throw new RedisException(INDEX_OUT_OF_BOUNDS);
    }
    long str = value.pointer();
    beforeWrite();
    if (api().listInsert(key, index, str) != Context.OK) {
      throw new RedisException("ERR ListInsert failed");
    }
  }

  /**
   * Removes the element at {@code index} ({@code ListDelete}); removing the last one deletes the
   * key.
   *
   * @param index the element's index, negative counting from the tail
   * @throws RedisException {@link #INDEX_OUT_OF_BOUNDS} past either end or on an empty key, when
   *     the key is not open for writing, or WRONGTYPE
   */
  public void listDelete(long index) {
    long key = existingListForWrite(index, 0);
    beforeWrite();
    if (api().listDelete(key, index) != Context.OK) {
      throw new RedisException("ERR ListDelete failed");
    }
  }

  /** The key, open for writing, of a list with an element at {@code index} (or one past it). */
  private long existingListForWrite(long index, long extra) {
    long key = forWrite(KeyType.LIST);
    if (KeyType.of(api().keyType(key)) == KeyType.EMPTY) {
      throw new RedisException(INDEX_OUT_OF_BOUNDS);
    }
    checkIndex(key, index, extra);
    return key;
  }

  /**
   * Refuses an index outside the list, which C reports only through errno: from -length to
   * length-1, and with {@code extra} 1 one more at each end (an insert's).
   */
  private void checkIndex(long key, long index, long extra) {
    long length = api().valueLength(key);
    if (index < -length - extra || index >= length + extra) {
      throw new RedisException(INDEX_OUT_OF_BOUNDS);
    }
  }

  // Sorted sets

  @Override
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

  @Override
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

  @Override
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

  @Override
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

  @Override
  public ZsetRange zsetFirstInScoreRange(
      double min, double max, boolean minExclusive, boolean maxExclusive) {
    return scoreRange(min, max, minExclusive, maxExclusive, true);
  }

  @Override
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

  @Override
  public ZsetRange zsetFirstInLexRange(RedisString min, RedisString max) {
    return lexRange(min, max, true);
  }

  @Override
  public ZsetRange zsetLastInLexRange(RedisString min, RedisString max) {
    return lexRange(min, max, false);
  }

  @Override
  public ZsetRange zsetFirstInLexRange(String min, String max) {
    return lexRange(min, max, true);
  }

  @Override
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

  // Streams: the key's checks here, the C calls and their id structs in Streams.

  @Override
  public StreamId streamAdd(RedisString... fieldsAndValues) {
    return Streams.add(context, streamForAdd(fieldsAndValues), null, fieldsAndValues);
  }

  @Override
  public StreamId streamAdd(StreamId id, RedisString... fieldsAndValues) {
    Objects.requireNonNull(id, "id");
    return Streams.add(context, streamForAdd(fieldsAndValues), id, fieldsAndValues);
  }

  /** The key about to take an entry of {@code fieldsAndValues}, checked to be pairs. */
  private long streamForAdd(RedisString[] fieldsAndValues) {
    if (fieldsAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "fields and values come in pairs, not " + fieldsAndValues.length + " strings");
    }
    long key = forWrite(KeyType.STREAM);
    beforeWrite();
    return key;
  }

  @Override
  public boolean streamDelete(StreamId id) {
    Objects.requireNonNull(id, "id");
    long key = forWrite(KeyType.STREAM);
    if (!expectType(api(), key, KeyType.STREAM)) {
      return false;
    }
    beforeWrite();
    return Streams.delete(context, key, id);
  }

  @Override
  public long streamTrimByLength(long length, StreamTrimFlag... flags) {
    if (length < 0) {
      throw new IllegalArgumentException("a stream cannot keep a negative length: " + length);
    }
    long key = existingStreamForWrite();
    return key == 0 ? 0 : Streams.trimByLength(context, key, length, FlagBits.of(flags));
  }

  @Override
  public long streamTrimById(StreamId minId, StreamTrimFlag... flags) {
    Objects.requireNonNull(minId, "minId");
    long key = existingStreamForWrite();
    return key == 0 ? 0 : Streams.trimById(context, key, minId, FlagBits.of(flags));
  }

  /** The key about to be trimmed, or 0 when it is empty and there is nothing to trim. */
  private long existingStreamForWrite() {
    long key = forWrite(KeyType.STREAM);
    if (!expectType(api(), key, KeyType.STREAM)) {
      return 0;
    }
    beforeWrite();
    return key;
  }

  @Override
  public StreamIterator streamIteratorStart(
      @Nullable StreamId start, @Nullable StreamId end, StreamIteratorFlag... flags) {
    int bits = FlagBits.of(flags);
    if (!readable(KeyType.STREAM)) {
      return StreamIterator.empty(this);
    }
    if (activeStreamIterator != null) {
      stopStreamIterator(); // C refuses a second one
    }
    if (!Streams.start(context, pointer, bits, start, end)) {
      return StreamIterator.empty(this);
    }
    activeStreamIterator = StreamIterator.started(this);
    return activeStreamIterator;
  }

  /** Stops the key's stream iteration in C ({@code StreamIteratorStop}) and forgets it. */
  void stopStreamIterator() {
    activeStreamIterator = null;
    api().streamIteratorStop(pointer());
  }

  // Hashes

  @Override
  public int hashSet(RedisString field, RedisString value) {
    return hashSet(EnumSet.noneOf(HashFlag.class), field, value);
  }

  @Override
  public int hashSet(String field, RedisString value) {
    return hashSet(EnumSet.noneOf(HashFlag.class), field, value);
  }

  @Override
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

  @Override
  public int hashDelete(RedisString... fields) {
    return hashSet(EnumSet.noneOf(HashFlag.class), deletions(fields));
  }

  @Override
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

  @Override
  public @Nullable RedisString hashGet(RedisString field) {
    return hashGetAll(new Object[] {field})[0];
  }

  @Override
  public RedisString hashGet(String field) {
    return hashGetAll(new Object[] {field})[0];
  }

  @Override
  public RedisString[] hashMultiGet(RedisString... fields) {
    return hashGetAll(fields);
  }

  @Override
  public RedisString[] hashMultiGet(String... fields) {
    return hashGetAll(fields);
  }

  @Override
  public boolean hashExists(RedisString field) {
    return hashExistsAll(new Object[] {field})[0];
  }

  @Override
  public boolean hashExists(String field) {
    return hashExistsAll(new Object[] {field})[0];
  }

  @Override
  public boolean[] hashMultiExists(RedisString... fields) {
    return hashExistsAll(fields);
  }

  @Override
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

  @Override
  public <T> @Nullable T value(Class<T> type) {
    long key = pointer();
    if (key == 0) {
      return null;
    }
    return ModuleEntry.dataTypes().get(key, type, mode.writes());
  }

  @Override
  public void setValue(Object value) {
    long key = forWrite(null);
    beforeWrite();
    ModuleEntry.dataTypes().set(key, value);
  }

  /**
   * {@return the name of this key ({@code GetKeyNameFromModuleKey}), a string of Redis's valid
   * while the key is open; null for a missing key opened for reading, which has no {@code
   * RedisModuleKey}}
   */
  public @Nullable RedisString keyName() {
    long key = pointer();
    return key == 0 ? null : new RedisString(context, api().getKeyNameFromModuleKey(key), false);
  }

  /**
   * {@return the database of this key ({@code GetDbIdFromModuleKey}); -1 for a missing key opened
   * for reading}
   */
  public int dbId() {
    long key = pointer();
    return key == 0 ? -1 : api().getDbIdFromModuleKey(key);
  }

  @Override
  public <T> T replaceValue(T value) {
    long key = forWrite(null);
    beforeWrite();
    return ModuleEntry.dataTypes().replace(key, value);
  }

  @Override
  public @Nullable ModuleType moduleType() {
    long key = pointer();
    return key == 0 ? null : ModuleEntry.dataTypes().typeOf(key);
  }

  @Override
  public boolean scan(ScanCursor cursor, BiConsumer<byte[], byte @Nullable []> callback) {
    long key = pointer();
    KeyType type = key == 0 ? KeyType.EMPTY : KeyType.of(api().keyType(key));
    if (type == KeyType.EMPTY) {
      return false;
    }
    if (type != KeyType.HASH && type != KeyType.SET && type != KeyType.ZSET) {
      throw new RedisException(WRONGTYPE);
    }
    List<byte @Nullable []> entries = new ArrayList<>();
    boolean more =
        Scans.step(
            api(),
            Scans.SCAN_KEY_CALLBACK,
            (collector, batch) -> api().scanKey(key, cursor.pointer(), collector, batch),
            entries);
    for (int i = 0; i + 1 < entries.size(); i += 2) {
      callback.accept(entries.get(i), entries.get(i + 1));
    }
    return more;
  }

  @Override
  public void scan(BiConsumer<byte[], byte @Nullable []> callback) {
    try (ScanCursor cursor = ScanCursor.create(context)) {
      while (scan(cursor, callback)) {
        // each step calls back; the next goes on from the cursor
      }
    }
  }

  @Override
  public void close() {
    // Trivial (6 bytes of bytecode at most), so that C2 inlines it even where it never ran: JDK 17
    // compiles the close on the exception path of try-with-resources, and a call it does not
    // inline there makes the Key escape, so that every call of the command allocates it.
    closeOpen();
  }

  private void closeOpen() {
    if (!closed) {
      context.api().closeKey(pointer());
      closed = true;
      pointer = 0;
      activeRange = null;
      activeStreamIterator = null; // CloseKey has stopped it
      context.keyStates().closed(slot);
    }
  }
}
