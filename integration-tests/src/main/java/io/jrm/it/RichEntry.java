package io.jrm.it;

import io.jrm.annotations.Persistable;

/** The values of {@link RichValue#entries}: a persistable class nested in a data type. */
@Persistable
public class RichEntry {
  long count;
  String data = "";
  @Nullable Double weight;

  public RichEntry() {}

  RichEntry(long count, String data, Double weight) {
    this.count = count;
    this.data = data;
    this.weight = weight;
  }

  @Override
  public String toString() {
    return "(" + count + "," + data + "," + weight + ")";
  }
}
