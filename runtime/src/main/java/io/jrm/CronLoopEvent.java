package io.jrm;

/**
 * The server cron ran ({@code RedisModuleCronLoop}).
 *
 * @param subEvent {@link SubEvent#CRON_LOOP}
 * @param hz how many times a second it runs now
 */
public record CronLoopEvent(SubEvent subEvent, int hz) implements ServerEventData {}
