package io.jrm.it;

import io.jrm.Context;
import io.jrm.LogLevel;
import io.jrm.ServerEvent;
import io.jrm.ServerEventData;
import io.jrm.SubEvent;
import io.jrm.annotations.RedisCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands of the jrmtest module ({@code JRMTEST.EVENTS.*}) for {@code ServerEventsIT}: the events
 * a subscription receives are kept as their records' text, read (and forgotten) by a command.
 */
public final class EventCommands {
  /** The events received since the last read; only the main thread touches it. */
  private static final List<String> received = new ArrayList<>();

  private EventCommands() {}

  private static void record(Context ctx, ServerEventData event) {
    received.add(event.toString());
  }

  /**
   * JRMTEST.EVENTS.SUBSCRIBE: the flush, swap, config, client and persistence events, recorded; the
   * forked child of a BGSAVE logs a line of its own.
   */
  @RedisCommand(name = "jrmtest.events.subscribe", flags = "readonly")
  public static String subscribe(Context ctx) {
    ctx.subscribeToServerEvent(ServerEvent.FLUSHDB, EventCommands::record);
    ctx.subscribeToServerEvent(ServerEvent.SWAPDB, EventCommands::record);
    ctx.subscribeToServerEvent(ServerEvent.CONFIG, EventCommands::record);
    ctx.subscribeToServerEvent(ServerEvent.CLIENT_CHANGE, EventCommands::record);
    ctx.subscribeToServerEvent(ServerEvent.PERSISTENCE, EventCommands::record);
    ctx.logInForkedChild(SubEvent.PERSISTENCE_RDB_START, LogLevel.NOTICE, "jrmtest: child saves");
    ctx.logInForkedChild(SubEvent.PERSISTENCE_ENDED, LogLevel.NOTICE, "jrmtest: child saved");
    return "OK";
  }

  /** JRMTEST.EVENTS.UNSUBSCRIBE-FLUSH: no more flush events. */
  @RedisCommand(name = "jrmtest.events.unsubscribe-flush", flags = "readonly")
  public static String unsubscribeFlush(Context ctx) {
    ctx.subscribeToServerEvent(ServerEvent.FLUSHDB, null);
    return "OK";
  }

  /** JRMTEST.EVENTS.THROWING-SWAPDB: a SWAPDB listener that throws. */
  @RedisCommand(name = "jrmtest.events.throwing-swapdb", flags = "readonly")
  public static String throwingSwapDb(Context ctx) {
    ctx.subscribeToServerEvent(
        ServerEvent.SWAPDB,
        (c, swap) -> {
          throw new IllegalStateException("listener failed on " + swap.firstDb());
        });
    return "OK";
  }

  /** JRMTEST.EVENTS.SUPPORTED subevent: 1 if Redis says it fires that subevent, else 0. */
  @RedisCommand(name = "jrmtest.events.supported", flags = "readonly")
  public static long supported(Context ctx, SubEvent subEvent) {
    return ctx.isSubEventSupported(subEvent) ? 1 : 0;
  }

  /** JRMTEST.EVENTS.RECEIVED: the events received since the last call, oldest first. */
  @RedisCommand(name = "jrmtest.events.received", flags = "readonly")
  public static List<String> received(Context ctx) {
    List<String> events = new ArrayList<>(received);
    received.clear();
    return events;
  }
}
