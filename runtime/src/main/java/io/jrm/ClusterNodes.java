package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.RedisModuleApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cluster's nodes as Redis answers them ({@code GetClusterNodesList}, {@code
 * GetClusterNodeInfo}, {@code GetMyClusterID}): node ids are {@link #NODE_ID_LENGTH} bytes, not
 * NUL-terminated.
 */
final class ClusterNodes {
  static final int OK = 0;

  /** Redis's {@code REDISMODULE_NODE_ID_LEN}, part of its module ABI. */
  static final int NODE_ID_LENGTH = 40;

  /**
   * Room for the IP address {@code GetClusterNodeInfo} copies: up to Redis's {@code NET_IP_STR_LEN}
   * (46, an IPv6 address's text) bytes with a NUL when shorter; the buffer is zeroed and larger, so
   * the text always ends with a NUL.
   */
  private static final int IP_BUFFER = 64;

  private ClusterNodes() {}

  static Optional<List<String>> list(Context ctx) {
    RedisModuleApi api = ctx.api();
    long[] count = new long[1];
    long ids = api.getClusterNodesList(ctx.pointer(), count);
    if (ids == 0) {
      return Optional.empty(); // not in cluster mode
    }
    try {
      NativeBackend memory = api.backend();
      List<String> nodes = new ArrayList<>();
      for (long id : memory.readWords(ids, Math.toIntExact(count[0]))) {
        nodes.add(id(memory, id));
      }
      return Optional.of(List.copyOf(nodes));
    } finally {
      api.freeClusterNodesList(ids);
    }
  }

  static Optional<ClusterNodeInfo> info(Context ctx, String id) {
    RedisModuleApi api = ctx.api();
    NativeBackend memory = api.backend();
    // A C string: Redis looks the node up by its strlen, and an id of another length is no node.
    byte[] name = cString(id);
    long buffer = api.calloc(1, IP_BUFFER + NODE_ID_LENGTH);
    try {
      int[] port = new int[1];
      int[] flags = new int[1];
      if (api.getClusterNodeInfo(ctx.pointer(), name, buffer, buffer + IP_BUFFER, port, flags)
          != OK) {
        return Optional.empty();
      }
      byte[] master = memory.readBytes(buffer + IP_BUFFER, NODE_ID_LENGTH);
      // Redis zeroes the master id of a node that is no replica, or whose master it does not know.
      String masterId = master[0] == 0 ? null : new String(master, StandardCharsets.US_ASCII);
      return Optional.of(
          new ClusterNodeInfo(
              id,
              CStrings.read(memory, buffer),
              masterId,
              port[0],
              FlagBits.set(ClusterNodeFlag.class, flags[0])));
    } finally {
      api.free(buffer);
    }
  }

  static Optional<String> myId(Context ctx) {
    long id = ctx.api().getMyClusterID();
    return id == 0 ? Optional.empty() : Optional.of(id(ctx.api().backend(), id));
  }

  /** The node id at {@code address}. */
  static String id(NativeBackend memory, long address) {
    return new String(memory.readBytes(address, NODE_ID_LENGTH), StandardCharsets.US_ASCII);
  }
}
