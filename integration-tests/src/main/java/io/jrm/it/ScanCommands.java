package io.jrm.it;

import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.WriteKey;
import io.jrm.annotations.RedisCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Commands of the jrmtest module ({@code JRMTEST.SCAN.*}) for {@code ScanIT}. */
public final class ScanCommands {
  private ScanCommands() {}

  /**
   * JRMTEST.SCAN.DELETE prefix: deletes every key whose name starts with prefix from inside the
   * scan's callback, which Redis would not allow inside a C scan callback; replies how many.
   */
  @RedisCommand(name = "jrmtest.scan.delete", flags = "write")
  public static long delete(Context ctx, String prefix) {
    long[] deleted = {0};
    ctx.scan(
        name -> {
          if (name.toString().startsWith(prefix)) {
            try (WriteKey key = ctx.writeKey(name)) {
              key.delete();
              deleted[0]++;
            }
          }
        });
    return deleted[0];
  }

  /** JRMTEST.SCAN.ELEMENTS key: field, value (or "-" when none) of each element, flat. */
  @RedisCommand(name = "jrmtest.scan.elements", flags = "readonly")
  public static List<String> elements(Context ctx, RedisString name) {
    List<String> elements = new ArrayList<>();
    try (var key = ctx.readKey(name)) {
      key.scan(
          (field, value) -> {
            elements.add(new String(field, StandardCharsets.UTF_8));
            elements.add(value == null ? "-" : new String(value, StandardCharsets.UTF_8));
          });
    }
    return elements;
  }
}
