package io.jrm.it;

import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.ModuleType;
import io.jrm.ReadKey;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

/**
 * Commands over the data types of the persistence tests ({@link RichValue}, {@link CounterValue},
 * {@link AofList}): each write changes a value fetched through a key opened for writing and is
 * replicated verbatim; JRMTEST.TYPE.GET reads any of them through a key opened for reading.
 */
public final class TypeCommands {
  /** The argument of JRMTEST.TYPE.SET that sets a nullable field to null. */
  static final String NULL = "__null__";

  private TypeCommands() {}

  /** The value of {@code key}, created and stored if the key is empty. */
  private static <T> T valueOrNew(Key key, Class<T> type, java.util.function.Supplier<T> create) {
    T value = key.value(type);
    if (value == null) {
      value = create.get();
      key.setValue(value);
    }
    return value;
  }

  /** JRMTEST.TYPE.SET key field value [field value ...]: sets scalar fields of a RichValue. */
  @RedisCommand(
      name = "jrmtest.type.set",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void set(Context ctx, RedisString[] argv) {
    if (argv.length < 4 || argv.length % 2 != 0) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      RichValue value = valueOrNew(key, RichValue.class, RichValue::new);
      for (int i = 2; i < argv.length; i += 2) {
        String v = argv[i + 1].toString();
        switch (argv[i].toString()) {
          case "number" -> value.number = argv[i + 1].toLongLong();
          case "small" -> value.small = Integer.parseInt(v);
          case "tiny" -> value.tiny = Short.parseShort(v);
          case "octet" -> value.octet = Byte.parseByte(v);
          case "flag" -> value.flag = Boolean.parseBoolean(v);
          case "letter" -> value.letter = v.charAt(0);
          case "ratio" -> value.ratio = Double.parseDouble(v);
          case "weight" -> value.weight = Float.parseFloat(v);
          case "boxed" -> value.boxed = Integer.valueOf(v);
          case "text" -> value.text = v;
          case "blob" -> value.blob = argv[i + 1].bytes();
          case "shade" -> value.shade = Shade.valueOf(v);
          case "note" -> value.note = NULL.equals(v) ? null : v;
          case "label" -> value.label = v;
          default -> throw new RedisException("ERR no field " + argv[i]);
        }
      }
    }
    ctx.replyWithSimpleString("OK");
    ctx.replicateVerbatim();
  }

  /**
   * JRMTEST.TYPE.ADD key longs n... | tags t... | entry name count data weight|__null__: adds to
   * the collections of a RichValue; replies with the collection's new size.
   */
  @RedisCommand(
      name = "jrmtest.type.add",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void add(Context ctx, RedisString[] argv) {
    if (argv.length < 4) {
      ctx.wrongArity();
      return;
    }
    long size;
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      RichValue value = valueOrNew(key, RichValue.class, RichValue::new);
      switch (argv[2].toString()) {
        case "longs" -> {
          for (int i = 3; i < argv.length; i++) {
            value.longs.add(argv[i].toLongLong());
          }
          size = value.longs.size();
        }
        case "tags" -> {
          for (int i = 3; i < argv.length; i++) {
            value.tags.add(argv[i].toString());
          }
          size = value.tags.size();
        }
        case "entry" -> {
          if (argv.length != 7) {
            throw new RedisException("ERR entry name count data weight");
          }
          String weight = argv[6].toString();
          value.entries.put(
              argv[3].toString(),
              new RichEntry(
                  argv[4].toLongLong(),
                  argv[5].toString(),
                  NULL.equals(weight) ? null : Double.valueOf(weight)));
          size = value.entries.size();
        }
        default -> throw new RedisException("ERR add longs, tags or entry");
      }
    }
    ctx.replyWithLongLong(size);
    ctx.replicateVerbatim();
  }

  /** JRMTEST.TYPE.REMOVE key tags|entries member: 1 if removed, 0 if absent. */
  @RedisCommand(
      name = "jrmtest.type.remove",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void remove(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    boolean removed;
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      RichValue value = key.value(RichValue.class);
      if (value == null) {
        removed = false;
      } else if (argv[2].toString().equals("tags")) {
        removed = value.tags.remove(argv[3].toString());
      } else if (argv[2].toString().equals("entries")) {
        removed = value.entries.remove(argv[3].toString()) != null;
      } else {
        throw new RedisException("ERR remove tags or entries");
      }
    }
    ctx.replyWithLongLong(removed ? 1 : 0);
    ctx.replicateVerbatim();
  }

