package io.jrm.it;

import io.jrm.Context;
import io.jrm.HashFlag;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.KeyType;
import io.jrm.ListEnd;
import io.jrm.ReadKey;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.StringDma;
import io.jrm.WriteKey;
import io.jrm.ZaddFlag;
import io.jrm.ZaddResult;
import io.jrm.ZsetEntry;
import io.jrm.ZsetRange;
import io.jrm.annotations.RedisCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Commands over the low-level key API ({@link Key}): one small command per operation, so that the
 * tests see through a client what each does to real data.
 */
public final class KeyCommands {
  /** The value JRMTEST.KEY.HSET reads as {@link Key#DELETE}. */
  private static final String DELETE_MARKER = "__delete__";

  private KeyCommands() {}

  // Generic

  /** JRMTEST.KEY.INFO key: [type, length, expire] through a key opened for reading. */
  @RedisCommand(
      name = "jrmtest.key.info",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void info(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      ctx.replyWithArray(3);
      ctx.replyWithString(key.type().name());
      ctx.replyWithLongLong(key.valueLength());
      ctx.replyWithLongLong(key.expire());
    }
  }

  /** JRMTEST.KEY.DELETE key: 1 if there was a value, 0 if not. */
  @RedisCommand(
      name = "jrmtest.key.delete",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void delete(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      ctx.replyWithLongLong(key.delete() ? 1 : 0);
    }
  }

  /** JRMTEST.KEY.SETEXPIRE key millis: sets the time to live; -1 removes it. */
  @RedisCommand(
      name = "jrmtest.key.setexpire",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void setExpire(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      key.setExpire(argv[2].toLongLong());
      ctx.replyWithLongLong(key.expire());
    }
  }

