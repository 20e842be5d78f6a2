package io.jrm.it;

import io.jrm.Context;
import io.jrm.KeyspaceEventClass;
import io.jrm.RedisString;
import io.jrm.WriteKey;
import io.jrm.annotations.RedisCommand;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Commands of the jrmtest module ({@code JRMTEST.KEYSPACE.*}) for {@code KeyspaceEventsIT}: a
 * subscription made on demand (so that the other tests' writes run no listener) records every event
 * it sees; keys named {@code throwing} and {@code replying} make it throw or reply, and a {@code
 * set} of a key starting with {@code counted:} makes it write.
 */
public final class KeyspaceEventCommands {
  /** {@code <class> <event> <key>} per event, oldest first. */
  private static final List<String> events = new ArrayList<>();

  /** The keys of the loaded events, retained. */
  private static final List<RedisString> loaded = new ArrayList<>();

  private static boolean subscribed;

  private KeyspaceEventCommands() {}

  /** JRMTEST.KEYSPACE.SUBSCRIBE: subscribes (once) to all events and to loaded ones. */
  @RedisCommand(name = "jrmtest.keyspace.subscribe", flags = "readonly")
  public static String subscribe(Context ctx) {
    if (!subscribed) {
      ctx.subscribeToKeyspaceEvents(KeyspaceEventClass.all(), KeyspaceEventCommands::record);
      ctx.subscribeToKeyspaceEvents(
          EnumSet.of(KeyspaceEventClass.LOADED), (c, type, event, key) -> loaded.add(key.retain()));
      subscribed = true;
    }
    return "OK";
  }

  private static void record(Context ctx, KeyspaceEventClass type, String event, RedisString key) {
    String name = key.toString();
    events.add(type + " " + event + " " + name);
    switch (name) {
      case "throwing" -> throw new IllegalStateException("a listener that throws");
      case "replying" -> ctx.replyWithLongLong(1);
      default -> {
        if (event.equals("set") && name.startsWith("counted:")) {
          ctx.call("INCR", "count:" + name).close();
        }
      }
    }
  }

  /** JRMTEST.KEYSPACE.EVENTS: the events recorded since the last call. */
  @RedisCommand(name = "jrmtest.keyspace.events", flags = "readonly")
  public static List<String> events(Context ctx) {
    List<String> seen = new ArrayList<>(events);
    events.clear();
    return seen;
  }

  /** JRMTEST.KEYSPACE.LOADED: the keys loaded events named, from their retained strings. */
  @RedisCommand(name = "jrmtest.keyspace.loaded", flags = "readonly")
  public static List<String> loaded(Context ctx) {
    return loaded.stream().map(RedisString::toString).toList();
  }

  /**
   * JRMTEST.KEYSPACE.SETNOTIFY key value: sets the key through a write key and fires module event
   * {@code jrmtest.set} on it, as a data type's write command would.
   */
  @RedisCommand(
      name = "jrmtest.keyspace.setnotify",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static String setNotify(Context ctx, RedisString name, RedisString value) {
    try (WriteKey key = ctx.writeKey(name)) {
      key.stringSet(value);
    }
    ctx.notifyKeyspaceEvent(KeyspaceEventClass.MODULE, "jrmtest.set", name);
    return "OK";
  }

  /** JRMTEST.KEYSPACE.FLAGS: what notify-keyspace-events publishes, as constant names. */
  @RedisCommand(name = "jrmtest.keyspace.flags", flags = "readonly")
  public static List<String> flags(Context ctx) {
    return ctx.notifyKeyspaceEvents().stream().map(Enum::name).toList();
  }
}
