package io.jrm;

/**
 * SWAPDB swapped two databases ({@code RedisModuleSwapDbInfo}).
 *
 * @param subEvent {@link SubEvent#SWAPDB}
 * @param firstDb the first database of the command
 * @param secondDb the second
 */
public record SwapDbEvent(SubEvent subEvent, int firstDb, int secondDb)
    implements ServerEventData {}
