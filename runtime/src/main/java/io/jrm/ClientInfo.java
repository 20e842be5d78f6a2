package io.jrm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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

  // The layout of RedisModuleClientInfoV1 in redismodule.h: version, flags, id (uint64_t each),
  // char addr[46], uint16_t port, uint16_t db, padded to 8 bytes.
  static final int VERSION = 1;
  static final int SIZE = 80;
  private static final int FLAGS = 8;
  private static final int ID = 16;
  private static final int ADDRESS = 24;
  private static final int ADDRESS_LENGTH = 46;
  private static final int PORT = 70;
  private static final int DB = 72;

  /** The struct's first word, its version, as the caller fills it in before the call. */
  static byte[] header() {
    return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(VERSION).array();
  }

  /** The record of a struct Redis filled in ({@link #SIZE} bytes). */
  static ClientInfo of(byte[] struct) {
    ByteBuffer in = ByteBuffer.wrap(struct).order(ByteOrder.nativeOrder());
    long bits = in.getLong(FLAGS);
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    for (Flag flag : Flag.values()) {
      if ((bits & (1L << flag.ordinal())) != 0) {
        flags.add(flag);
      }
    }
    int end = ADDRESS;
    while (end < ADDRESS + ADDRESS_LENGTH && struct[end] != 0) {
      end++;
    }
    String address = new String(struct, ADDRESS, end - ADDRESS, StandardCharsets.US_ASCII);
    return new ClientInfo(
        Set.copyOf(flags),
        in.getLong(ID),
        address,
        Short.toUnsignedInt(in.getShort(PORT)),
        Short.toUnsignedInt(in.getShort(DB)));
  }
}
