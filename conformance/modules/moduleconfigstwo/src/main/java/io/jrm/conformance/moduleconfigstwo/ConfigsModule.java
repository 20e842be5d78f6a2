package io.jrm.conformance.moduleconfigstwo;

import io.jrm.Context;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisModule;
import java.util.Set;

/**
 * The port of Redis's tests/modules/moduleconfigstwo.c (module {@code configs}), for unit
 * moduleapi/moduleconfigs: a second module with a config of its own, {@code configs.test}, whose
 * getter and setter tell configs apart by name.
 */
@RedisModule(name = "configs")
public final class ConfigsModule {
  private static volatile boolean test;

  private ConfigsModule() {}

  /** Registers configs.test and loads it. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    ctx.registerBoolConfig(
        "test",
        true,
        Set.of(),
        name -> name.equalsIgnoreCase("test") && test,
        (name, value) -> {
          if (!name.equalsIgnoreCase("test")) {
            throw new RedisException("no config " + name);
          }
          test = value;
        },
        null);
    ctx.loadConfigs();
  }
}
