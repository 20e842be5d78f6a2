package io.jrm.internal.types;

/**
 * The byte format in which a data type value is prepared, in the parent, for a forked child to
 * write with pure C (the module stub's replay; StubAbiTest replays this format through it). All
 * numbers are little-endian.
 *
 * <p>RDB stream: a sequence of records, one per {@code Save*} call: {@code 'U'} or {@code 'S'} and
 * 8 bytes, {@code 'D'} and 8 bytes of the double, {@code 'F'} and 4 bytes of the float, {@code
 * 'B'}, an 8-byte length and the bytes.
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
  public static final byte BUFFER = 'B';
  public static final byte COMMAND = 'C';

  /** The length that stands for the key name in an AOF command. */
  public static final long KEY = -1;

  private Snapshot() {}
}
