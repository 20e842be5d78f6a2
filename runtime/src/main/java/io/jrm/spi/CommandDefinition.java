package io.jrm.spi;

/**
 * One command of a module, with the arguments of {@code RedisModule_CreateCommand}.
 *
 * @param name the command name clients type
 * @param flags space-separated command flags, already validated by the processor
 * @param firstKey index of the first key, 0 for none
 * @param lastKey index of the last key, negative counts from the end
 * @param keyStep step between keys
 * @param replication how the runtime propagates the command to replicas and the AOF
 */
public record CommandDefinition(
    String name, String flags, int firstKey, int lastKey, int keyStep, Replication replication) {}
