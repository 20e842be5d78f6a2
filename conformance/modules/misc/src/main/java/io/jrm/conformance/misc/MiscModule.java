package io.jrm.conformance.misc;

import io.jrm.CallReply;
import io.jrm.ClientInfo;
import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.KeyOpenFlag;
import io.jrm.KeyType;
import io.jrm.LogLevel;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.ThreadSafeContext;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The port of Redis's tests/modules/misc.c, for unit moduleapi/misc: calls, string conversions, the
 * data set, LRU/LFU, clients by id, logging from a detached context.
 */
@RedisModule(name = "misc")
public final class MiscModule {
  private MiscModule() {}

  /** TEST.CALL_GENERIC command [arg...]: runs the command and replies its reply. */
  @RedisCommand(name = "test.call_generic")
  public static void callGeneric(Context ctx, RedisString[] argv) {
    if (argv.length < 2) {
      ctx.wrongArity();
      return;
    }
    replyWithCall(ctx, "", argv[1].toString(), Arrays.copyOfRange(argv, 2, argv.length));
  }

  /** TEST.CALL_INFO [section]: INFO, of one section when given. */
  @RedisCommand(name = "test.call_info")
  public static void callInfo(Context ctx, RedisString[] argv) {
    Object[] section = argv.length > 1 ? new Object[] {argv[1]} : new Object[0];
    replyWithCall(ctx, "", "info", section);
  }

  /** TEST.RM_CALL command [arg...]: as TEST.CALL_GENERIC, errors of the command as replies. */
  @RedisCommand(name = "test.rm_call", flags = "allow-stale")
  public static void rmCall(Context ctx, RedisString[] argv) {
    if (argv.length < 2) {
      ctx.wrongArity();
      return;
    }
    replyWithCall(ctx, "", argv[1].toString(), Arrays.copyOfRange(argv, 2, argv.length));
  }

