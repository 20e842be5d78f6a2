package io.jrm;

/**
 * A client connected or disconnected ({@code RedisModuleClientInfo}).
 *
 * @param subEvent {@link SubEvent#CLIENT_CONNECTED} or {@link SubEvent#CLIENT_DISCONNECTED}
 * @param flags the client's {@code REDISMODULE_CLIENTINFO_FLAG_*} bits (SSL 1, PUBSUB 2, BLOCKED 4,
 *     TRACKING 8, UNIXSOCKET 16, MULTI 32)
 * @param id the client's id
 * @param address its IP address
 * @param port its TCP port
 * @param db its selected database
 */
public record ClientChangeEvent(
    SubEvent subEvent, long flags, long id, String address, int port, int db)
    implements ServerEventData {}
