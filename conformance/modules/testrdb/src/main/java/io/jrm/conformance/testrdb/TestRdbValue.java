package io.jrm.conformance.testrdb;

import io.jrm.AuxPhase;
import io.jrm.RdbInput;
import io.jrm.RdbOutput;
import io.jrm.RedisException;
import io.jrm.annotations.DataType;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * The type {@code test__rdb} of Redis's tests/modules/testrdb.c: a string, saved as {@code
 * SaveSigned(1)}, the string, {@code SaveFloat(1.5)} and {@code SaveLongDouble(0.333...)}; and the
 * module's two global strings as aux data, before and/or after the keyspace as the module argument
 * says (0: no aux, 1: after, 2: both).
 *
 * <p>Where C asserts (and so crashes) on data it does not expect, the port throws, which fails the
 * load or the save. With argument 0, C registers the type without aux_load; JRM registers it with
 * aux_load and no triggers, so nothing is saved either.
 */
@DataType(name = "test__rdb", encver = 1)
public final class TestRdbValue {
  private static final float FLOAT = 1.5f;
  private static final BigDecimal LONG_DOUBLE = new BigDecimal("0.333333333333333333");

  final byte[] string;

  TestRdbValue(byte[] string) {
    this.string = string;
  }

  /** SaveSigned(1), the string, SaveFloat(1.5), SaveLongDouble(0.333333333333333333). */
  public void rdbSave(RdbOutput out) {
    out.saveSigned(1);
    out.saveStringBuffer(string);
    out.saveFloat(FLOAT);
    out.saveLongDouble(LONG_DOUBLE);
  }

  /** Reads what rdbSave writes; an unexpected count, encver or float fails the load. */
  public static TestRdbValue rdbLoad(RdbInput in, int encver) {
    long count = in.loadSigned();
    byte[] string = in.loadStringBuffer();
    float f = in.loadFloat();
    in.loadLongDouble();
    if (count != 1 || encver != 1 || f != FLOAT) {
      throw new RedisException("ERR unexpected test__rdb data");
    }
    return new TestRdbValue(string);
  }

  /** Argument 0: none; 1: after the keyspace; otherwise before and after. */
  public static Set<AuxPhase> auxSaveTriggers() {
    if (TestRdbModule.confAuxCount == 0) {
      return EnumSet.noneOf(AuxPhase.class);
    }
    return TestRdbModule.confAuxCount == 1
        ? EnumSet.of(AuxPhase.AFTER_RDB)
        : EnumSet.allOf(AuxPhase.class);
  }

  /** The global string of {@code phase}: SaveSigned(0), or SaveSigned(1) and the string. */
  public static void auxSave(RdbOutput out, AuxPhase phase) {
    if (TestRdbModule.confAuxCount == 0
        || (TestRdbModule.confAuxCount == 1 && phase != AuxPhase.AFTER_RDB)) {
      throw new IllegalStateException("aux_save called for " + phase + ", which is not triggered");
    }
    byte[] string = TestRdbModule.global(phase);
    if (string == null) {
      out.saveSigned(0);
    } else {
      out.saveSigned(1);
      out.saveStringBuffer(string);
    }
  }

  /**
   * Loads the global string of {@code phase}; during an asynchronous replica load, into the
   * temporary copy the REPL_ASYNC_LOAD events then keep or drop.
   */
  public static void auxLoad(RdbInput in, int encver, AuxPhase phase) {
    if (encver != 1) {
      throw new IllegalStateException("aux data of encver " + encver + ", expected 1");
    }
    long count = in.loadSigned();
    TestRdbModule.loaded(phase, count != 0 ? in.loadStringBuffer() : null);
  }
}
