package io.jrm;

/**
 * Another module was loaded or unloaded ({@code RedisModuleModuleChange}); Redis never tells a
 * module about itself.
 *
 * @param subEvent {@link SubEvent#MODULE_LOADED} or {@link SubEvent#MODULE_UNLOADED}
 * @param moduleName the other module's name
 * @param moduleVersion its version
 */
public record ModuleChangeEvent(SubEvent subEvent, String moduleName, int moduleVersion)
    implements ServerEventData {}
