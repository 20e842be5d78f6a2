package io.jrm;

import java.util.EnumSet;
import java.util.Set;

/**
 * The classes of keyspace events ({@code REDISMODULE_NOTIFY_*} of Redis 7.0), in bit order:
 * constant {@code i} is bit {@code 1 << i}. {@link #KEYSPACE} and {@link #KEYEVENT} name the two
 * Pub/Sub channels of {@code notify-keyspace-events}, not events: {@link
 * Context#notifyKeyspaceEvents()} may answer them, a subscription or a notification refuses them.
 */
public enum KeyspaceEventClass {
  /** {@code K}: events are published on {@code __keyspace@<db>__:<key>} (a channel, no class). */
  KEYSPACE,
  /** {@code E}: events are published on {@code __keyevent@<db>__:<event>} (a channel, no class). */
  KEYEVENT,
  /** {@code g}: generic commands such as DEL, EXPIRE, RENAME. */
  GENERIC,
  /** {@code $}: string commands. */
  STRING,
  /** {@code l}: list commands. */
  LIST,
  /** {@code s}: set commands. */
  SET,
  /** {@code h}: hash commands. */
  HASH,
  /** {@code z}: sorted set commands. */
  ZSET,
  /** {@code x}: a key expired. */
  EXPIRED,
  /** {@code e}: a key was evicted for maxmemory. */
  EVICTED,
  /** {@code t}: stream commands. */
  STREAM,
  /** {@code m}: a command read a key that does not exist (not in {@link #all()}). */
  KEY_MISS,
  /**
   * A key was loaded from an RDB file (modules only, not in {@link #all()}). The key's string is a
   * copy, so it may be retained as any other.
   */
  LOADED,
  /** {@code d}: events a module notifies ({@link Context#notifyKeyspaceEvent}). */
  MODULE,
  /** {@code n}: a key was created (not in {@link #all()}). */
  NEW;

  /** The classes of {@code REDISMODULE_NOTIFY_ALL}: every class but key miss, loaded and new. */
  private static final Set<KeyspaceEventClass> ALL =
      EnumSet.of(GENERIC, STRING, LIST, SET, HASH, ZSET, EXPIRED, EVICTED, STREAM, MODULE);

  /**
   * {@return the classes Redis calls all ({@code REDISMODULE_NOTIFY_ALL}, {@code A} in {@code
   * notify-keyspace-events}): a new set}
   */
  public static Set<KeyspaceEventClass> all() {
    return EnumSet.copyOf(ALL);
  }

  /** The constants set in {@code bits}; bits of no constant are left out. */
  static Set<KeyspaceEventClass> of(int bits) {
    Set<KeyspaceEventClass> classes = EnumSet.noneOf(KeyspaceEventClass.class);
    for (KeyspaceEventClass c : values()) {
      if ((bits & c.bit()) != 0) {
        classes.add(c);
      }
    }
    return classes;
  }

  /** The one event class of a notification's {@code type} bit, null for none JRM knows. */
  static KeyspaceEventClass ofEvent(int type) {
    for (KeyspaceEventClass c : values()) {
      if (type == c.bit()) {
        return c;
      }
    }
    return null;
  }

  /** The bits of {@code classes}, refusing the channel constants (they are no event class). */
  static int eventBits(Set<KeyspaceEventClass> classes) {
    int bits = 0;
    for (KeyspaceEventClass c : classes) {
      if (c == KEYSPACE || c == KEYEVENT) {
        throw new IllegalArgumentException(
            c + " names a Pub/Sub channel of notify-keyspace-events, not a class of events");
      }
      bits |= c.bit();
    }
    return bits;
  }

  /** {@code REDISMODULE_NOTIFY_<name>}. */
  int bit() {
    return 1 << ordinal();
  }
}
