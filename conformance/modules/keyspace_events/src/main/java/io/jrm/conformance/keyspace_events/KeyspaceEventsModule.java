package io.jrm.conformance.keyspace_events;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.ContextFlag;
import io.jrm.KeyspaceEventClass;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import io.jrm.annotations.Replicate;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The port of Redis's tests/modules/keyspace_events.c (module testkeyspace), for units
 * moduleapi/keyspace_events and moduleapi/propagate: keyspace event subscribers that log loaded and
 * module-notified keys and write from inside a notification, and INCR commands that propagate in
 * the three ways a module can.
 */
@RedisModule(name = "testkeyspace")
public final class KeyspaceEventsModule {
  /** The keys a "loaded" event named, each held as a retained copy. */
  private static final Map<String, RedisString> loaded = new HashMap<>();

  /** The keys a module event named, likewise. */
  private static final Map<String, RedisString> notified = new HashMap<>();

  private KeyspaceEventsModule() {}

  /** Subscribes to loaded, generic, expired and module events; refuses to load without loaded. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    if (!ctx.keyspaceNotificationFlagsAll().contains(KeyspaceEventClass.LOADED)) {
      throw new IllegalStateException("this Redis has no loaded keyspace events");
    }
    ctx.subscribeToKeyspaceEvents(
        EnumSet.of(KeyspaceEventClass.LOADED),
        (c, type, event, key) -> {
          if (event.equals("loaded")) {
            remember(loaded, key);
          }
        });
    ctx.subscribeToKeyspaceEvents(
        EnumSet.of(KeyspaceEventClass.GENERIC), KeyspaceEventsModule::onGeneric);
    ctx.subscribeToKeyspaceEvents(
        EnumSet.of(KeyspaceEventClass.EXPIRED),
        (c, type, event, key) -> c.callWithFlags("!", "INCR", "testkeyspace:expired").close());
    ctx.subscribeToKeyspaceEvents(
        EnumSet.of(KeyspaceEventClass.MODULE), (c, type, event, key) -> remember(notified, key));
  }

  /** A del deletes key_copy too, and counts where it ran: in a script or in MULTI. */
  private static void onGeneric(
      Context ctx, KeyspaceEventClass type, String event, RedisString key) {
    if (!event.equals("del")) {
      return;
    }
    ctx.callWithFlags("!", "DEL", key + "_copy").close();
    Set<ContextFlag> flags = ctx.flags();
    if (flags.contains(ContextFlag.LUA)) {
      ctx.call("INCR", "lua").close();
    }
    if (flags.contains(ContextFlag.MULTI)) {
      ctx.call("INCR", "multi").close();
    }
  }

  private static void remember(Map<String, RedisString> log, RedisString key) {
    log.computeIfAbsent(name(key), k -> key.retain());
  }

  /** The key's bytes as map key, byte for byte. */
  private static String name(RedisString key) {
    return new String(key.bytes(), StandardCharsets.ISO_8859_1);
  }

  /** KEYSPACE.NOTIFY key: fires module event "notify" on key; replies null. */
  @RedisCommand(name = "keyspace.notify", replicate = Replicate.MANUAL)
  public static void notify(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    ctx.notifyKeyspaceEvent(KeyspaceEventClass.MODULE, "notify", argv[1]);
    ctx.replyWithNull();
  }

  /** KEYSPACE.IS_MODULE_KEY_NOTIFIED key: [1, key] once a module event named it, else [0, nil]. */
  @RedisCommand(name = "keyspace.is_module_key_notified", replicate = Replicate.MANUAL)
  public static void isModuleKeyNotified(Context ctx, RedisString[] argv) {
    replyLogged(ctx, argv, notified);
  }

  /** KEYSPACE.IS_KEY_LOADED key: [1, key] once a loaded event named it, else [0, nil]. */
  @RedisCommand(name = "keyspace.is_key_loaded", replicate = Replicate.MANUAL)
  public static void isKeyLoaded(Context ctx, RedisString[] argv) {
    replyLogged(ctx, argv, loaded);
  }

  private static void replyLogged(Context ctx, RedisString[] argv, Map<String, RedisString> log) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    RedisString key = log.get(name(argv[1]));
    ctx.replyWithArray(2);
    ctx.replyWithLongLong(key == null ? 0 : 1);
    if (key == null) {
      ctx.replyWithNull();
    } else {
      ctx.replyWithString(key);
    }
  }

  /** KEYSPACE.DEL_KEY_COPY key: DEL key, propagated by the call; replies DEL's reply. */
  @RedisCommand(name = "keyspace.del_key_copy", flags = "write", replicate = Replicate.MANUAL)
  public static void delKeyCopy(Context ctx, RedisString[] argv) {
    callAndReply(ctx, argv, "!", "DEL");
  }

  /** KEYSPACE.INCR_CASE1 key: INCR key, propagated by the call. */
  @RedisCommand(name = "keyspace.incr_case1", flags = "write", replicate = Replicate.MANUAL)
  public static void incrCase1(Context ctx, RedisString[] argv) {
    callAndReply(ctx, argv, "!", "INCR");
  }

  /** KEYSPACE.INCR_CASE2 key: INCR key, then propagates INCR key itself. */
  @RedisCommand(name = "keyspace.incr_case2", flags = "write", replicate = Replicate.MANUAL)
  public static void incrCase2(Context ctx, RedisString[] argv) {
    if (callAndReply(ctx, argv, "", "INCR")) {
      ctx.replicate("INCR", argv[1]);
    }
  }

  /** KEYSPACE.INCR_CASE3 key: INCR key, then propagates the command verbatim. */
  @RedisCommand(name = "keyspace.incr_case3", flags = "write", replicate = Replicate.MANUAL)
  public static void incrCase3(Context ctx, RedisString[] argv) {
    if (callAndReply(ctx, argv, "", "INCR")) {
      ctx.replicateVerbatim();
    }
  }

  /**
   * Calls {@code command} on argv[1] with {@code flags} and replies its reply; false after a
   * wrong-arity reply.
   */
  private static boolean callAndReply(
      Context ctx, RedisString[] argv, String flags, String command) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return false;
    }
    try (CallReply reply = ctx.callWithFlags(flags, command, argv[1])) {
      ctx.replyWithCallReply(reply);
    } catch (RedisException noReply) {
      ctx.replyWithError("NULL reply returned");
    }
    return true;
  }
}
