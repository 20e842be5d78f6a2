package io.jrm.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.RedisException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What SnapshotWriter records, SnapshotReader reads back, at the edges of the varints of format
 * version 3; streams of version 2 still read; a malformed varint is refused.
 */
class SnapshotRoundTripTest {
  private static final long[] NUMBERS = {
    0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE
  };

  @Test
  void numbersAndBuffersReadBackAsWritten() {
    SnapshotWriter out = new SnapshotWriter(false);
    out.saveFormatVersion();
    for (long n : NUMBERS) {
      out.saveSigned(n);
      out.saveUnsigned(n);
    }
    out.saveStringBuffer("héllo".getBytes(StandardCharsets.UTF_8));
    out.saveStringBuffer(new byte[200]); // a length of two varint bytes
    out.saveDouble(-2.5);
    SnapshotReader in = new SnapshotReader(out.toByteArray(), null);
    for (long n : NUMBERS) {
      assertThat(in.loadSigned()).isEqualTo(n);
      assertThat(in.loadUnsigned()).isEqualTo(n);
    }
    assertThat(new String(in.loadStringBuffer(), StandardCharsets.UTF_8)).isEqualTo("héllo");
    assertThat(in.loadStringBuffer()).hasSize(200);
    assertThat(in.loadDouble()).isEqualTo(-2.5);
    assertThat(in.exhausted()).isTrue();
  }

  @Test
  void smallNumbersTakeOneByteAfterTheirTag() {
    SnapshotWriter out = new SnapshotWriter(false);
    out.saveFormatVersion();
    out.saveSigned(-3);
    out.saveUnsigned(7);
    assertThat(out.toByteArray()).containsExactly(3, 'S', 5, 'U', 7);
  }

  @Test
  void aVersion2StreamOfEightByteNumbersStillReads() {
    ByteBuffer v2 = ByteBuffer.allocate(1 + 9 + 9 + 9 + 2).order(ByteOrder.LITTLE_ENDIAN);
    v2.put((byte) 2).put((byte) 'S').putLong(-3).put((byte) 'U').putLong(7);
    v2.put((byte) 'B').putLong(2).put((byte) 'o').put((byte) 'k');
    SnapshotReader in = new SnapshotReader(v2.array(), null);
    assertThat(in.loadSigned()).isEqualTo(-3);
    assertThat(in.loadUnsigned()).isEqualTo(7);
    assertThat(in.loadStringBuffer()).containsExactly('o', 'k');
    assertThat(in.exhausted()).isTrue();
  }

  @Test
  void aVarintCutShortOrLongerThan64BitsIsRefused() {
    byte[] cut = {3, 'U', (byte) 0x80};
    assertThatThrownBy(() -> new SnapshotReader(cut, null).loadUnsigned())
        .isInstanceOf(RedisException.class)
        .hasMessage(
            "ERR corrupt serialized value: a number of record 'U' ends too early or has more than 64"
                + " bits");
    byte[] tooLong = new byte[2 + 11];
    tooLong[0] = 3;
    tooLong[1] = 'S';
    for (int i = 2; i < tooLong.length; i++) {
      tooLong[i] = (byte) 0x81;
    }
    assertThatThrownBy(() -> new SnapshotReader(tooLong, null).loadSigned())
        .hasMessageContaining("has more than 64 bits");
  }

  @Test
  void canonicalOutputKeepsEightByteNumbers() {
    SnapshotWriter out = new SnapshotWriter(true);
    out.saveSigned(-3);
    assertThat(out.toByteArray()).hasSize(9);
  }
}
