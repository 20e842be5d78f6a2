package io.jrm;

/**
 * An event Redis passes no data with: persistence, loading, shutdown, replica change, master link
 * change, fork child, asynchronous replication load and event loop events.
 *
 * @param subEvent what happened
 */
public record PlainServerEvent(SubEvent subEvent) implements ServerEventData {}
