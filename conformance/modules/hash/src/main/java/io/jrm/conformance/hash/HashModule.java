package io.jrm.conformance.hash;

import io.jrm.Context;
import io.jrm.HashFlag;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/** The port of Redis's tests/modules/hash.c (unit moduleapi/hash): hash fields through a key. */
@RedisModule(name = "hash")
public final class HashModule {
  private static final String DELETE_VALUE = ":delete:";

  private HashModule() {}

  /**
   * HASH.SET key flags field value [field value ...] (one to four pairs): replies what HashSet
   * returns. Each letter of flags adds one: {@code n} NX, {@code x} XX, {@code a} COUNT_ALL (others
   * are ignored); a value {@code :delete:} (any case) deletes its field. A key of another type
   * replies WRONGTYPE.
   */
  @RedisCommand(name = "hash.set", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void set(Context ctx, RedisString[] argv) {
    if (argv.length < 5 || argv.length % 2 == 0 || argv.length > 11) {
      ctx.wrongArity();
      return;
    }
    Object[] pairs = new Object[argv.length - 3];
    for (int i = 3; i < argv.length; i += 2) {
      pairs[i - 3] = argv[i];
      pairs[i - 2] = isDelete(argv[i + 1]) ? Key.DELETE : argv[i + 1];
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.WRITE)) {
      ctx.replyWithLongLong(key.hashSet(flags(argv[2].toString()), pairs));
    }
  }

  private static Set<HashFlag> flags(String letters) {
    Set<HashFlag> flags = EnumSet.noneOf(HashFlag.class);
    for (char letter : letters.toCharArray()) {
      switch (letter) {
        case 'n' -> flags.add(HashFlag.NX);
        case 'x' -> flags.add(HashFlag.XX);
        case 'a' -> flags.add(HashFlag.COUNT_ALL);
        default -> {} // C ignores other letters
      }
    }
    return flags;
  }

  /** C compares the value as a C string: the bytes up to the first NUL. */
  private static boolean isDelete(RedisString value) {
    byte[] bytes = value.bytes();
    int length = 0;
    while (length < bytes.length && bytes[length] != 0) {
      length++;
    }
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1).equalsIgnoreCase(DELETE_VALUE);
  }
}
