package io.jrm.it;

import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;

/**
 * Commands over {@link TrackedValue}: the version-4 type methods, ModuleTypeReplaceValue, values to
 * and from strings, and the key names and databases Redis gives a key and a load.
 */
public final class TypeMethodCommands {
  private TypeMethodCommands() {}

  /** JRMTEST.TRACKED.SET key text effort. */
  @RedisCommand(
      name = "jrmtest.tracked.set",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void set(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    TrackedValue value = new TrackedValue();
    value.text = argv[2].toString();
    value.effort = argv[3].toLongLong();
    try (Key key = ctx.openKey(argv[1], KeyMode.WRITE)) {
      key.setValue(value);
    }
    ctx.replyWithSimpleString("OK");
  }

  /** JRMTEST.TRACKED.GET key: [text, where it was loaded for], or null for an empty key. */
  @RedisCommand(name = "jrmtest.tracked.get", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void get(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      TrackedValue value = key.value(TrackedValue.class);
      if (value == null) {
        ctx.replyWithNull();
        return;
      }
      ctx.replyWithArray(2);
      ctx.replyWithString(value.text);
      ctx.replyWithString(value.loadedFor);
    }
  }

  /** JRMTEST.TRACKED.LASTUNLINK: db:key of the last value whose key left the keyspace. */
  @RedisCommand(name = "jrmtest.tracked.lastunlink")
  public static void lastUnlink(Context ctx, RedisString[] argv) {
    ctx.replyWithString(TrackedValue.lastUnlinked);
  }

  /** JRMTEST.TRACKED.FREED: what the free method of each value Redis freed recorded, in order. */
  @RedisCommand(name = "jrmtest.tracked.freed")
  public static void freed(Context ctx, RedisString[] argv) {
    String[] entries = TrackedValue.freed.toArray(String[]::new);
    ctx.replyWithArray(entries.length);
    for (String entry : entries) {
      ctx.replyWithString(entry);
    }
  }

  /**
   * JRMTEST.TRACKED.REPLACE key text: replaces the key's value with a new one of {@code text}
   * (ModuleTypeReplaceValue), stores the old one in {@code <key>:old}, replies the old text.
   */
  @RedisCommand(
      name = "jrmtest.tracked.replace",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void replace(Context ctx, RedisString[] argv) {
    TrackedValue value = new TrackedValue();
    value.text = argv[2].toString();
    TrackedValue old;
    try (Key key = ctx.openKey(argv[1], KeyMode.WRITE)) {
      old = key.replaceValue(value);
    }
    try (Key key = ctx.openKey(ctx.createString(argv[1] + ":old"), KeyMode.WRITE)) {
      key.setValue(old); // free to store: the replaced value is in no key
    }
    ctx.replyWithString(old.text);
  }

  /** JRMTEST.TRACKED.DUMP key: SaveDataTypeToString of the key's value. */
  @RedisCommand(name = "jrmtest.tracked.dump", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void dump(Context ctx, RedisString[] argv) {
    TrackedValue value;
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      value = key.value(TrackedValue.class);
    }
    if (value == null) {
      throw new RedisException("ERR no such key");
    }
    try (RedisString dumped = ctx.saveDataTypeToString(value)) {
      ctx.replyWithString(dumped);
    }
  }

  /** JRMTEST.TRACKED.DUMPNEW text: SaveDataTypeToString of a value in no key. */
  @RedisCommand(name = "jrmtest.tracked.dumpnew")
  public static void dumpNew(Context ctx, RedisString[] argv) {
    TrackedValue value = new TrackedValue();
    value.text = argv[1].toString();
    try (RedisString dumped = ctx.saveDataTypeToString(value)) {
      ctx.replyWithString(dumped);
    }
  }

  /** JRMTEST.TRACKED.LOAD key dumped: LoadDataTypeFromString into the key, or an error. */
  @RedisCommand(
      name = "jrmtest.tracked.load",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void load(Context ctx, RedisString[] argv) {
    TrackedValue value = ctx.loadDataType(argv[2], TrackedValue.class);
    if (value == null) {
      throw new RedisException("ERR corrupt data");
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.WRITE)) {
      key.setValue(value);
    }
    ctx.replyWithSimpleString("OK");
  }

  /**
   * JRMTEST.TRACKED.KEYNAME key: db:key as the open key tells them, and the type method version.
   */
  @RedisCommand(name = "jrmtest.tracked.keyname", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void keyName(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.WRITE)) {
      ctx.replyWithString(key.dbId() + ":" + key.keyName() + " v" + ctx.typeMethodVersion());
    }
  }
}
