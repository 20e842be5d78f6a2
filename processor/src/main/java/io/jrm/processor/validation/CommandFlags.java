package io.jrm.processor.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The command flags Redis 7.0 accepts in {@code RedisModule_CreateCommand}. Redis rejects an
 * unknown flag only when the module loads, with no hint of which one; checking at compile time
 * turns that into an error on the line that has the typo.
 */
public final class CommandFlags {
  /** Every valid flag, in the order of the Redis documentation. */
  public static final List<String> VALID =
      List.of(
          "write",
          "readonly",
          "admin",
          "deny-oom",
          "deny-script",
          "allow-loading",
          "pubsub",
          "random",
          "allow-stale",
          "no-monitor",
          "no-slowlog",
          "fast",
          "getkeys-api",
          "no-cluster",
          "no-auth",
          "may-replicate",
          "no-mandatory-keys",
          "blocking",
          "allow-busy",
          "getchannels-api");

  private static final Set<String> VALID_SET = Set.copyOf(VALID);

  private CommandFlags() {}

  /** Splits a flags string on whitespace; an empty or blank string has no flags. */
  public static List<String> split(String flags) {
    String stripped = flags.strip();
    return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
  }

  /** Whether {@code flag} is one Redis accepts; flags are case-sensitive. */
  public static boolean isValid(String flag) {
    return VALID_SET.contains(flag);
  }
}
