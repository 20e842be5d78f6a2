package io.jrm;

/**
 * Loading an RDB file or the AOF made progress ({@code RedisModuleLoadingProgress}).
 *
 * @param subEvent {@link SubEvent#LOADING_PROGRESS_RDB} or {@link SubEvent#LOADING_PROGRESS_AOF}
 * @param hz about how many of these events come a second
 * @param progress about how far loading is, from 0 to 1024, or -1 when not known
 */
public record LoadingProgressEvent(SubEvent subEvent, int hz, int progress)
    implements ServerEventData {}
