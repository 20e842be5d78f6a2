package io.jrm;

import io.jrm.internal.binding.NativeBackend;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the data structs of Redis 7.0's server events (version 1 of each) into Java event objects,
 * and the same client struct for {@link Context#clientInfoById}. Their sizes and offsets are the
 * stub's declarations' (module_stub.c), which StubAbiTest checks against these constants. A struct
 * is read whole into a buffer first: one downcall, never past its end.
 */
final class ServerEventReader {
  static final int REPLICATION_INFO_SIZE = 64;
  static final int REPLICATION_INFO_MASTER = 8;
  static final int REPLICATION_INFO_MASTERHOST = 16;
  static final int REPLICATION_INFO_MASTERPORT = 24;
  static final int REPLICATION_INFO_REPLID1 = 32;
  static final int REPLICATION_INFO_REPLID2 = 40;
  static final int REPLICATION_INFO_REPL1_OFFSET = 48;
  static final int REPLICATION_INFO_REPL2_OFFSET = 56;

  static final int FLUSH_INFO_SIZE = 16;
  static final int FLUSH_INFO_SYNC = 8;
  static final int FLUSH_INFO_DBNUM = 12;

  static final int CLIENT_INFO_SIZE = 80;
  static final int CLIENT_INFO_FLAGS = 8;
  static final int CLIENT_INFO_ID = 16;
  static final int CLIENT_INFO_ADDR = 24;
  static final int CLIENT_INFO_ADDR_SIZE = 46;
  static final int CLIENT_INFO_PORT = 70;
  static final int CLIENT_INFO_DB = 72;

  static final int MODULE_CHANGE_SIZE = 24;
  static final int MODULE_CHANGE_MODULE_NAME = 8;
  static final int MODULE_CHANGE_MODULE_VERSION = 16;

  static final int CRON_LOOP_SIZE = 16;
  static final int CRON_LOOP_HZ = 8;

  static final int LOADING_PROGRESS_SIZE = 16;
  static final int LOADING_PROGRESS_HZ = 8;
  static final int LOADING_PROGRESS_PROGRESS = 12;

  static final int SWAPDB_INFO_SIZE = 16;
  static final int SWAPDB_INFO_DBNUM_FIRST = 8;
  static final int SWAPDB_INFO_DBNUM_SECOND = 12;

  static final int CONFIG_CHANGE_SIZE = 24;
  static final int CONFIG_CHANGE_NUM_CHANGES = 8;
  static final int CONFIG_CHANGE_CONFIG_NAMES = 16;

  private ServerEventReader() {}

  static ReplicationRoleChange replicationRoleChange(
      NativeBackend memory, SubEvent subEvent, long data) {
    ByteBuffer info = struct(memory, data, REPLICATION_INFO_SIZE);
    return new ReplicationRoleChange(
        subEvent,
        info.getInt(REPLICATION_INFO_MASTER) != 0,
        text(memory, info.getLong(REPLICATION_INFO_MASTERHOST)),
        info.getInt(REPLICATION_INFO_MASTERPORT),
        text(memory, info.getLong(REPLICATION_INFO_REPLID1)),
        text(memory, info.getLong(REPLICATION_INFO_REPLID2)),
        info.getLong(REPLICATION_INFO_REPL1_OFFSET),
        info.getLong(REPLICATION_INFO_REPL2_OFFSET));
  }

  static FlushEvent flush(NativeBackend memory, SubEvent subEvent, long data) {
    ByteBuffer info = struct(memory, data, FLUSH_INFO_SIZE);
    return new FlushEvent(
        subEvent, info.getInt(FLUSH_INFO_SYNC) != 0, info.getInt(FLUSH_INFO_DBNUM));
  }

  static ClientChangeEvent clientChange(NativeBackend memory, SubEvent subEvent, long data) {
    ByteBuffer info = struct(memory, data, CLIENT_INFO_SIZE);
    return new ClientChangeEvent(
        subEvent,
        info.getLong(CLIENT_INFO_FLAGS),
        info.getLong(CLIENT_INFO_ID),
        clientAddress(info),
        clientPort(info),
        clientDb(info));
  }

  /** The client a {@code RedisModuleClientInfo} that GetClientInfoById filled in describes. */
  static ClientInfo clientInfo(byte[] struct) {
    ByteBuffer info = ByteBuffer.wrap(struct).order(ByteOrder.nativeOrder());
    return new ClientInfo(
        ClientInfo.flags(info.getLong(CLIENT_INFO_FLAGS)),
        info.getLong(CLIENT_INFO_ID),
        clientAddress(info),
        clientPort(info),
        clientDb(info));
  }

  private static String clientAddress(ByteBuffer info) {
    int end = CLIENT_INFO_ADDR;
    while (end < CLIENT_INFO_ADDR + CLIENT_INFO_ADDR_SIZE && info.get(end) != 0) {
      end++;
    }
    byte[] address = new byte[end - CLIENT_INFO_ADDR];
    info.get(CLIENT_INFO_ADDR, address);
    return new String(address, StandardCharsets.US_ASCII);
  }

  private static int clientPort(ByteBuffer info) {
    return Short.toUnsignedInt(info.getShort(CLIENT_INFO_PORT));
  }

  private static int clientDb(ByteBuffer info) {
    return Short.toUnsignedInt(info.getShort(CLIENT_INFO_DB));
  }

  static ModuleChangeEvent moduleChange(NativeBackend memory, SubEvent subEvent, long data) {
    ByteBuffer info = struct(memory, data, MODULE_CHANGE_SIZE);
    return new ModuleChangeEvent(
        subEvent,
        text(memory, info.getLong(MODULE_CHANGE_MODULE_NAME)),
        info.getInt(MODULE_CHANGE_MODULE_VERSION));
  }

  static CronLoopEvent cronLoop(NativeBackend memory, SubEvent subEvent, long data) {
    return new CronLoopEvent(subEvent, struct(memory, data, CRON_LOOP_SIZE).getInt(CRON_LOOP_HZ));
  }

  static LoadingProgressEvent loadingProgress(NativeBackend memory, SubEvent subEvent, long data) {
    ByteBuffer info = struct(memory, data, LOADING_PROGRESS_SIZE);
    return new LoadingProgressEvent(
        subEvent, info.getInt(LOADING_PROGRESS_HZ), info.getInt(LOADING_PROGRESS_PROGRESS));
  }

  static SwapDbEvent swapDb(NativeBackend memory, SubEvent subEvent, long data) {
    ByteBuffer info = struct(memory, data, SWAPDB_INFO_SIZE);
    return new SwapDbEvent(
        subEvent, info.getInt(SWAPDB_INFO_DBNUM_FIRST), info.getInt(SWAPDB_INFO_DBNUM_SECOND));
  }

  static ConfigChangeEvent configChange(NativeBackend memory, SubEvent subEvent, long data) {
    ByteBuffer info = struct(memory, data, CONFIG_CHANGE_SIZE);
    int count = info.getInt(CONFIG_CHANGE_NUM_CHANGES); // a uint32_t: no server has 2^31 configs
    long[] pointers = memory.readWords(info.getLong(CONFIG_CHANGE_CONFIG_NAMES), count);
    List<String> names = new ArrayList<>(count);
    for (long pointer : pointers) {
      names.add(text(memory, pointer));
    }
    return new ConfigChangeEvent(subEvent, names);
  }

  private static ByteBuffer struct(NativeBackend memory, long data, int size) {
    return ByteBuffer.wrap(memory.readBytes(data, size)).order(ByteOrder.nativeOrder());
  }

  private static String text(NativeBackend memory, long pointer) {
    return pointer == 0 ? "" : CStrings.read(memory, pointer);
  }
}
