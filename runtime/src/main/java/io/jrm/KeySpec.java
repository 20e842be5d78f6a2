package io.jrm;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a command finds its keys, for {@code COMMAND INFO} and cluster routing ({@code
 * RedisModuleCommandKeySpec}): a begin search ({@link #index}, {@link #keyword}, or {@link
 * #unknownBegin}) then a find-keys step ({@link #range}, {@link #keyNum}, {@link #unknownKeys}, or
 * none: one key). Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * KeySpec.index(1).range(-1, 2, 0).flags(KeyFlag.RW, KeyFlag.UPDATE)  // k1 v1 k2 v2 ...
 * KeySpec.keyword("KEYS", 2).keyNum(0, 1, 1).flags(KeyFlag.RO)            // KEYS 2 k1 k2
 * }</pre>
 */
public final class KeySpec {
  /** C's {@code RedisModuleKeySpecBeginSearchType} (0 is invalid, the array's end). */
  static final int BEGIN_UNKNOWN = 1;

  static final int BEGIN_INDEX = 2;
  static final int BEGIN_KEYWORD = 3;

  /** C's {@code RedisModuleKeySpecFindKeysType}: omitted is one key. */
  static final int FIND_OMITTED = 0;

  static final int FIND_UNKNOWN = 1;
  static final int FIND_RANGE = 2;
  static final int FIND_KEYNUM = 3;

  final @Nullable String notes;
  final long flags;
  final int beginSearch;
  final int indexOrStartFrom;
  final @Nullable String keyword;
  final int findKeys;
  final int[] find;

  private KeySpec(
      @Nullable String notes,
      long flags,
      int beginSearch,
      int indexOrStartFrom,
      @Nullable String keyword,
      int findKeys,
      int[] find) {
    this.notes = notes;
    this.flags = flags;
    this.beginSearch = beginSearch;
    this.indexOrStartFrom = indexOrStartFrom;
    this.keyword = keyword;
    this.findKeys = findKeys;
    this.find = find;
  }

  /**
   * Keys begin at a fixed argument.
   *
   * @param index the argv index of the first key (1 is the first argument)
   * @return the spec, with no flags and one key
   */
  public static KeySpec index(int index) {
    return new KeySpec(null, 0, BEGIN_INDEX, index, null, FIND_OMITTED, new int[3]);
  }

  /**
   * Keys begin after a keyword.
   *
   * @param keyword the keyword, such as {@code KEYS}
   * @param startFrom the argv index to search from; negative searches backwards from the end
   * @return the spec, with no flags and one key
   */
  public static KeySpec keyword(String keyword, int startFrom) {
    Objects.requireNonNull(keyword, "keyword");
    return new KeySpec(null, 0, BEGIN_KEYWORD, startFrom, keyword, FIND_OMITTED, new int[3]);
  }

  /** {@return a spec whose keys begin where only the command knows} */
  public static KeySpec unknownBegin() {
    return new KeySpec(null, 0, BEGIN_UNKNOWN, 0, null, FIND_OMITTED, new int[3]);
  }

  /**
   * Keys are a range from the begin search's result.
   *
   * @param lastKey the last key relative to the begin, or negative: -1 the last argument
   * @param keyStep arguments from one key to the next
   * @param limit with {@code lastKey} -1: 0 or 1 no limit, N one N-th of the remaining arguments
   * @return the changed copy
   */
  public KeySpec range(int lastKey, int keyStep, int limit) {
    return withFind(FIND_RANGE, lastKey, keyStep, limit);
  }

  /**
   * An argument counts the keys that follow (like {@code EVAL}'s numkeys).
   *
   * @param keyNumIndex the count's index relative to the begin search's result
   * @param firstKey the first key's index relative to the begin
   * @param keyStep arguments from one key to the next
   * @return the changed copy
   */
  public KeySpec keyNum(int keyNumIndex, int firstKey, int keyStep) {
    return withFind(FIND_KEYNUM, keyNumIndex, firstKey, keyStep);
  }

  /** {@return the changed copy, whose keys only the command knows} */
  public KeySpec unknownKeys() {
    return withFind(FIND_UNKNOWN, 0, 0, 0);
  }

  /**
   * Sets the flags.
   *
   * @param flags exactly one of RO, RW, OW, RM, and any others
   * @return the changed copy
   */
  public KeySpec flags(KeyFlag... flags) {
    long bits = 0;
    for (KeyFlag flag : flags) {
      bits |= flag.bit();
    }
    return new KeySpec(notes, bits, beginSearch, indexOrStartFrom, keyword, findKeys, find);
  }

  /**
   * Sets the notes COMMAND INFO shows.
   *
   * @param notes free text
   * @return the changed copy
   */
  public KeySpec notes(String notes) {
    return new KeySpec(notes, flags, beginSearch, indexOrStartFrom, keyword, findKeys, find);
  }

  private KeySpec withFind(int type, int a, int b, int c) {
    return new KeySpec(
        notes, flags, beginSearch, indexOrStartFrom, keyword, type, new int[] {a, b, c});
  }
}
