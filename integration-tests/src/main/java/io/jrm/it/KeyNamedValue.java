package io.jrm.it;

import io.jrm.AofOutput;
import io.jrm.RedisString;
import io.jrm.annotations.DataType;

/**
 * A data type whose aofRewrite passes the key's name as a String ({@code key.toString()}), as
 * {@link AofOutput#emit} allows for any argument, rather than the key object itself.
 */
@DataType(name = "jrmtest-k", encver = 0)
public final class KeyNamedValue {
  String value = "";

  public KeyNamedValue() {}

  public void aofRewrite(AofOutput aof, RedisString key) {
    aof.emit("JRMTEST.KTYPE.SET", key.toString(), value);
  }

  String describe() {
    return "value=" + value;
  }
}
