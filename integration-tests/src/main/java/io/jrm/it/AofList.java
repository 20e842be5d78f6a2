package io.jrm.it;

import io.jrm.AofOutput;
import io.jrm.RedisString;
import io.jrm.annotations.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * A data type that rewrites itself into the AOF as commands: JRMTEST.ATYPE.PUSH with up to {@link
 * #CHUNK} items at a time, then JRMTEST.ATYPE.SEQ with its sequence number.
 */
@DataType(name = "jrmtest-a", encver = 0)
public final class AofList {
  static final int CHUNK = 3;

  long seq;
  List<String> items = new ArrayList<>();

  public AofList() {}

  public void aofRewrite(AofOutput aof, RedisString key) {
    for (int from = 0; from < items.size(); from += CHUNK) {
      List<String> chunk = items.subList(from, Math.min(items.size(), from + CHUNK));
      Object[] args = new Object[chunk.size() + 1];
      args[0] = key;
      for (int i = 0; i < chunk.size(); i++) {
        args[i + 1] = chunk.get(i);
      }
      aof.emit("JRMTEST.ATYPE.PUSH", args);
    }
    aof.emit("JRMTEST.ATYPE.SEQ", key, seq);
  }

  String describe() {
    return "seq=" + seq + ";items=" + items;
  }
}