  /** TEST.RM_CALL_FLAGS flags command [arg...]: TEST.RM_CALL with Call's format flags. */
  @RedisCommand(name = "test.rm_call_flags", flags = "allow-stale")
  public static void rmCallFlags(Context ctx, RedisString[] argv) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    replyWithCall(
        ctx, argv[1].toString(), argv[2].toString(), Arrays.copyOfRange(argv, 3, argv.length));
  }

  /** Runs {@code command} (errors of the command come back as error replies) and forwards it. */
  private static void replyWithCall(Context ctx, String flags, String command, Object[] args) {
    try (CallReply reply = ctx.callWithFlags(flags, command, args)) {
      ctx.replyWithCallReply(reply);
    }
  }

  /** TEST.LD_CONVERSION: a long double to a string and back. */
  @RedisCommand(name = "test.ld_conversion")
  public static void ldConversion(Context ctx, RedisString[] argv) {
    String text = "0.00000000000000001";
    // CreateStringFromLongDouble(ld, humanfriendly) and ReplyWithLongDouble are not bound (a long
    // double passed by value has no FFM or JNA form): Redis's human-friendly form, %.17Lf without
    // its trailing zeros, is written here instead.
    BigDecimal expected = new BigDecimal(text);
    try (RedisString s1 = ctx.createString(humanFriendly(expected));
        RedisString s2 = ctx.createString(text)) {
      if (s1.compareTo(s2) != 0) {
        ctx.replyWithError(
            "Failed to convert long double to string ('" + s1 + "' != '" + s2 + "')");
        return;
      }
      BigDecimal ld2;
      try {
        ld2 = s2.toLongDouble();
      } catch (RedisException e) {
        ctx.replyWithError("Failed to convert string to long double");
        return;
      }
      // A long double holds 64 bits of significand, about 19 digits: the nearest to 1e-17.
      if (ld2.round(new MathContext(18)).compareTo(expected) != 0) {
        ctx.replyWithError("Failed to convert string to long double (" + ld2 + " != " + text + ")");
        return;
      }
      try (RedisString s3 = ctx.createString(new byte[] {'1', 0, '3'})) {
        s3.toLongDouble();
        ctx.replyWithError("Invalid string successfully converted to long double");
        return;
      } catch (RedisException expectedFailure) {
        // a string with a NUL in it is no number
      }
      ctx.replyWithString(humanFriendly(ld2));
    }
  }

  /** Redis's human-friendly long double: 17 decimals, trailing zeros (and point) dropped. */
  private static String humanFriendly(BigDecimal value) {
    String fixed = value.setScale(17, RoundingMode.HALF_EVEN).toPlainString();
    return fixed.contains(".") ? fixed.replaceAll("0+$", "").replaceAll("\\.$", "") : fixed;
  }

  /** TEST.ULL_CONVERSION: an unsigned long long to a string and back, out-of-range refused. */
  @RedisCommand(name = "test.ull_conversion")
  public static void ullConversion(Context ctx, RedisString[] argv) {
    long ull = -1L; // 18446744073709551615, all 64 bits set
    String text = "18446744073709551615";
    try (RedisString s1 = ctx.createStringUnsigned(ull);
        RedisString s2 = ctx.createString(text)) {
      if (s1.compareTo(s2) != 0) {
        ctx.replyWithError(
            "Failed to convert unsigned long long to string ('" + s1 + "' != '" + s2 + "')");
        return;
      }
      long ull2;
      try {
        ull2 = s2.toULongLong();
      } catch (RedisException e) {
        ctx.replyWithError("Failed to convert string to unsigned long long");
        return;
      }
      if (ull2 != ull) {
        ctx.replyWithError(
            "Failed to convert string to unsigned long long ("
                + Long.toUnsignedString(ull2)
                + " != "
                + text
                + ")");
        return;
      }
      for (String outOfRange : new String[] {"18446744073709551616", "-1"}) {
        if (convertsUnsigned(ctx, outOfRange)) {
          ctx.replyWithError("Invalid string successfully converted to unsigned long long");
          return;
        }
      }
      ctx.replyWithSimpleString("ok");
    }
  }

  private static boolean convertsUnsigned(Context ctx, String text) {
    try (RedisString s = ctx.createString(text)) {
      s.toULongLong();
      return true;
    } catch (RedisException refused) {
      return false;
    }
  }

  /** TEST.FLUSHALL: ResetDataset, AOF restarted, synchronously. */
  @RedisCommand(name = "test.flushall")
  public static void flushAll(Context ctx, RedisString[] argv) {
    ctx.resetDataset(true, false);
    ctx.replyWithString("Ok");
  }

  /** TEST.DBSIZE: the keys of the selected database. */
  @RedisCommand(name = "test.dbsize")
  public static void dbSize(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(ctx.dbSize());
  }

  /** TEST.RANDOMKEY: a random key's name, null in an empty database. */
  @RedisCommand(name = "test.randomkey")
  public static void randomKey(Context ctx, RedisString[] argv) {
    Optional<RedisString> key = ctx.randomKey();
    if (key.isEmpty()) {
      ctx.replyWithNull();
      return;
    }
    try (RedisString name = key.get()) {
      ctx.replyWithString(name);
    }
  }

  /** TEST.KEYEXISTS key: whether it exists, without touching it. */
  @RedisCommand(name = "test.keyexists", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void keyExists(Context ctx, RedisString[] argv) {
    if (argv.length < 2) {
      ctx.wrongArity();
      return;
    }
    ctx.replyWithBool(ctx.keyExists(argv[1]));
  }

  /** TEST.SETLRU key idle-ms: 1 if the idle time was set (an LRU policy), else 0. */
  @RedisCommand(name = "test.setlru")
  public static void setLru(Context ctx, RedisString[] argv) {
    setClock(ctx, argv, "invalid idle time", true);
  }

  /** TEST.GETLRU key: the idle time in ms, -1 under an LFU policy. */
  @RedisCommand(name = "test.getlru")
  public static void getLru(Context ctx, RedisString[] argv) {
    getClock(ctx, argv, Key::lru);
  }

  /** TEST.SETLFU key freq: 1 if the frequency was set (an LFU policy), else 0. */
  @RedisCommand(name = "test.setlfu")
  public static void setLfu(Context ctx, RedisString[] argv) {
    setClock(ctx, argv, "invalid freq", false);
  }

  /** TEST.GETLFU key: the access frequency, -1 under an LRU policy. */
  @RedisCommand(name = "test.getlfu")
  public static void getLfu(Context ctx, RedisString[] argv) {
    getClock(ctx, argv, Key::lfu);
  }

  private static void getClock(
      Context ctx, RedisString[] argv, java.util.function.Function<Key, OptionalLong> clock) {
    if (argv.length < 2) {
      ctx.wrongArity();
      return;
    }
    try (Key key = untouched(ctx, argv[1])) {
      if (key != null) {
        ctx.replyWithLongLong(clock.apply(key).orElse(-1));
      }
    }
  }

  private static void setClock(Context ctx, RedisString[] argv, String invalid, boolean lru) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    try (Key key = untouched(ctx, argv[1])) {
      if (key == null) {
        return;
      }
      long value;
      try {
        value = argv[2].toLongLong();
      } catch (RedisException notANumber) {
        ctx.replyWithError(invalid);
        return;
      }
      boolean set = lru ? key.setLru(value) : key.setLfu(value);
      ctx.replyWithLongLong(set ? 1 : 0);
    }
  }

  /** The key opened to read without touching it, or null after replying that it is missing. */
  private static Key untouched(Context ctx, RedisString name) {
    Key key = ctx.openKey(name, KeyMode.READ, KeyOpenFlag.NOTOUCH);
    if (key.type() == KeyType.EMPTY) {
      key.close();
      ctx.replyWithError("key not found");
      return null;
    }
    return key;
  }

  /** TEST.CLIENTINFO: flags, id, addr, port and db of the calling client. */
  @RedisCommand(name = "test.clientinfo")
  public static void clientInfo(Context ctx, RedisString[] argv) {
    Optional<ClientInfo> found = ctx.clientInfoById(ctx.clientId());
    if (found.isEmpty()) {
      ctx.replyWithError("failed to get client info");
      return;
    }
    ClientInfo info = found.get();
    StringBuilder flags = new StringBuilder();
    for (ClientInfo.Flag flag : ClientInfo.Flag.values()) {
      if (flag.ordinal() > 0) {
        flags.append(':');
      }
      if (info.flags().contains(flag)) {
        flags.append(flag.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    ctx.replyWithArray(10);
    ctx.replyWithString("flags");
    ctx.replyWithString(flags.toString());
    ctx.replyWithString("id");
    ctx.replyWithLongLong(info.id());
    ctx.replyWithString("addr");
    ctx.replyWithString(info.address());
    ctx.replyWithString("port");
    ctx.replyWithLongLong(info.port());
    ctx.replyWithString("db");
    ctx.replyWithLongLong(info.db());
  }

  /** TEST.GETNAME: the calling client's name. */
  @RedisCommand(name = "test.getname")
  public static void getName(Context ctx, RedisString[] argv) {
    if (argv.length != 1) {
      ctx.wrongArity();
      return;
    }
    Optional<RedisString> name = ctx.clientNameById(ctx.clientId());
    if (name.isEmpty()) {
      ctx.replyWithError("-ERR No name");
      return;
    }
    try (RedisString found = name.get()) {
      ctx.replyWithString(found);
    }
  }

  /** TEST.SETNAME name: names the calling client. */
  @RedisCommand(name = "test.setname")
  public static void setName(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    if (ctx.setClientNameById(ctx.clientId(), argv[1])) {
      ctx.replyWithSimpleString("OK");
    } else {
      // The caller's own client exists, so Redis refused the name: C's strerror(EINVAL).
      ctx.replyWithError("Invalid argument");
    }
  }

  /** TEST.REDISVERSION: major.minor.patch of the running server. */
  @RedisCommand(name = "test.redisversion")
  public static void redisVersion(Context ctx, RedisString[] argv) {
    int version = ctx.serverVersion();
    ctx.replyWithString(
        (version >> 16 & 0xff) + "." + (version >> 8 & 0xff) + "." + (version & 0xff));
  }

  /** TEST.GETCLIENTCERT: the calling client's TLS certificate, null without one. */
  @RedisCommand(name = "test.getclientcert")
  public static void getClientCert(Context ctx, RedisString[] argv) {
    Optional<RedisString> cert = ctx.clientCertificate(ctx.clientId());
    if (cert.isEmpty()) {
      ctx.replyWithNull();
      return;
    }
    try (RedisString pem = cert.get()) {
      ctx.replyWithString(pem);
    }
  }

  /** TEST.LOG_TSCTX level message: logs through a detached thread-safe context. */
  @RedisCommand(name = "test.log_tsctx")
  public static void logTsctx(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (ThreadSafeContext tsctx = ctx.detachedThreadSafeContext()) {
      tsctx.context().log(level(argv[1].toString()), argv[2].toString());
    }
    ctx.replyWithSimpleString("OK");
  }

  /** The level named so, or verbose for any other name, as Redis's Log takes it. */
  private static LogLevel level(String name) {
    for (LogLevel level : LogLevel.values()) {
      if (level.redisName().equalsIgnoreCase(name)) {
        return level;
      }
    }
    return LogLevel.VERBOSE;
  }

  /** TEST.WEIRD:CMD: OK; its name has a ':', which INFO commandstats must sanitize. */
  @RedisCommand(name = "test.weird:cmd", flags = "readonly")
  public static void weirdCmd(Context ctx, RedisString[] argv) {
    ctx.replyWithSimpleString("OK");
  }

  /** TEST.MONOTONIC_TIME: the monotonic clock in microseconds. */
  @RedisCommand(name = "test.monotonic_time")
  public static void monotonicTime(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(ctx.monotonicMicroseconds());
  }
}
