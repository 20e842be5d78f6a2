package io.jrm;

/**
 * What a {@link ServerEventListener} receives: the subevent, and for the events that have data the
 * fields Redis passed with it, read into Java before the listener runs (so an event object may be
 * kept after its callback).
 */
public sealed interface ServerEventData
    permits PlainServerEvent,
        ReplicationRoleChange,
        FlushEvent,
        ClientChangeEvent,
        CronLoopEvent,
        ModuleChangeEvent,
        LoadingProgressEvent,
        SwapDbEvent,
        ConfigChangeEvent {
  /** {@return what happened within the event} */
  SubEvent subEvent();
}
