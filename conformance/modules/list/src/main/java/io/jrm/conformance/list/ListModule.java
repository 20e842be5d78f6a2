package io.jrm.conformance.list;

import static io.jrm.Key.WRONGTYPE;

import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.KeyType;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;

/**
 * The port of Redis's tests/modules/list.c (unit moduleapi/list): list elements by index. Where the
 * C module replies by errno, an empty key is WRONGTYPE (C's ENOTSUP) and an index outside the list
 * is {@link Key#INDEX_OUT_OF_BOUNDS} (EDOM).
 */
@RedisModule(name = "list")
public final class ListModule {
  private static final String REVERSE = "REVERSE";

  private ListModule() {}

  /** LIST.GETALL key [REVERSE]: every element, head first, or tail first with REVERSE. */
  @RedisCommand(name = "list.getall", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void getAll(Context ctx, RedisString[] argv) {
    if (argv.length < 2 || argv.length > 3) {
      ctx.wrongArity();
      return;
    }
    boolean reverse = argv.length == 3 && argv[2].toString().equalsIgnoreCase(REVERSE);
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      requireList(key);
      long length = key.valueLength();
      ctx.replyWithArray(length);
      for (long i = 0; i < length; i++) {
        try (RedisString element = key.listGet(reverse ? -1 - i : i)) {
          ctx.replyWithString(element);
        }
      }
    }
  }

  /**
   * LIST.EDIT key [REVERSE] cmdstr [value ...]: walks the list from the head (from the tail with
   * REVERSE) doing one edit per letter of cmdstr: {@code k} keep, {@code d} delete, {@code i}
   * insert the next value, {@code r} replace with the next value. Replies a map of the counts
   * ({@code i}, {@code d}, {@code r}), the last {@code index}, and the {@code entry} there if any.
   */
  @RedisCommand(name = "list.edit", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void edit(Context ctx, RedisString[] argv) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      requireList(key);
      int next = 2;
      boolean reverse = argv.length >= 4 && argv[next].toString().equalsIgnoreCase(REVERSE);
      if (reverse) {
        next++;
      }
      String edits = argv[next++].toString();
      long valuesNeeded = edits.chars().filter(c -> c == 'i' || c == 'r').count();
      long elementsNeeded = edits.chars().filter(c -> c == 'd' || c == 'r' || c == 'k').count();
      if (argv.length < next + valuesNeeded) {
        ctx.replyWithError("ERR too few args");
        return;
      }
      if (key.valueLength() < elementsNeeded) {
        ctx.replyWithError("ERR list too short");
        return;
      }
      long step = reverse ? -1 : 1;
      long index = reverse ? -1 : 0;
      long inserts = 0;
      long deletes = 0;
      long replaces = 0;
      for (char edit : edits.toCharArray()) {
        switch (edit) {
          case 'i' -> {
            key.listInsert(index, argv[next++]);
            index += step;
            inserts++;
          }
          case 'd' -> {
            key.listDelete(index);
            deletes++;
          }
          case 'r' -> {
            key.listSet(index, argv[next++]);
            index += step;
            replaces++;
          }
          case 'k' -> index += step;
          default -> {} // C skips other letters
        }
      }
      long length = key.valueLength();
      boolean hasEntry = index >= -length && index < length;
      ctx.replyWithMap(hasEntry ? 5 : 4);
      ctx.replyWithString("i");
      ctx.replyWithLongLong(inserts);
      ctx.replyWithString("d");
      ctx.replyWithLongLong(deletes);
      ctx.replyWithString("r");
      ctx.replyWithLongLong(replaces);
      ctx.replyWithString("index");
      ctx.replyWithLongLong(index);
      if (hasEntry) {
        ctx.replyWithString("entry");
        try (RedisString entry = key.listGet(index)) {
          ctx.replyWithString(entry);
        }
      }
    }
  }

  /** LIST.GET key index: the element at index. */
  @RedisCommand(name = "list.get", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void get(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    long index = index(argv[2]);
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      requireList(key);
      try (RedisString element = key.listGet(index)) {
        ctx.replyWithString(element);
      }
    }
  }

  /** LIST.SET key index value: replaces the element at index; replies OK. */
  @RedisCommand(name = "list.set", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void set(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    long index = index(argv[2]);
    try (Key key = ctx.openKey(argv[1], KeyMode.WRITE)) {
      requireList(key);
      key.listSet(index, argv[3]);
      ctx.replyWithSimpleString("OK");
    }
  }

  /**
   * LIST.INSERT key index value: inserts before the element at a non-negative index, after the one
   * at a negative index; 0 or -1 on an empty key creates the list. Replies OK.
   */
  @RedisCommand(name = "list.insert", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void insert(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    long index = index(argv[2]);
    try (Key key = ctx.openKey(argv[1], KeyMode.WRITE)) {
      if (index != 0 && index != -1) {
        requireList(key);
      }
      key.listInsert(index, argv[3]);
      ctx.replyWithSimpleString("OK");
    }
  }

  /** LIST.DELETE key index: removes the element at index; replies OK. */
  @RedisCommand(name = "list.delete", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void delete(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    long index = index(argv[2]);
    try (Key key = ctx.openKey(argv[1], KeyMode.WRITE)) {
      requireList(key);
      key.listDelete(index);
      ctx.replyWithSimpleString("OK");
    }
  }

  /** C's list functions fail with ENOTSUP on an empty key as on another type. */
  private static void requireList(Key key) {
    if (key.type() != KeyType.LIST) {
      throw new RedisException(WRONGTYPE);
    }
  }

  private static long index(RedisString argument) {
    try {
      return argument.toLongLong();
    } catch (RedisException notANumber) {
      throw new RedisException("ERR index must be a number");
    }
  }
}
