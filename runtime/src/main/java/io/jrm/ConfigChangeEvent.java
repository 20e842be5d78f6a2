package io.jrm;

import java.util.List;

/**
 * Configuration parameters changed ({@code RedisModuleConfigChange}).
 *
 * @param subEvent {@link SubEvent#CONFIG_CHANGE}
 * @param configNames the names of the parameters that changed, in the order Redis lists them
 */
public record ConfigChangeEvent(SubEvent subEvent, List<String> configNames)
    implements ServerEventData {
  /**
   * Keeps an unmodifiable copy of the names.
   *
   * @param subEvent {@link SubEvent#CONFIG_CHANGE}
   * @param configNames the names of the parameters that changed
   */
  public ConfigChangeEvent {
    configNames = List.copyOf(configNames);
  }
}
