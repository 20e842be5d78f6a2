package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;

/**
 * A command of this module as Redis holds it ({@code RedisModuleCommand}), from {@link
 * Context#command}: what {@code COMMAND INFO} and {@code COMMAND DOCS} show of it is set here,
 * once, usually in {@code @OnLoad}. It stays valid while the module is loaded.
 */
public final class Command {
  private static final int OK = 0;

  private final RedisModuleApi api;
  private final long pointer;
  private final String name;

  Command(RedisModuleApi api, long pointer, String name) {
    this.api = api;
    this.pointer = pointer;
    this.name = name;
  }

  /** {@return the command's full name, {@code parent|sub} for a subcommand} */
  public String name() {
    return name;
  }

  /**
   * Sets what COMMAND INFO and COMMAND DOCS show ({@code SetCommandInfo}); the arity and key specs
   * also change how Redis checks and routes calls.
   *
   * @param info the metadata
   * @throws IllegalArgumentException when Redis refuses it: invalid (the server's log says why: key
   *     spec flags, a history entry without changes...) or set already
   */
  public void setCommandInfo(CommandInfo info) {
    NativeImage image = CommandInfoImage.of(info);
    long block = api.alloc(image.size());
    try {
      api.backend().writeBytes(block, image.bytes(block));
      if (api.setCommandInfo(pointer, block) != OK) {
        throw new IllegalArgumentException(
            "Redis refused the command info of "
                + name
                + ": it is invalid (see the server's log) or was set already");
      }
    } finally {
      api.free(block);
    }
  }

  long pointer() {
    return pointer;
  }
}