  /**
   * JRMTEST.TYPE.BUMP key: one step of a writer, changing several parts of a RichValue (number,
   * longs, tags, entries, text); replies with the new number.
   */
  @RedisCommand(
      name = "jrmtest.type.bump",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void bump(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    long number;
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      RichValue value = valueOrNew(key, RichValue.class, RichValue::new);
      number = ++value.number;
      value.longs.add(number);
      String tag = "t" + number % 7;
      if (!value.tags.remove(tag)) {
        value.tags.add(tag);
      }
      value.entries.put(
          "e" + number % 5,
          new RichEntry(number, "d" + number, number % 2 == 0 ? null : number / 2.0));
      value.text = "bumped " + number;
      value.flag = !value.flag;
    }
    ctx.replyWithLongLong(number);
    ctx.replicateVerbatim();
  }

  /**
   * JRMTEST.TYPE.CHURN key bytes: gives a RichValue a new blob of {@code bytes} zero bytes in place
   * of its old one, which becomes garbage while the value stays (a value that rewrites its parts);
   * replies with the blob's length.
   */
  @RedisCommand(
      name = "jrmtest.type.churn",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void churn(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      RichValue value = valueOrNew(key, RichValue.class, RichValue::new);
      value.blob = new byte[Math.toIntExact(argv[2].toLongLong())];
      ctx.replyWithLongLong(value.blob.length);
    }
  }

