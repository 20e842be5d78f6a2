package io.jrm.it;

import io.jrm.Context;
import io.jrm.DictIterator;
import io.jrm.DictOperator;
import io.jrm.NativeDict;
import io.jrm.RadixDict;
import io.jrm.RedisString;
import io.jrm.SimpleString;
import io.jrm.annotations.RedisCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Commands of the jrmtest module ({@code JRMTEST.DICT.*}) for {@code DictIT}. */
public final class DictCommands {
  private static RadixDict<String> dict;

  private DictCommands() {}

  /** The module's one map, kept across commands as an author would. */
  private static RadixDict<String> dict(Context ctx) {
    if (dict == null) {
      dict = RadixDict.create(ctx);
    }
    return dict;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** JRMTEST.DICT.RESET: frees the map; the next command starts an empty one. */
  @RedisCommand(name = "jrmtest.dict.reset", flags = "write")
  public static SimpleString reset(Context ctx) {
    if (dict != null) {
      dict.close();
      dict = null;
    }
    return SimpleString.OK;
  }

  /** JRMTEST.DICT.PUT key value: sets key; replies the value it replaced, or null. */
  @RedisCommand(name = "jrmtest.dict.put", flags = "write")
  public static String put(Context ctx, String key, String value) {
    return dict(ctx).put(bytes(key), value);
  }

  /** JRMTEST.DICT.PUTNULL key: sets key to a null value; replies the value it replaced. */
  @RedisCommand(name = "jrmtest.dict.putnull", flags = "write")
  public static String putNull(Context ctx, String key) {
    return dict(ctx).put(bytes(key), null);
  }

  /** JRMTEST.DICT.ADD key value: adds key unless there; replies 1 when added. */
  @RedisCommand(name = "jrmtest.dict.add", flags = "write")
  public static long add(Context ctx, String key, String value) {
    return dict(ctx).putIfAbsent(bytes(key), value) ? 1 : 0;
  }

  /** JRMTEST.DICT.GET key: the value, or null. */
  @RedisCommand(name = "jrmtest.dict.get", flags = "readonly")
  public static String get(Context ctx, String key) {
    return dict(ctx).get(bytes(key));
  }

  /** JRMTEST.DICT.HAS key: 1 when the map holds key. */
  @RedisCommand(name = "jrmtest.dict.has", flags = "readonly")
  public static long has(Context ctx, String key) {
    return dict(ctx).containsKey(bytes(key)) ? 1 : 0;
  }

  /** JRMTEST.DICT.DEL key: removes key; replies the value it held, or null. */
  @RedisCommand(name = "jrmtest.dict.del", flags = "write")
  public static String del(Context ctx, String key) {
    return dict(ctx).remove(bytes(key));
  }

  /** JRMTEST.DICT.SIZE: how many keys. */
  @RedisCommand(name = "jrmtest.dict.size", flags = "readonly")
  public static long size(Context ctx) {
    return dict(ctx).size();
  }

  /** JRMTEST.DICT.MEMORY: the tree's own memory in bytes. */
  @RedisCommand(name = "jrmtest.dict.memory", flags = "readonly")
  public static long memory(Context ctx) {
    return dict(ctx).mallocSize();
  }

  /**
   * JRMTEST.DICT.ENTRY first|last|ceiling|higher|floor|lower key: that entry as [key, value], or
   * null (first and last ignore key).
   */
  @RedisCommand(name = "jrmtest.dict.entry", flags = "readonly")
  public static List<String> entry(Context ctx, String which, String key) {
    RadixDict<String> map = dict(ctx);
    byte[] bound = bytes(key);
    Map.Entry<byte[], String> entry =
        switch (which) {
          case "first" -> map.firstEntry();
          case "last" -> map.lastEntry();
          case "ceiling" -> map.ceilingEntry(bound);
          case "higher" -> map.higherEntry(bound);
          case "floor" -> map.floorEntry(bound);
          case "lower" -> map.lowerEntry(bound);
          default -> throw new IllegalArgumentException("no entry " + which);
        };
    return entry == null ? null : flat(List.of(entry));
  }

  /** JRMTEST.DICT.RANGE from to limit: key, value, ... of the range, flat. */
  @RedisCommand(name = "jrmtest.dict.range", flags = "readonly")
  public static List<String> range(Context ctx, String from, String to, long limit) {
    return flat(dict(ctx).range(bytes(from), bytes(to), limit));
  }

  private static List<String> flat(List<Map.Entry<byte[], String>> entries) {
    List<String> flat = new ArrayList<>();
    for (Map.Entry<byte[], String> entry : entries) {
      flat.add(new String(entry.getKey(), StandardCharsets.UTF_8));
      flat.add(entry.getValue() == null ? "(null)" : entry.getValue());
    }
    return flat;
  }

  /**
   * JRMTEST.DICT.NATIVE key...: a native dictionary of the keys (the i-th holds the word i, a key
   * given twice keeps its first word), walked forwards with strings of the context, then backwards
   * with copied bytes, then from the first key greater than the first argument while keys stay
   * below the last one; replies the three walks, each as key=word, "|" between them.
   */
  @RedisCommand(name = "jrmtest.dict.native", flags = "readonly")
  public static List<String> nativeWalks(Context ctx, RedisString[] argv) {
    List<String> walks = new ArrayList<>();
    try (NativeDict words = NativeDict.create(ctx)) {
      for (int i = 1; i < argv.length; i++) { // argv[0] is the command's name
        words.set(argv[i], i - 1);
      }
      try (DictIterator it = words.iteratorStart(DictOperator.FIRST, new byte[0])) {
        for (RedisString key = it.next(ctx); key != null; key = it.next(ctx)) {
          walks.add(key + "=" + it.value());
          key.close();
        }
        walks.add("|");
        it.reseek(DictOperator.LAST, new byte[0]);
        for (byte[] key = it.prev(); key != null; key = it.prev()) {
          walks.add(new String(key, StandardCharsets.UTF_8) + "=" + it.value());
        }
        walks.add("|");
        it.reseek(DictOperator.GREATER, argv[1]);
        for (byte[] key = it.next(); key != null; key = it.next()) {
          if (!it.compare(DictOperator.LESS, argv[argv.length - 1])) {
            break;
          }
          walks.add(new String(key, StandardCharsets.UTF_8) + "=" + it.value());
        }
      }
    }
    return walks;
  }

  /** JRMTEST.DICT.CHANGED: steps an iterator after a change to its dictionary (an error). */
  @RedisCommand(name = "jrmtest.dict.changed", flags = "readonly")
  public static String changed(Context ctx) {
    try (NativeDict words = NativeDict.create(ctx)) {
      words.set(bytes("a"), 1);
      try (DictIterator it = words.iteratorStart(DictOperator.FIRST, new byte[0])) {
        words.del(bytes("a"));
        return new String(it.next(), StandardCharsets.UTF_8);
      }
    }
  }

  /** JRMTEST.DICT.AFTERCLOSE: steps an iterator whose dictionary was closed (an error). */
  @RedisCommand(name = "jrmtest.dict.afterclose", flags = "readonly")
  public static String afterClose(Context ctx) {
    NativeDict words = NativeDict.create(ctx);
    words.set(bytes("a"), 1);
    DictIterator it = words.iteratorStart(DictOperator.FIRST, new byte[0]);
    words.close();
    return new String(it.next(), StandardCharsets.UTF_8);
  }
}
