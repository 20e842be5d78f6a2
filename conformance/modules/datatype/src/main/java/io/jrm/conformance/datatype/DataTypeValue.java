package io.jrm.conformance.datatype;

import io.jrm.KeyOptContext;
import io.jrm.RdbInput;
import io.jrm.RdbOutput;
import io.jrm.RedisString;
import io.jrm.annotations.DataType;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The type {@code test___dt} of Redis's tests/modules/datatype.c: a number and a string, saved as
 * {@code SaveSigned} then {@code SaveString}. Its encver is 4, not C's 1: C's load accepts any
 * encver, and the unit loads a string "written with encver 4" (JRM refuses data newer than the
 * type).
 */
@DataType(name = "test___dt", encver = 4)
public final class DataTypeValue {
  long intval;
  byte[] strval = new byte[0];

  /** A value of these two fields. */
  DataTypeValue(long intval, byte[] strval) {
    this.intval = intval;
    this.strval = strval;
  }

  /** SaveSigned and SaveStringBuffer, as the C module's SaveSigned and SaveString. */
  public void rdbSave(RdbOutput out) {
    out.saveSigned(intval);
    out.saveStringBuffer(strval);
  }

  /**
   * Loads a value, recording its encver for DATATYPE.RESTORE's reply, and, while
   * DATATYPE.SLOW_LOADING is on, yields to clients (the unit's slow loading test) until it is
   * turned off.
   */
  public static DataTypeValue rdbLoad(RdbInput in, int encver) {
    DatatypeModule.loadEncver = encver;
    // C loads the number into an int.
    DataTypeValue value = new DataTypeValue((int) in.loadSigned(), in.loadStringBuffer());
    if (DatatypeModule.slowLoading) {
      DatatypeModule.inSlowLoading = true;
      while (DatatypeModule.slowLoading) {
        in.context().yield(true, "Slow module operation");
        DatatypeModule.pause();
      }
      DatatypeModule.inSlowLoading = false;
    }
    return value;
  }

  /**
   * COPY: refuses the number 42; else the same number, and the string with {@code /<from>/<to>}
   * appended, so that the unit sees which keys the copy got.
   */
  public @Nullable DataTypeValue copy(KeyOptContext keys) {
    if (intval == 42) {
      return null;
    }
    RedisString to = keys.toKeyName();
    String suffix = "/" + keys.keyName() + "/" + (to == null ? "" : to.toString());
    byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
    byte[] copied = new byte[strval.length + tail.length];
    System.arraycopy(strval, 0, copied, 0, strval.length);
    System.arraycopy(tail, 0, copied, strval.length, tail.length);
    return new DataTypeValue(intval, copied);
  }
}