  /**
   * JRMTEST.KEY.READONLY key operation: tries one write through a key opened for reading; every one
   * must throw before reaching Redis. {@code cast} deletes through a {@link ReadKey} cast to the
   * {@link WriteKey} it is not.
   */
  @RedisCommand(
      name = "jrmtest.key.readonly",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void readOnly(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ);
        RedisString value = ctx.createString("v")) {
      switch (argv[2].toString()) {
        case "delete" -> key.delete();
        case "setexpire" -> key.setExpire(1000);
        case "set" -> key.stringSet(value);
        case "dma" -> key.stringDma(KeyMode.READ_WRITE);
        case "truncate" -> key.stringTruncate(3);
        case "push" -> key.listPush(ListEnd.TAIL, value);
        case "pop" -> key.listPop(ListEnd.HEAD);
        case "zadd" -> key.zsetAdd(1, value);
        case "zincrby" -> key.zsetIncrby(1, value);
        case "zrem" -> key.zsetRem(value);
        case "hset" -> key.hashSet(value, value);
        case "hdel" -> key.hashDelete(value);
        case "cast" -> deleteThroughCast(ctx.readKey(argv[1]));
        default -> throw new RedisException("ERR unknown operation " + argv[2]);
      }
      ctx.replyWithSimpleString("UNEXPECTED");
    }
  }

  /** The mistake the types prevent, made all the same: the key still refuses the write. */
  private static void deleteThroughCast(ReadKey readKey) {
    try (readKey) {
      ((WriteKey) readKey).delete();
    }
  }

  // Strings

  /** JRMTEST.KEY.SET key value: StringSet. */
  @RedisCommand(
      name = "jrmtest.key.set",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void set(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      key.stringSet(argv[2]);
      ctx.replyWithSimpleString("OK");
    }
  }

  /** JRMTEST.KEY.DMA.GET key: the string's bytes, read through a read-only DMA view. */
  @RedisCommand(
      name = "jrmtest.key.dma.get",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void dmaGet(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      ctx.replyWithStringBuffer(key.stringDma(KeyMode.READ).bytes());
    }
  }

  /** JRMTEST.KEY.DMA.TOGGLE key: swaps the case of ASCII letters in place, as HELLO.TOGGLE.CASE. */
  @RedisCommand(
      name = "jrmtest.key.dma.toggle",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void dmaToggle(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      StringDma dma = key.stringDma(KeyMode.READ_WRITE);
      byte[] bytes = dma.bytes();
      for (int i = 0; i < bytes.length; i++) {
        if (Character.isUpperCase(bytes[i])) {
          bytes[i] = (byte) Character.toLowerCase(bytes[i]);
        } else if (Character.isLowerCase(bytes[i])) {
          bytes[i] = (byte) Character.toUpperCase(bytes[i]);
        }
      }
      dma.write(0, bytes);
      ctx.replyWithSimpleString("OK");
    }
  }

  /**
   * JRMTEST.KEY.COUNTER key: adds one to the first byte of a string of 8 bytes (created when
   * missing) through a writable view and replies with that byte, as BENCH.COUNTER: a command
   * allocating nothing itself, for UpcallIsolationIT.
   */
  @RedisCommand(
      name = "jrmtest.key.counter",
      flags = "write fast",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void counter(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      if (key.type() == KeyType.EMPTY) {
        key.stringTruncate(8);
      }
      StringDma dma = key.stringDma(KeyMode.READ_WRITE);
      byte next = (byte) (dma.get(0) + 1);
      dma.put(0, next);
      ctx.replyWithLongLong(next & 0xff);
    }
  }

  /**
   * JRMTEST.KEY.ZSUM key: the sum of the scores of the whole sorted set, walked by score and each
   * entry closed, as BENCH.ZRANGE: a command allocating nothing per element, for UpcallIsolationIT.
   */
  @RedisCommand(
      name = "jrmtest.key.zsum",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void zsetSum(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      double sum = 0;
      try (ZsetRange range =
          key.zsetFirstInScoreRange(
              Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false)) {
        for (ZsetEntry entry : range) {
          try (entry) {
            sum += entry.score();
          }
        }
      }
      ctx.replyWithLongLong((long) sum);
    }
  }

  /** JRMTEST.KEY.DMA.PUT key offset text: writes text at offset through a writable view. */
  @RedisCommand(
      name = "jrmtest.key.dma.put",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void dmaPut(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      key.stringDma(KeyMode.WRITE).write(Math.toIntExact(argv[2].toLongLong()), argv[3].bytes());
      ctx.replyWithSimpleString("OK");
    }
  }

  /** JRMTEST.KEY.TRUNCATE key length: StringTruncate; replies the new length. */
  @RedisCommand(
      name = "jrmtest.key.truncate",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void truncate(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      key.stringTruncate(argv[2].toLongLong());
      ctx.replyWithLongLong(key.valueLength());
    }
  }

  /**
   * JRMTEST.KEY.DMA.STALE key how: takes a DMA view, then invalidates it (truncate, set, push a
   * second writable view, close, close and open the key again) or misuses it (readonly: writes to a
   * read view), then uses it.
   */
  @RedisCommand(
      name = "jrmtest.key.dma.stale",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void dmaStale(Context ctx, RedisString[] argv) {
    String how = argv[2].toString();
    Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE);
    try (key;
        RedisString value = ctx.createString("replaced")) {
      StringDma dma = key.stringDma(how.equals("readonly") ? KeyMode.READ : KeyMode.READ_WRITE);
      switch (how) {
        case "truncate" -> key.stringTruncate(1);
        case "set" -> key.stringSet(value);
        case "newview" -> key.stringDma(KeyMode.WRITE);
        case "close" -> key.close();
        case "reopen" -> useAfterReopening(ctx, key, argv[1], dma);
        case "readonly" -> {}
        default -> throw new RedisException("ERR unknown way " + how);
      }
      boolean valid = dma.isValid();
      if (how.equals("readonly")) {
        dma.put(0, (byte) 'X');
      } else {
        dma.bytes();
      }
      ctx.replyWithSimpleString("UNEXPECTED valid=" + valid);
    }
  }

  /**
   * Closes {@code key}, opens {@code name} again (the new key takes the closed one's place among
   * the open keys) and, while it is open, uses {@code view} of the closed one: refused.
   */
  private static void useAfterReopening(Context ctx, Key key, RedisString name, StringDma view) {
    key.close();
    try (Key again = ctx.openKey(name, KeyMode.READ_WRITE)) {
      view.bytes();
    }
  }

  // Lists

  /** JRMTEST.KEY.LPUSH key HEAD|TAIL element...: ListPush of each; replies the length. */
  @RedisCommand(
      name = "jrmtest.key.lpush",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void listPush(Context ctx, RedisString[] argv) {
    ListEnd where = ListEnd.valueOf(argv[2].toString().toUpperCase(Locale.ROOT));
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      for (int i = 3; i < argv.length; i++) {
        key.listPush(where, argv[i]);
      }
      ctx.replyWithLongLong(key.valueLength());
    }
  }

  /**
   * JRMTEST.KEY.LIST key get|set|insert|delete index [value]: ListGet (replies the element),
   * ListSet, ListInsert or ListDelete (reply OK).
   */
  @RedisCommand(name = "jrmtest.key.list", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void listAt(Context ctx, RedisString[] argv) {
    long index = argv[3].toLongLong();
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      switch (argv[2].toString()) {
        case "get" -> {
          try (RedisString element = key.listGet(index)) {
            ctx.replyWithString(element);
          }
          return;
        }
        case "set" -> key.listSet(index, argv[4]);
        case "insert" -> key.listInsert(index, argv[4]);
        case "delete" -> key.listDelete(index);
        default -> throw new RedisException("ERR unknown operation " + argv[2]);
      }
      ctx.replyWithSimpleString("OK");
    }
  }

  /** JRMTEST.KEY.LPOP key HEAD|TAIL: ListPop; nil when empty. */
  @RedisCommand(name = "jrmtest.key.lpop", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void listPop(Context ctx, RedisString[] argv) {
    ListEnd where = ListEnd.valueOf(argv[2].toString().toUpperCase(Locale.ROOT));
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE);
        RedisString element = key.listPop(where)) {
      if (element == null) {
        ctx.replyWithNull();
      } else {
        ctx.replyWithString(element);
      }
    }
  }

  // Sorted sets

  /** JRMTEST.KEY.ZADD key score element [XX|NX|GT|LT...]: ZsetAdd; replies the result's name. */
  @RedisCommand(
      name = "jrmtest.key.zadd",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void zsetAdd(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      ZaddResult result = key.zsetAdd(parseScore(argv[2]), argv[3], zaddFlags(argv, 4));
      ctx.replyWithSimpleString(result.name());
    }
  }

  /** JRMTEST.KEY.ZINCRBY key delta element [flags...]: ZsetIncrby; nil when flags held it back. */
  @RedisCommand(
      name = "jrmtest.key.zincrby",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void zsetIncrby(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      replyWithScore(ctx, key.zsetIncrby(parseScore(argv[2]), argv[3], zaddFlags(argv, 4)));
    }
  }

  /** JRMTEST.KEY.ZREM key element: 1 if it was there. */
  @RedisCommand(name = "jrmtest.key.zrem", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void zsetRem(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      ctx.replyWithLongLong(key.zsetRem(argv[2]) ? 1 : 0);
    }
  }

  /** JRMTEST.KEY.ZSCORE key element: the score, nil when missing. */
  @RedisCommand(
      name = "jrmtest.key.zscore",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void zsetScore(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      replyWithScore(ctx, key.zsetScore(argv[2]));
    }
  }

  /**
   * JRMTEST.KEY.ZRANGE.SCORE key FIRST|LAST min max: [element, score, ...] walking the range from
   * its first or last element; bounds as in ZRANGEBYSCORE ({@code (1}, {@code -inf}).
   */
  @RedisCommand(
      name = "jrmtest.key.zrange.score",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void zsetScoreRange(Context ctx, RedisString[] argv) {
    boolean first = argv[2].toString().equalsIgnoreCase("FIRST");
    String min = argv[3].toString();
    String max = argv[4].toString();
    boolean minEx = min.startsWith("(");
    boolean maxEx = max.startsWith("(");
    double minScore = parseBound(minEx ? min.substring(1) : min);
    double maxScore = parseBound(maxEx ? max.substring(1) : max);
    try (Key key = ctx.openKey(argv[1], KeyMode.READ);
        ZsetRange range =
            first
                ? key.zsetFirstInScoreRange(minScore, maxScore, minEx, maxEx)
                : key.zsetLastInScoreRange(minScore, maxScore, minEx, maxEx)) {
      replyWithEntries(ctx, range, true);
    }
  }

  /** JRMTEST.KEY.ZRANGE.LEX key FIRST|LAST min max: [element, ...]; bounds as in ZRANGEBYLEX. */
  @RedisCommand(
      name = "jrmtest.key.zrange.lex",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void zsetLexRange(Context ctx, RedisString[] argv) {
    boolean first = argv[2].toString().equalsIgnoreCase("FIRST");
    try (Key key = ctx.openKey(argv[1], KeyMode.READ);
        ZsetRange range =
            first
                ? key.zsetFirstInLexRange(argv[3], argv[4])
                : key.zsetLastInLexRange(argv[3], argv[4])) {
      replyWithEntries(ctx, range, false);
    }
  }

  /**
   * JRMTEST.KEY.ZRANGE.BOUNCE key: walks the whole set with next() to its end, then back with
   * prev() to its start, using the C calls directly rather than the iterator.
   */
  @RedisCommand(
      name = "jrmtest.key.zrange.bounce",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void zsetBounce(Context ctx, RedisString[] argv) {
    List<String> seen = new ArrayList<>();
    try (Key key = ctx.openKey(argv[1], KeyMode.READ);
        ZsetRange range =
            key.zsetFirstInScoreRange(
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false)) {
      if (!range.endReached()) {
        do {
          seen.add(currentElement(range));
        } while (range.next());
        while (range.prev()) {
          seen.add(currentElement(range));
        }
      }
      seen.add("end=" + range.endReached());
    }
    ctx.replyWithArray(seen.size());
    seen.forEach(ctx::replyWithString);
  }

  /** JRMTEST.KEY.ZRANGE.STALE key: starts a range, writes through the key, then moves the range. */
  @RedisCommand(
      name = "jrmtest.key.zrange.stale",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void zsetStale(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE);
        RedisString element = ctx.createString("added-meanwhile");
        ZsetRange range = key.zsetFirstInLexRange("-", "+")) {
      key.zsetAdd(0, element);
      boolean active = range.isActive();
      range.next();
      ctx.replyWithSimpleString("UNEXPECTED active=" + active);
    }
  }

  /**
   * JRMTEST.KEY.ZADDBITS bits: [the ZaddFlags of bits, their bits again, the ZaddResult of bits],
   * the Java counterparts of ZsetAddFlagsFromCoreFlags and ToCoreFlags.
   */
  @RedisCommand(name = "jrmtest.key.zaddbits", flags = "readonly")
  public static void zaddBits(Context ctx, RedisString[] argv) {
    int bits = Math.toIntExact(argv[1].toLongLong());
    Set<ZaddFlag> flags = ZaddFlag.fromBits(bits);
    ctx.replyWithArray(3);
    ctx.replyWithString(
        flags.stream().map(ZaddFlag::name).reduce((a, b) -> a + "," + b).orElse(""));
    ctx.replyWithLongLong(ZaddFlag.toBits(flags));
    ctx.replyWithString(ZaddResult.fromBits(bits).name());
  }

  private static String currentElement(ZsetRange range) {
    try (ZsetEntry entry = range.currentElement()) {
      return entry.element().toString();
    }
  }

  private static void replyWithEntries(Context ctx, ZsetRange range, boolean withScores) {
    ctx.replyWithArray(Context.POSTPONED_LENGTH);
    long length = 0;
    for (ZsetEntry entry : range) {
      try (entry) {
        ctx.replyWithString(entry.element());
        length++;
        if (withScores) {
          ctx.replyWithDouble(entry.score());
          length++;
        }
      }
    }
    ctx.replySetArrayLength(length);
  }

  private static ZaddFlag[] zaddFlags(RedisString[] argv, int from) {
    ZaddFlag[] flags = new ZaddFlag[argv.length - from];
    for (int i = from; i < argv.length; i++) {
      flags[i - from] = ZaddFlag.valueOf(argv[i].toString().toUpperCase(Locale.ROOT));
    }
    return flags;
  }

  private static double parseScore(RedisString text) {
    return parseBound(text.toString());
  }

  private static double parseBound(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "+inf", "inf" -> Double.POSITIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  private static void replyWithScore(Context ctx, OptionalDouble score) {
    if (score.isPresent()) {
      ctx.replyWithDouble(score.getAsDouble());
    } else {
      ctx.replyWithNull();
    }
  }

  // Hashes

  /**
   * JRMTEST.KEY.HSET key flags field value [field value ...]: HashSet with flags a comma list of
   * NX, XX, COUNT_ALL and CFIELDS (field names passed as Java strings), or NONE; the value {@code
   * __delete__} deletes the field. Replies HashSet's count.
   */
  @RedisCommand(
      name = "jrmtest.key.hset",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void hashSet(Context ctx, RedisString[] argv) {
    Set<HashFlag> flags = EnumSet.noneOf(HashFlag.class);
    boolean cFields = false;
    for (String flag : argv[2].toString().toUpperCase(Locale.ROOT).split(",")) {
      switch (flag) {
        case "NONE" -> {}
        case "CFIELDS" -> cFields = true;
        default -> flags.add(HashFlag.valueOf(flag));
      }
    }
    Object[] pairs = new Object[argv.length - 3];
    for (int i = 3; i + 1 < argv.length; i += 2) {
      pairs[i - 3] = cFields ? argv[i].toString() : argv[i];
      pairs[i - 2] = argv[i + 1].toString().equals(DELETE_MARKER) ? Key.DELETE : argv[i + 1];
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      ctx.replyWithLongLong(key.hashSet(flags, pairs));
    }
  }

  /**
   * JRMTEST.KEY.HGET key NONE|CFIELDS field...: the values (nil for missing); one field goes
   * through hashGet, more through hashMultiGet.
   */
  @RedisCommand(
      name = "jrmtest.key.hget",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void hashGet(Context ctx, RedisString[] argv) {
    boolean cFields = argv[2].toString().equalsIgnoreCase("CFIELDS");
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      RedisString[] values;
      if (argv.length == 4) {
        values =
            new RedisString[] {cFields ? key.hashGet(argv[3].toString()) : key.hashGet(argv[3])};
      } else if (cFields) {
        values = key.hashMultiGet(texts(argv, 3));
      } else {
        values = key.hashMultiGet(Arrays.copyOfRange(argv, 3, argv.length));
      }
      ctx.replyWithArray(values.length);
      for (RedisString value : values) {
        if (value == null) {
          ctx.replyWithNull();
        } else {
          try (value) {
            ctx.replyWithString(value);
          }
        }
      }
    }
  }

  /** JRMTEST.KEY.HEXISTS key NONE|CFIELDS field...: 1 or 0 per field. */
  @RedisCommand(
      name = "jrmtest.key.hexists",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void hashExists(Context ctx, RedisString[] argv) {
    boolean cFields = argv[2].toString().equalsIgnoreCase("CFIELDS");
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      boolean[] exists;
      if (argv.length == 4) {
        exists =
            new boolean[] {cFields ? key.hashExists(argv[3].toString()) : key.hashExists(argv[3])};
      } else if (cFields) {
        exists = key.hashMultiExists(texts(argv, 3));
      } else {
        exists = key.hashMultiExists(Arrays.copyOfRange(argv, 3, argv.length));
      }
      ctx.replyWithArray(exists.length);
      for (boolean one : exists) {
        ctx.replyWithLongLong(one ? 1 : 0);
      }
    }
  }

  /** JRMTEST.KEY.HDEL key field...: hashDelete; replies how many were there. */
  @RedisCommand(name = "jrmtest.key.hdel", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void hashDelete(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      ctx.replyWithLongLong(key.hashDelete(Arrays.copyOfRange(argv, 2, argv.length)));
    }
  }

  private static String[] texts(RedisString[] argv, int from) {
    String[] texts = new String[argv.length - from];
    for (int i = from; i < argv.length; i++) {
      texts[i - from] = argv[i].toString();
    }
    return texts;
  }
}
