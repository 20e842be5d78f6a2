package io.jrm.it;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code DUMP} payload of a module value, taken apart as Redis 7.0 writes it (rdb.c, module.c,
 * cluster.c): the type byte {@code RDB_TYPE_MODULE_2} (7); the module id as an RDB length, {@code
 * 0x81} and 8 bytes big-endian, whose upper 54 bits encode the type name and lower 10 bits the
 * encver; one record per {@code Save*} call, an opcode (an RDB length: 1 SINT, 2 UINT, 3 FLOAT, 4
 * DOUBLE, 5 STRING; {@code SaveSigned} writes UINT) and its value; the EOF opcode 0; then the RDB
 * version (2 bytes, little-endian) and the CRC-64 of everything before it (8 bytes, little-endian).
 */
final class ModuleDump {
  static final int RDB_TYPE_MODULE_2 = 7;
  static final int UINT = 2;
  static final int FLOAT = 3;
  static final int DOUBLE = 4;
  static final int STRING = 5;

  /** One {@code Save*} call: its opcode and its bytes, the opcode included. */
  record Record(int opcode, byte[] bytes) {
    /** The value of a UINT record written in one byte (0 to 63), as most small numbers are. */
    int smallValue() {
      if (opcode != UINT || bytes.length != 2 || (bytes[1] & 0xC0) != 0) {
        throw new IllegalStateException("not a small unsigned record: " + Arrays.toString(bytes));
      }
      return bytes[1];
    }

    /** The bytes of a STRING record stored plainly (not as an integer, not compressed). */
    String text() {
      int header = bytes[1] & 0xFF;
      if (opcode != STRING || (header & 0xC0) != 0) {
        throw new IllegalStateException(
            "not a short plain string record: " + Arrays.toString(bytes));
      }
      return new String(bytes, 2, header, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  final long moduleId;
  final List<Record> records;
  final int rdbVersion;

  private ModuleDump(long moduleId, List<Record> records, int rdbVersion) {
    this.moduleId = moduleId;
    this.records = records;
    this.rdbVersion = rdbVersion;
  }

  /** Parses {@code dump}, checking its type byte, its EOF opcode and its CRC. */
  static ModuleDump parse(byte[] dump) {
    long crc = ByteBuffer.wrap(dump, dump.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (crc != Crc64.of(dump, 0, dump.length - 8)) {
      throw new IllegalArgumentException("bad CRC in the DUMP payload");
    }
    int rdbVersion = (dump[dump.length - 10] & 0xFF) | (dump[dump.length - 9] & 0xFF) << 8;
    Reader in = new Reader(dump, dump.length - 10);
    if (in.u8() != RDB_TYPE_MODULE_2) {
      throw new IllegalArgumentException("not a module value: type " + dump[0]);
    }
    long moduleId = in.length();
    List<Record> records = new ArrayList<>();
    while (true) {
      int start = in.at;
      int opcode = (int) in.length();
      if (opcode == 0) {
        break;
      }
      switch (opcode) {
        case 1, UINT -> in.length();
        case FLOAT -> in.skip(4);
        case DOUBLE -> in.skip(8);
        case STRING -> in.string();
        default ->
            throw new IllegalArgumentException("unknown module opcode " + opcode + " at " + start);
      }
      records.add(new Record(opcode, Arrays.copyOfRange(dump, start, in.at)));
    }
    if (in.at != in.end) {
      throw new IllegalArgumentException("bytes after the EOF opcode");
    }
    return new ModuleDump(moduleId, records, rdbVersion);
  }

  int encver() {
    return (int) (moduleId & 1023);
  }

  /** The 9-character type name the module id encodes (moduleTypeNameByID). */
  String typeName() {
    String charset = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder name = new StringBuilder();
    long id = moduleId >>> 10;
    for (int i = 8; i >= 0; i--) {
      name.append(charset.charAt((int) ((id >>> (6 * i)) & 63)));
    }
    return name.toString();
  }

  ModuleDump withEncver(int encver) {
    return new ModuleDump((moduleId & ~1023L) | encver, records, rdbVersion);
  }

  ModuleDump withRecords(List<Record> newRecords) {
    return new ModuleDump(moduleId, List.copyOf(newRecords), rdbVersion);
  }

  /** A copy with record {@code index} replaced by {@code record}. */
  ModuleDump replace(int index, Record record) {
    List<Record> copy = new ArrayList<>(records);
    copy.set(index, record);
    return withRecords(copy);
  }

  /** A copy without record {@code index}. */
  ModuleDump remove(int index) {
    List<Record> copy = new ArrayList<>(records);
    copy.remove(index);
    return withRecords(copy);
  }

  /** The index of the first plain STRING record holding {@code text}. */
  int indexOfString(String text) {
    for (int i = 0; i < records.size(); i++) {
      Record r = records.get(i);
      if (r.opcode() == STRING && (r.bytes()[1] & 0xC0) == 0 && r.text().equals(text)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no string record " + text);
  }

  /** The module value as in an RDB file: module id, records, EOF opcode. */
  byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x81);
    out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(moduleId).array());
    records.forEach(r -> out.writeBytes(r.bytes()));
    out.write(0);
    return out.toByteArray();
  }

  /** The DUMP payload, its CRC computed again. */
  byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(RDB_TYPE_MODULE_2);
    out.writeBytes(body());
    out.write(rdbVersion & 0xFF);
    out.write(rdbVersion >> 8);
    byte[] payload = out.toByteArray();
    long crc = Crc64.of(payload, 0, payload.length);
    out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(crc).array());
    return out.toByteArray();
  }

  /** Reads RDB lengths and strings (rdbLoadLen, rdbGenericLoadStringObject). */
  private static final class Reader {
    final byte[] bytes;
    final int end;
    int at;

    Reader(byte[] bytes, int end) {
      this.bytes = bytes;
      this.end = end;
    }

    int u8() {
      if (at >= end) {
        throw new IllegalArgumentException("the payload ends too early");
      }
      return bytes[at++] & 0xFF;
    }

    void skip(int n) {
      if (at + n > end) {
        throw new IllegalArgumentException("the payload ends too early");
      }
      at += n;
    }

    long big(int n) {
      long v = 0;
      for (int i = 0; i < n; i++) {
        v = v << 8 | u8();
      }
      return v;
    }

    long length() {
      int first = u8();
      return switch (first >> 6) {
        case 0 -> first & 0x3F;
        case 1 -> (first & 0x3F) << 8 | u8();
        case 2 ->
            switch (first) {
              case 0x80 -> big(4);
              case 0x81 -> big(8);
              default -> throw new IllegalArgumentException("bad length byte " + first);
            };
        default -> throw new IllegalArgumentException("an encoded value where a length was due");
      };
    }

    void string() {
      int first = bytes[at] & 0xFF;
      if (first >> 6 != 3) {
        skip((int) length());
        return;
      }
      at++;
      switch (first & 0x3F) {
        case 0 -> skip(1);
        case 1 -> skip(2);
        case 2 -> skip(4);
        case 3 -> {
          long compressed = length();
          length(); // the uncompressed length
          skip((int) compressed);
        }
        default -> throw new IllegalArgumentException("unknown string encoding " + first);
      }
    }
  }
}
