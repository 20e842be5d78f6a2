package io.jrm.it;

/**
 * Redis's CRC-64 (src/crc64.c): the Jones polynomial 0xad93d23594c935a9, reflected, started at 0 as
 * rdb.c and cluster.c call it, no final xor; "123456789" gives 0xe9c6d914c4b8d9ca.
 */
final class Crc64 {
  /** The polynomial reflected, for the bitwise right-shifting form. */
  private static final long REFLECTED_POLY = 0x95ac9329ac4bc9b5L;

  private Crc64() {}

  static long of(byte[] bytes, int from, int to) {
    long crc = 0;
    for (int i = from; i < to; i++) {
      crc ^= bytes[i] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ REFLECTED_POLY : crc >>> 1;
      }
    }
    return crc;
  }
}
