package io.jrm.it;

import io.jrm.AuxPhase;
import io.jrm.RdbInput;
import io.jrm.RdbOutput;
import io.jrm.annotations.DataType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A data type whose module-wide state goes into the RDB (auxSave/auxLoad): one string per phase,
 * saved for the phases the module argument {@code aux=before}, {@code aux=after} or {@code
 * aux=both} names (none without it, so that the other tests' RDB files hold no aux data). Encoding
 * per phase: S(0) for no string, or S(1) and B(the string). {@link AuxCommands} sets and reads the
 * state, and makes auxSave fail.
 */
@DataType(name = "jrmtest-g", encver = 1)
public final class AuxState {
  /** How auxSave misbehaves, for the failure tests. */
  enum Failure {
    /** It does not. */
    NONE,
    /** It throws. */
    THROW,
    /** It writes a count of 1 and no string: the load then reads past the aux data. */
    SHORT
  }

  static final Map<AuxPhase, byte[]> strings = new EnumMap<>(AuxPhase.class);
  static final List<AuxPhase> loads = new ArrayList<>();
  static final Set<AuxPhase> triggers = EnumSet.noneOf(AuxPhase.class);
  static Failure failure = Failure.NONE;

  long number;

  public AuxState() {}

  /** Reads {@code aux=before|after|both} from the module arguments. */
  static void configure(String argument) {
    switch (argument) {
      case "aux=before" -> triggers.add(AuxPhase.BEFORE_RDB);
      case "aux=after" -> triggers.add(AuxPhase.AFTER_RDB);
      case "aux=both" -> triggers.addAll(EnumSet.allOf(AuxPhase.class));
      default -> {}
    }
  }

  public static Set<AuxPhase> auxSaveTriggers() {
    return triggers;
  }

  public static void auxSave(RdbOutput out, AuxPhase phase) {
    if (failure == Failure.THROW) {
      throw new IllegalStateException("auxSave fails, as asked");
    }
    byte[] string = strings.get(phase);
    if (failure == Failure.SHORT) {
      out.saveSigned(1);
    } else if (string == null) {
      out.saveSigned(0);
    } else {
      out.saveSigned(1);
      out.saveStringBuffer(string);
    }
  }

  public static void auxLoad(RdbInput in, int encver, AuxPhase phase) {
    long count = in.loadSigned();
    if (count == 0) {
      strings.remove(phase);
    } else {
      strings.put(phase, in.loadStringBuffer());
    }
    loads.add(phase);
  }
}
