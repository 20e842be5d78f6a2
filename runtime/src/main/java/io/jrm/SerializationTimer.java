package io.jrm;

/**
 * Serializes values written since the last fork from Redis's event loop, between commands, under a
 * time budget ({@link DataTypes#serializeSome}), so that a fork's prepare handler finds little
 * left: the fork pause then no longer grows with the values written since the previous fork.
 *
 * <p>A Redis timer, re-armed at each firing: soon while values wait, less often when none do. Redis
 * fires timers from its event loop only, never while loading, in a script, a MULTI or a forked
 * child.
 */
final class SerializationTimer {
  /** The serialization one firing may do: what a command may wait for, at most, behind it. */
  static final long BUDGET_NANOS = 1_000_000;

  /** The period while values wait. */
  private static final long BUSY_MILLIS = 1;

  /** The period while none do: how long a value written once waits, at most. */
  private static final long IDLE_MILLIS = 10;

  private SerializationTimer() {}

  /** Arms the first firing. */
  static void start(Context ctx, DataTypes dataTypes) {
    Timers.create(ctx, IDLE_MILLIS, SerializationTimer::fire, dataTypes);
  }

  private static void fire(Context ctx, DataTypes dataTypes) {
    boolean left = true;
    try {
      left = dataTypes.serializeSome(BUDGET_NANOS);
    } finally {
      // re-armed whatever happened: a failure must not end serialization between commands
      Timers.create(ctx, left ? BUSY_MILLIS : IDLE_MILLIS, SerializationTimer::fire, dataTypes);
    }
  }
}