  /**
   * JRMTEST.TYPE.READBUMP key: adds 1 to the number of a RichValue through a key opened for reading
   * only, the mistake a module can make; replies with the new number.
   */
  @RedisCommand(
      name = "jrmtest.type.readbump",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void readBump(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    try (ReadKey key = ctx.readKey(argv[1])) {
      RichValue value = key.value(RichValue.class);
      if (value == null) {
        throw new RedisException("ERR no such key");
      }
      ctx.replyWithLongLong(++value.number);
    }
  }

  /**
   * JRMTEST.TYPE.STORETWICE first second number: stores one new RichValue of that number in both
   * keys, which JRM refuses at the second; replies OK if it did not.
   */
  @RedisCommand(
      name = "jrmtest.type.storetwice",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 2,
      keyStep = 1)
  public static void storeTwice(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    RichValue value = new RichValue();
    value.number = argv[3].toLongLong();
    try (Key first = ctx.openKey(argv[1], KeyMode.WRITE);
        Key second = ctx.openKey(argv[2], KeyMode.WRITE)) {
      first.setValue(value);
      second.setValue(value);
    }
    ctx.replyWithSimpleString("OK");
    ctx.replicateVerbatim();
  }

  /**
   * JRMTEST.TYPE.ALIAS from to: stores the RichValue of key from, the same object, in key to as
   * well, which JRM refuses; replies OK if it did not.
   */
  @RedisCommand(
      name = "jrmtest.type.alias",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 2,
      keyStep = 1)
  public static void alias(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (Key from = ctx.openKey(argv[1], KeyMode.READ_WRITE);
        Key to = ctx.openKey(argv[2], KeyMode.WRITE)) {
      RichValue value = from.value(RichValue.class);
      if (value == null) {
        throw new RedisException("ERR no such key");
      }
      to.setValue(value);
    }
    ctx.replyWithSimpleString("OK");
    ctx.replicateVerbatim();
  }

  /**
   * JRMTEST.TYPE.FILL rich|counter|aof prefix count elements: stores count values of the type at
   * prefix0..prefix(count-1), each with elements elements; replies with count.
   */
  @RedisCommand(name = "jrmtest.type.fill", flags = "write deny-oom")
  public static void fill(Context ctx, RedisString[] argv) {
    if (argv.length != 5) {
      ctx.wrongArity();
      return;
    }
    String kind = argv[1].toString();
    String prefix = argv[2].toString();
    long count = argv[3].toLongLong();
    long elements = argv[4].toLongLong();
    for (long i = 0; i < count; i++) {
      try (RedisString name = ctx.createString(prefix + i);
          Key key = ctx.openKey(name, KeyMode.READ_WRITE)) {
        key.setValue(filled(kind, i, elements));
      }
    }
    ctx.replyWithLongLong(count);
    ctx.replicateVerbatim();
  }

  private static Object filled(String kind, long i, long elements) {
    switch (kind) {
      case "rich" -> {
        RichValue value = new RichValue();
        value.number = i;
        value.text = "value " + i;
        value.shade = Shade.values()[(int) (i % 3)];
        value.note = i % 2 == 0 ? null : "odd";
        for (long e = 0; e < elements; e++) {
          value.longs.add(i * 1000 + e);
          value.tags.add("tag" + e);
        }
        value.entries.put("only", new RichEntry(i, "data" + i, null));
        return value;
      }
      case "counter" -> {
        CounterValue value = new CounterValue();
        for (long e = 0; e < elements; e++) {
          value.counts.put("c" + e, i + e);
          value.total += i + e;
        }
        return value;
      }
      case "aof" -> {
        AofList value = new AofList();
        value.seq = i;
        for (long e = 0; e < elements; e++) {
          value.items.add("item" + i + "-" + e);
        }
        return value;
      }
      default -> throw new RedisException("ERR fill rich, counter or aof");
    }
  }

  /**
   * JRMTEST.HEAP.USED: the bytes of Java heap in use after a full collection, for tests that check
   * that values do not leak.
   */
  @RedisCommand(name = "jrmtest.heap.used", flags = "readonly")
  public static void heapUsed(Context ctx, RedisString[] argv) {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    ctx.replyWithLongLong(runtime.totalMemory() - runtime.freeMemory());
  }

  /**
   * JRMTEST.HEAP.SLOW-GC-NOTIFICATIONS millis: from now on each GC notification holds the JVM's
   * notification thread for millis, as a busy machine does, so the notifications of later GCs
   * arrive late; for the test that the heap guard does not rely on them arriving in time.
   */
  @RedisCommand(name = "jrmtest.heap.slow-gc-notifications", flags = "readonly")
  public static String slowGcNotifications(Context ctx, long millis) {
    NotificationListener slow =
        (notification, handback) -> {
          try {
            Thread.sleep(millis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector).addNotificationListener(slow, null, null);
    }
    return "OK";
  }

  /**
   * JRMTEST.TYPE.GET key: "type-name:description" of the value, through a key opened for reading
   * only; null for an empty key.
   */
  @RedisCommand(
      name = "jrmtest.type.get",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void get(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      ModuleType type = key.moduleType();
      if (type == null) {
        key.value(RichValue.class); // WRONGTYPE unless the key is empty
        ctx.replyWithNull();
        return;
      }
      String description =
          switch (type.name()) {
            case "jrmtest-r" -> key.value(RichValue.class).describe();
            case "jrmtest-c" -> key.value(CounterValue.class).describe();
            case "jrmtest-a" -> key.value(AofList.class).describe();
            case "jrmtest-k" -> key.value(KeyNamedValue.class).describe();
            case "jrmtest-e" -> key.value(LongDoubleValue.class).describe();
            default -> throw new IllegalStateException("unknown type " + type);
          };
      ctx.replyWithString(type.name() + ":" + description);
    }
  }

  /** JRMTEST.CTYPE.INCR key name delta: adds delta to a counter; replies with its new count. */
  @RedisCommand(
      name = "jrmtest.ctype.incr",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void counterIncr(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    long count;
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      CounterValue value = valueOrNew(key, CounterValue.class, CounterValue::new);
      long delta = argv[3].toLongLong();
      count = value.counts.merge(argv[2].toString(), delta, Long::sum);
      value.total += delta;
    }
    ctx.replyWithLongLong(count);
    ctx.replicateVerbatim();
  }

  /** JRMTEST.ATYPE.PUSH key item...: appends items to an AofList; replies with its size. */
  @RedisCommand(
      name = "jrmtest.atype.push",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void aofPush(Context ctx, RedisString[] argv) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    long size;
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      AofList value = valueOrNew(key, AofList.class, AofList::new);
      for (int i = 2; i < argv.length; i++) {
        value.items.add(argv[i].toString());
      }
      size = value.items.size();
    }
    ctx.replyWithLongLong(size);
    ctx.replicateVerbatim();
  }

  /** JRMTEST.ATYPE.SEQ key n: sets the sequence number of an AofList. */
  @RedisCommand(
      name = "jrmtest.atype.seq",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void aofSeq(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      valueOrNew(key, AofList.class, AofList::new).seq = argv[2].toLongLong();
    }
    ctx.replyWithSimpleString("OK");
    ctx.replicateVerbatim();
  }

  /** JRMTEST.KTYPE.SET key value: sets a KeyNamedValue. */
  @RedisCommand(
      name = "jrmtest.ktype.set",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void keyNamedSet(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      valueOrNew(key, KeyNamedValue.class, KeyNamedValue::new).value = argv[2].toString();
    }
    ctx.replyWithSimpleString("OK");
    ctx.replicateVerbatim();
  }
}
