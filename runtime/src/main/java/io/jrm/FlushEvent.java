package io.jrm;

/**
 * FLUSHDB or FLUSHALL starts or ended ({@code RedisModuleFlushInfo}).
 *
 * @param subEvent {@link SubEvent#FLUSHDB_START} or {@link SubEvent#FLUSHDB_END}
 * @param sync whether the flush is synchronous (not ASYNC)
 * @param db the database flushed, -1 for all (FLUSHALL)
 */
public record FlushEvent(SubEvent subEvent, boolean sync, int db) implements ServerEventData {}
