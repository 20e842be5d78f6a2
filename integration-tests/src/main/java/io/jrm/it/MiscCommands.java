package io.jrm.it;

import io.jrm.ClientInfo;
import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.KeyOpenFlag;
import io.jrm.RedisString;
import io.jrm.WriteKey;
import io.jrm.annotations.RedisCommand;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Commands of the jrmtest module ({@code JRMTEST.MISC.*}) for {@code MiscApiIT}: unsigned and long
 * double strings, LRU/LFU, clients by id, resetting the data set.
 */
public final class MiscCommands {
  private MiscCommands() {}

  /** JRMTEST.MISC.UNSIGNED text: [text read as unsigned and written back, the same bits signed]. */
  @RedisCommand(name = "jrmtest.misc.unsigned", flags = "readonly")
  public static void unsigned(Context ctx, RedisString text) {
    long bits = text.toULongLong();
    try (RedisString written = ctx.createStringUnsigned(bits)) {
      ctx.replyWithArray(2);
      ctx.replyWithString(written);
      ctx.replyWithLongLong(bits);
    }
  }

  /** JRMTEST.MISC.LONGDOUBLE text: the exact value of text as a long double, in plain decimal. */
  @RedisCommand(name = "jrmtest.misc.longdouble", flags = "readonly")
  public static void longDouble(Context ctx, RedisString text) {
    ctx.replyWithString(text.toLongDouble().toPlainString());
  }

  /**
   * JRMTEST.MISC.CLOCKS key idle freq: sets the key's LRU idle time and LFU counter (what the
   * policy keeps), then replies [lru set, lfu set, lru or -1, lfu or -1], the key untouched.
   */
  @RedisCommand(name = "jrmtest.misc.clocks", flags = "readonly")
  public static void clocks(Context ctx, RedisString name, long idle, long freq) {
    try (Key key = ctx.openKey(name, KeyMode.READ, KeyOpenFlag.NOTOUCH)) {
      boolean lruSet = key.setLru(idle);
      boolean lfuSet = key.setLfu(freq);
      OptionalLong lru = key.lru();
      OptionalLong lfu = key.lfu();
      ctx.replyWithArray(4);
      ctx.replyWithLongLong(lruSet ? 1 : 0);
      ctx.replyWithLongLong(lfuSet ? 1 : 0);
      ctx.replyWithLongLong(lru.orElse(-1));
      ctx.replyWithLongLong(lfu.orElse(-1));
    }
  }

  /**
   * JRMTEST.MISC.CLIENT id: [flags of client id in order, its db, its address, its name or null],
   * or null when there is no such client.
   */
  @RedisCommand(name = "jrmtest.misc.client", flags = "readonly")
  public static void client(Context ctx, long id) {
    Optional<ClientInfo> found = ctx.clientInfoById(id);
    if (found.isEmpty()) {
      ctx.replyWithNull();
      return;
    }
    ClientInfo info = found.get();
    ctx.replyWithArray(4);
    ctx.replyWithString(info.flags().toString());
    ctx.replyWithLongLong(info.db());
    ctx.replyWithString(info.address());
    Optional<RedisString> name = ctx.clientNameById(id);
    if (name.isEmpty()) {
      ctx.replyWithNull();
      return;
    }
    try (RedisString text = name.get()) {
      ctx.replyWithString(text);
    }
  }

  /** JRMTEST.MISC.SETNAME name: names the caller; 1 if Redis took the name, else 0. */
  @RedisCommand(name = "jrmtest.misc.setname", flags = "readonly")
  public static void setName(Context ctx, RedisString name) {
    ctx.replyWithLongLong(ctx.setClientNameById(ctx.clientId(), name) ? 1 : 0);
  }

  /** JRMTEST.MISC.RESET: empties every database as FLUSHALL does (ResetDataset). */
  @RedisCommand(name = "jrmtest.misc.reset", flags = "write")
  public static void reset(Context ctx) {
    ctx.resetDataset(false, false);
    ctx.replyWithSimpleString("OK");
  }

  /** JRMTEST.MISC.UNLINK key: [whether it had a value, whether it exists afterwards]. */
  @RedisCommand(name = "jrmtest.misc.unlink", flags = "write")
  public static void unlink(Context ctx, RedisString name) {
    try (WriteKey key = ctx.writeKey(name)) {
      boolean existed = key.unlink();
      ctx.replyWithArray(2);
      ctx.replyWithLongLong(existed ? 1 : 0);
      ctx.replyWithLongLong(ctx.keyExists(name) ? 1 : 0);
    }
  }

  /** JRMTEST.MISC.EXPIREAT key unix-ms: sets the key's expiry time, replies what the key reads. */
  @RedisCommand(name = "jrmtest.misc.expireat", flags = "write")
  public static void expireAt(Context ctx, RedisString name, long unixMillis) {
    try (WriteKey key = ctx.writeKey(name)) {
      key.setAbsExpire(unixMillis);
      ctx.replyWithLongLong(key.absExpire());
    }
  }

  /** JRMTEST.MISC.SIGNAL key: tells Redis the key changed, without changing it. */
  @RedisCommand(name = "jrmtest.misc.signal", flags = "write")
  public static void signal(Context ctx, RedisString name) {
    ctx.signalModifiedKey(name);
    ctx.replyWithSimpleString("OK");
  }

  /** JRMTEST.MISC.PUBLISH channel message: [receivers on the channel, on the shard channel]. */
  @RedisCommand(name = "jrmtest.misc.publish", flags = "readonly")
  public static void publish(Context ctx, RedisString channel, RedisString message) {
    ctx.replyWithArray(2);
    ctx.replyWithLongLong(ctx.publishMessage(channel, message));
    ctx.replyWithLongLong(ctx.publishMessageShard(channel, message));
  }

  /** JRMTEST.MISC.DOUBLE value: the value as Redis writes a double, appended to and trimmed. */
  @RedisCommand(name = "jrmtest.misc.double", flags = "readonly")
  public static void writeDouble(Context ctx, double value) {
    try (RedisString text = ctx.createString(value)) {
      text.append("!");
      text.trimStringAllocation();
      ctx.replyWithString(text);
    }
  }

  /** JRMTEST.MISC.SPIN millis: runs for millis, yielding with clients answered BUSY; replies OK. */
  @RedisCommand(name = "jrmtest.misc.spin", flags = "readonly")
  public static void spin(Context ctx, long millis) {
    long end = ctx.milliseconds() + millis;
    // Bounded twice: by the clock, and by a count no spin of a test reaches.
    for (long i = 0; i < 1_000_000_000L && ctx.milliseconds() < end; i++) {
      ctx.yield(true, "jrmtest is spinning");
    }
    ctx.replyWithSimpleString("OK");
  }

  /**
   * JRMTEST.MISC.SERVER: [the caller's ACL user, used memory ratio * 1000 rounded, whether
   * GetContextFlagsAll knows MULTI], and records a 150 ms latency sample "jrmtest-event".
   */
  @RedisCommand(name = "jrmtest.misc.server", flags = "readonly")
  public static void server(Context ctx) {
    ctx.latencyAddSample("jrmtest-event", 150);
    ctx.replyWithArray(3);
    try (RedisString user = ctx.clientUserNameById(ctx.clientId()).orElseThrow()) {
      ctx.replyWithString(user);
    }
    ctx.replyWithLongLong(Math.round(ctx.usedMemoryRatio() * 1000));
    ctx.replyWithLongLong(ctx.contextFlagsAll().contains(io.jrm.ContextFlag.MULTI) ? 1 : 0);
  }
}
