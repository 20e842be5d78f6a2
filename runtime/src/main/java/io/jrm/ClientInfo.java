package io.jrm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Set;

/**
 * What Redis tells about a connected client ({@code RedisModuleClientInfoV1}, from {@link
 * Context#clientInfoById}).
 *
 * @param flags what the client is doing
 * @param id the client's id
 * @param address its IPv4 or IPv6 address, empty for a Unix socket
 * @param port its TCP port
 * @param db the database it has selected
 */
public record ClientInfo(Set<ClientInfo.Flag> flags, long id, String address, int port, int db) {

  /** The {@code REDISMODULE_CLIENTINFO_FLAG_*} bits. */
  public enum Flag {
    /** Connected over TLS. */
    SSL,
    /** In RESP2 Pub/Sub mode (SUBSCRIBE). */
    PUBSUB,
    /** Blocked in a command. */
    BLOCKED,
    /** Client-side caching is on (CLIENT TRACKING). */
    TRACKING,
    /** Connected over a Unix socket. */
    UNIXSOCKET,
    /** Inside MULTI. */
    MULTI
  }

  // The struct's version JRM reads; its layout is ServerEventReader's CLIENT_INFO_*, which
  // StubAbiTest checks against the stub's declaration.
  static final int VERSION = 1;

  /** The struct's first word, its version, as the caller fills it in before the call. */
  static byte[] header() {
    return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(VERSION).array();
  }

  /** The flags set in {@code bits}, the struct's {@code flags} word. */
  static Set<Flag> flags(long bits) {
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    for (Flag flag : Flag.values()) {
      if ((bits & (1L << flag.ordinal())) != 0) {
        flags.add(flag);
      }
    }
    return Set.copyOf(flags);
  }
}
