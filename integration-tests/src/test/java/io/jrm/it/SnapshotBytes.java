package io.jrm.it;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the payload of {@code <module>.jrm-restore} (io.jrm.internal.types.Snapshot): one record
 * per {@code Save*} call, 'U'/'S' and 8 bytes, 'D' and 8, 'F' and 4, 'B', an 8-byte length and the
 * bytes; all little-endian. That is format version 0, without a version byte; {@link #version3}
 * starts one of version 3, where the numbers of 'U', 'S' (zigzagged) and the length of 'B' are
 * varints.
 */
final class SnapshotBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private boolean varints;

  /** A payload of format version 3: its version byte, then records with varints. */
  static SnapshotBytes version3() {
    SnapshotBytes bytes = new SnapshotBytes().raw((byte) 3);
    bytes.varints = true;
    return bytes;
  }

  /** A record of {@code tag} and a number: a varint in version 3, else 8 bytes. */
  private SnapshotBytes word(char tag, long v) {
    if (!varints) {
      return tagged(tag, 8, b -> b.putLong(v));
    }
    out.write(tag);
    long rest = v;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) (rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    out.write((int) rest);
    return this;
  }

  private SnapshotBytes tagged(char tag, int size, java.util.function.Consumer<ByteBuffer> put) {
    ByteBuffer buffer = ByteBuffer.allocate(1 + size).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put((byte) tag);
    put.accept(buffer);
    out.writeBytes(buffer.array());
    return this;
  }

  SnapshotBytes unsigned(long v) {
    return word('U', v);
  }

  SnapshotBytes signed(long v) {
    return word('S', varints ? (v << 1) ^ (v >> 63) : v);
  }

  SnapshotBytes dbl(double v) {
    return tagged('D', 8, b -> b.putDouble(v));
  }

  SnapshotBytes flt(float v) {
    return tagged('F', 4, b -> b.putFloat(v));
  }

  SnapshotBytes buffer(byte[] bytes) {
    word('B', bytes.length);
    out.writeBytes(bytes);
    return this;
  }

  SnapshotBytes text(String text) {
    return buffer(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Raw bytes, for malformed payloads. */
  SnapshotBytes raw(byte... bytes) {
    out.writeBytes(bytes);
    return this;
  }

  byte[] toBytes() {
    return out.toByteArray();
  }

  /**
   * A RichValue of encver 1 (no label) as its generated serializer writes it: number 7, text "old",
   * shade GREEN, longs [1, 2], one entry k=(3, "d", null), tags [x], note "n".
   */
  static SnapshotBytes richEncver1() {
    return new SnapshotBytes()
        .signed(7)
        .signed(-5)
        .signed(300)
        .signed(-7) // number small tiny octet
        .unsigned(1)
        .unsigned('q') // flag letter
        .dbl(2.5)
        .flt(0.5f)
        .signed(11) // ratio weight boxed
        .text("old")
        .buffer(new byte[] {1, 2})
        .text("GREEN") // text blob shade
        .unsigned(2)
        .signed(1)
        .signed(2) // longs
        .unsigned(1)
        .text("k")
        .signed(3)
        .text("d")
        .unsigned(0) // entries
        .unsigned(1)
        .text("x") // tags
        .unsigned(1)
        .text("n"); // note
  }

  /** What JRMTEST.TYPE.GET says of {@link #richEncver1()} loaded, the label as given. */
  static String richEncver1Description(String label, int upgradedFrom) {
    return "jrmtest-r:number=7;small=-5;tiny=300;octet=-7;flag=true;letter=q;ratio=2.5;weight=0.5;boxed=11"
        + ";text=old;blob=0102;shade=GREEN;longs=[1, 2];entries={k=(3,d,null)};tags=[x];note=n"
        + ";label="
        + label
        + ";upgradedFrom="
        + upgradedFrom;
  }
}
