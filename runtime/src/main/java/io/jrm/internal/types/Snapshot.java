package io.jrm.internal.types;

/**
 * The byte format in which a data type value is prepared, in the parent, for a forked child to
 * write with pure C (the module stub's replay; StubAbiTest replays this format through it). All
 * numbers are little-endian.
 *
 * <p>RDB stream: the format {@link #VERSION} byte, then a sequence of records, one per {@code
 * Save*} call: {@code 'U'} and the number as a varint (7 bits a byte, least significant first, the
 * high bit set on every byte but the last), {@code 'S'} and the {@link #zigzag} of the number as a
 * varint, {@code 'D'} and 8 bytes of the double, {@code 'F'} and 4 bytes of the float, {@code 'E'}
 * and the 16 bytes of a long double's memory ({@link LongDoubles}; since version 2), {@code 'B'},
 * the length as a varint and the bytes. Versions 0 to 2 wrote the numbers of {@code 'U'}, {@code
 * 'S'} and the length of {@code 'B'} in 8 bytes: version 3 made a value of ten integers below a
 * million 43 bytes instead of 100, for every value Redis holds. It is also the payload of {@code
 * <module>.jrm-restore} in rewritten AOF files, which is why it has a version. Payloads written
 * before versions existed (version 0) start with a record, or are empty: record tags are letters,
 * versions are not, so a reader tells them apart by the first byte.
 *
 * <p>AOF stream: one record per command: {@code 'C'}, a 4-byte argument count (the command name
 * included), then per argument an 8-byte length and the bytes, or the length {@link #KEY} alone
 * where the key the value is written under goes.
 */
public final class Snapshot {
  public static final byte UNSIGNED = 'U';
  public static final byte SIGNED = 'S';
  public static final byte DOUBLE = 'D';
  public static final byte FLOAT = 'F';
  public static final byte LONG_DOUBLE = 'E';
  public static final byte BUFFER = 'B';
  public static final byte COMMAND = 'C';

  /** The format version of the RDB stream, its first byte; 0 is the unversioned format. */
  public static final byte VERSION = 3;

  /** The first version whose numbers are varints. */
  static final byte FIRST_VARINT_VERSION = 3;

  /** The most bytes a varint of 64 bits takes. */
  static final int MAX_VARINT_BYTES = 10;

  /** The length that stands for the key name in an AOF command. */
  public static final long KEY = -1;

  private Snapshot() {}

  /** {@code n} with its sign in the lowest bit: small negative numbers make short varints too. */
  static long zigzag(long n) {
    return (n << 1) ^ (n >> 63);
  }

  /** The number whose {@link #zigzag} is {@code z}. */
  static long unzigzag(long z) {
    return (z >>> 1) ^ -(z & 1);
  }

  /**
   * Whether {@code b} starts an RDB record, as the first byte of an unversioned stream does (which
   * had no long doubles).
   */
  static boolean isRecordTag(byte b) {
    return b == UNSIGNED || b == SIGNED || b == DOUBLE || b == FLOAT || b == BUFFER;
  }
}
