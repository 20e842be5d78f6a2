package io.jrm.example;

import io.jrm.Context;
import io.jrm.ReadKey;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.SimpleString;
import io.jrm.WriteKey;
import io.jrm.annotations.KeyName;
import io.jrm.annotations.RedisCommand;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code HELLOTOPK.*} commands over {@link TopK}, a top-K heavy-hitters counter: a data type of
 * your own, from commands to persistence, in the shape Redis users expect.
 *
 * <pre>
 * HELLOTOPK.RESERVE key k                    creates a counter that tracks at most k items
 * HELLOTOPK.ADD key item [increment]         counts item (creating an exact counter if need be)
 * HELLOTOPK.COUNT key item                   the item's estimated count
 * HELLOTOPK.LIST key [WITHCOUNTS] [LIMIT n]  the items, most frequent first
 * HELLOTOPK.INFO key                         capacity, items, ignored, total
 * HELLOTOPK.IGNORE key item [item ...]       stops counting these items
 * HELLOTOPK.RESET key                        forgets the counts
 * </pre>
 *
 * <p>What every command does, as a pattern to copy:
 *
 * <ul>
 *   <li>Its typed parameters say what it takes, the key marked {@link KeyName}, so the generated
 *       code checks the arity first ({@code ERR wrong number of arguments for 'hellotopk.add'
 *       command}), and returns what the handler returns as its reply.
 *   <li>It opens the key and asks for the value with {@link ReadKey#value(Class)}, which throws
 *       {@code WRONGTYPE} for a key of another type, before it parses any other argument: as for
 *       Redis's own commands, the wrong type is reported first. That is why numbers are {@code
 *       RedisString} parameters, parsed by the handler: a {@code long} parameter would be parsed
 *       before the handler runs.
 *   <li>Arguments that do not parse fail with an error that names them, and change nothing: a
 *       failing write creates no key.
 *   <li>Readers open the key with {@link Context#readKey}, whose {@link ReadKey} has no write, and
 *       never change the value they get (replicas and the AOF would not see it); writers open it
 *       with {@link Context#writeKey}, which tells JRM to serialize the value again before the next
 *       fork.
 *   <li>Writers call {@link Context#replicateVerbatim()} once they have succeeded, so that replicas
 *       and the AOF run the same command. The commands are deterministic (no clock, no randomness,
 *       ties broken by insertion order, which persists), so a replica ends up with the same value,
 *       byte for byte.
 * </ul>
 *
 * <p>Items are text: an item that is not valid UTF-8 is refused ({@code ERR item is not valid
 * UTF-8}), since the value keeps items as Java strings.
 */
public final class TopKCommands {
  private TopKCommands() {}

  private static final String NOT_AN_INCREMENT = "ERR increment must be a positive integer";
  private static final String NOT_A_CAPACITY =
      "ERR capacity must be an integer from 1 to " + TopK.MAX_CAPACITY;

  /**
   * {@code HELLOTOPK.RESERVE key k}: creates an empty counter that tracks at most {@code k} items,
   * 1 to 100000. Replies {@code OK}.
   *
   * <p>Errors: {@code ERR key already exists} when the key holds a counter, {@code WRONGTYPE} when
   * it holds another type, {@code ERR capacity must be an integer from 1 to 100000}.
   */
  @RedisCommand(name = "hellotopk.reserve", flags = "write deny-oom")
  public static SimpleString reserve(
      Context ctx, @KeyName RedisString keyName, RedisString capacityArg) {
    try (WriteKey key = ctx.writeKey(keyName)) {
      if (key.value(TopK.class) != null) {
        throw new RedisException("ERR key already exists");
      }
      long capacity = parseLong(capacityArg, NOT_A_CAPACITY);
      if (capacity < 1 || capacity > TopK.MAX_CAPACITY) {
        throw new RedisException(NOT_A_CAPACITY);
      }
      key.setValue(new TopK((int) capacity));
    }
    ctx.replicateVerbatim();
    return SimpleString.OK;
  }

  /**
   * {@code HELLOTOPK.ADD key item [increment]}: counts {@code increment} (a positive integer, 1 by
   * default) more occurrences of {@code item}, creating an exact counter (no capacity) on an empty
   * key. Replies with the item's new estimated count, or 0 for an ignored item.
   *
   * <p>Errors: {@code WRONGTYPE}; {@code ERR increment must be a positive integer}; {@code ERR
   * increment would overflow the count} past 2^63-1; {@code ERR item is not valid UTF-8}.
   */
  @RedisCommand(name = "hellotopk.add", flags = "write deny-oom")
  public static long add(
      Context ctx,
      @KeyName RedisString keyName,
      RedisString itemArg,
      Optional<RedisString> incrementArg) {
    long count;
    try (WriteKey key = ctx.writeKey(keyName)) {
      TopK topK = key.value(TopK.class);
      String item = item(itemArg);
      long increment =
          incrementArg.isPresent() ? parseLong(incrementArg.get(), NOT_AN_INCREMENT) : 1;
      if (increment < 1) {
        throw new RedisException(NOT_AN_INCREMENT);
      }
      boolean created = topK == null;
      if (created) {
        topK = new TopK();
      }
      try {
        count = topK.add(item, increment);
      } catch (ArithmeticException overflow) {
        throw new RedisException("ERR increment would overflow the count");
      }
      if (created) {
        key.setValue(topK); // only now: a failed first ADD leaves no empty key behind
      }
    }
    ctx.replicateVerbatim();
    return count;
  }

  /**
   * {@code HELLOTOPK.COUNT key item}: the estimated count of {@code item}, 0 when it is not tracked
   * or the key is missing.
   */
  @RedisCommand(name = "hellotopk.count", flags = "readonly fast")
  public static long count(Context ctx, @KeyName RedisString keyName, RedisString itemArg) {
    try (ReadKey key = ctx.readKey(keyName)) {
      TopK topK = key.value(TopK.class);
      String item = item(itemArg);
      return topK == null ? 0 : topK.count(item);
    }
  }

  /**
   * {@code HELLOTOPK.LIST key [WITHCOUNTS] [LIMIT n]}: the tracked items, most frequent first, ties
   * in item order; with {@code WITHCOUNTS}, each item followed by its count (as {@code ZRANGE ...
   * WITHSCORES}); with {@code LIMIT n}, the first {@code n} only. Options in any order. An empty
   * array for a missing key.
   *
   * <p>Errors: {@code WRONGTYPE}; {@code ERR syntax error} for an unknown option or a {@code LIMIT}
   * without its number; {@code ERR LIMIT must be a non-negative integer}.
   */
  @RedisCommand(name = "hellotopk.list", flags = "readonly")
  public static List<Object> list(
      Context ctx, @KeyName RedisString keyName, RedisString... options) {
    try (ReadKey key = ctx.readKey(keyName)) {
      TopK topK = key.value(TopK.class);
      boolean withCounts = false;
      long limit = Long.MAX_VALUE;
      for (int i = 0; i < options.length; i++) {
        String option = options[i].toString();
        if (option.equalsIgnoreCase("WITHCOUNTS")) {
          withCounts = true;
        } else if (option.equalsIgnoreCase("LIMIT") && i + 1 < options.length) {
          limit = parseLong(options[++i], "ERR LIMIT must be a non-negative integer");
          if (limit < 0) {
            throw new RedisException("ERR LIMIT must be a non-negative integer");
          }
        } else {
          throw new RedisException("ERR syntax error");
        }
      }
      List<Map.Entry<String, TopKCounter>> ranking = topK == null ? List.of() : topK.ranking();
      int length = (int) Math.min(limit, ranking.size());
      List<Object> reply = new ArrayList<>(withCounts ? 2 * length : length);
      for (Map.Entry<String, TopKCounter> entry : ranking.subList(0, length)) {
        reply.add(entry.getKey());
        if (withCounts) {
          reply.add(entry.getValue().count);
        }
      }
      return reply;
    }
  }

  /**
   * {@code HELLOTOPK.INFO key}: {@code capacity} (0 for none), {@code items} (tracked), {@code
   * ignored} and {@code total} (every increment counted since creation or reset), as a map of names
   * to integers (on RESP2, a flat array of names and integers).
   *
   * <p>Errors: {@code WRONGTYPE}; {@code ERR no such key}.
   */
  @RedisCommand(name = "hellotopk.info", flags = "readonly fast")
  public static Map<String, Long> info(Context ctx, @KeyName RedisString keyName) {
    try (ReadKey key = ctx.readKey(keyName)) {
      TopK topK = key.value(TopK.class);
      if (topK == null) {
        throw new RedisException("ERR no such key");
      }
      Map<String, Long> info = new LinkedHashMap<>(); // the reply keeps this order
      info.put("capacity", (long) topK.capacity);
      info.put("items", (long) topK.counters.size());
      info.put("ignored", (long) topK.ignored.size());
      info.put("total", topK.total);
      return info;
    }
  }

  /**
   * {@code HELLOTOPK.IGNORE key item [item ...]}: stops counting the items: drops their counters
   * (the total keeps what they counted) and makes {@code HELLOTOPK.ADD} skip them. Creates an exact
   * counter on an empty key. Replies with the number of items not ignored before.
   *
   * <p>Errors: {@code WRONGTYPE}; {@code ERR item is not valid UTF-8}.
   */
  @RedisCommand(name = "hellotopk.ignore", flags = "write deny-oom")
  public static long ignore(
      Context ctx, @KeyName RedisString keyName, RedisString first, RedisString... more) {
    long added = 0;
    try (WriteKey key = ctx.writeKey(keyName)) {
      TopK topK = key.value(TopK.class);
      // All parsed before anything changes.
      List<String> items = new ArrayList<>(1 + more.length);
      items.add(item(first));
      for (RedisString arg : more) {
        items.add(item(arg));
      }
      if (topK == null) {
        topK = new TopK();
        key.setValue(topK);
      }
      for (String item : items) {
        if (topK.ignore(item)) {
          added++;
        }
      }
    }
    ctx.replicateVerbatim();
    return added;
  }

  /**
   * {@code HELLOTOPK.RESET key}: forgets every count and the total, keeping the capacity and the
   * ignored items. Replies with the number of counters dropped, 0 for a missing key (which stays
   * missing).
   *
   * <p>Errors: {@code WRONGTYPE}.
   */
  @RedisCommand(name = "hellotopk.reset", flags = "write")
  public static long reset(Context ctx, @KeyName RedisString keyName) {
    int dropped;
    try (WriteKey key = ctx.writeKey(keyName)) {
      TopK topK = key.value(TopK.class);
      dropped = topK == null ? 0 : topK.reset();
    }
    ctx.replicateVerbatim();
    return dropped;
  }

  /** An integer argument, or the error {@code message}. */
  private static long parseLong(RedisString arg, String message) {
    try {
      return arg.toLongLong();
    } catch (RedisException notAnInteger) {
      throw new RedisException(message);
    }
  }

  /** An item: the argument's bytes as UTF-8, refused when they are not valid UTF-8. */
  private static String item(RedisString arg) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(arg.bytes()))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      throw new RedisException("ERR item is not valid UTF-8");
    }
  }
}
