package io.jrm.it;

import io.jrm.annotations.DataType;
import io.jrm.annotations.Since;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A data type with a field of every kind JRM encodes itself, for the persistence tests. Encver 2
 * added {@link #label}: data of encver 1 loads with the label the constructor sets, then {@link
 * #upgrade} records the encver it came from.
 *
 * <p>Encoding (fields in declaration order): number S, small S, tiny S, octet S, flag U, letter U,
 * ratio D, weight F, boxed S, text B, blob B, shade B, longs U(n) then n S, entries U(n) then per
 * entry B(key) S(count) B(data) U(0|1)[D(weight)], tags U(n) then n B, note U(0|1)[B], label B
 * (encver 2 and later).
 */
@DataType(name = "jrmtest-r", encver = 2)
public final class RichValue {
  /** What {@link #label} holds unless set: data of encver 1 loads with it. */
  static final String DEFAULT_LABEL = "lbl";

  long number;
  int small;
  short tiny;
  byte octet;
  boolean flag;
  char letter = 'a';
  double ratio;
  float weight;
  Integer boxed = 0;
  String text = "";
  byte[] blob = new byte[0];
  Shade shade = Shade.RED;
  List<Long> longs = new ArrayList<>();
  Map<String, RichEntry> entries = new HashMap<>();
  Set<String> tags = new HashSet<>();
  @Nullable String note;

  @Since(2)
  String label = DEFAULT_LABEL;

  /** The encver {@link #upgrade} was called with; -1 if it was not. Not persisted. */
  transient int upgradedFrom = -1;

  public RichValue() {}

  /** Called by JRM after loading data of an older encver. */
  public void upgrade(int fromEncver) {
    upgradedFrom = fromEncver;
  }

  /** Every field, with sets and maps in sorted order: equal content, equal description. */
  String describe() {
    Map<String, String> sortedEntries = new TreeMap<>();
    entries.forEach((k, v) -> sortedEntries.put(k, v.toString()));
    return "number="
        + number
        + ";small="
        + small
        + ";tiny="
        + tiny
        + ";octet="
        + octet
        + ";flag="
        + flag
        + ";letter="
        + letter
        + ";ratio="
        + ratio
        + ";weight="
        + weight
        + ";boxed="
        + boxed
        + ";text="
        + text
        + ";blob="
        + HexFormat.of().formatHex(blob)
        + ";shade="
        + shade
        + ";longs="
        + longs
        + ";entries="
        + sortedEntries
        + ";tags="
        + new TreeSet<>(tags)
        + ";note="
        + note
        + ";label="
        + label
        + ";upgradedFrom="
        + upgradedFrom;
  }
}
