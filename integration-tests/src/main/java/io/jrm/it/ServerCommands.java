package io.jrm.it;

import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Commands of the jrmtest module ({@code JRMTEST.SERVER.*}) for {@code ServerApiIT}: the database,
 * keys, randomness, the server version, and replica traffic.
 */
public final class ServerCommands {
  private ServerCommands() {}

  /** JRMTEST.SERVER.KEYS key: [DBSIZE, whether key exists, a random key or null]. */
  @RedisCommand(name = "jrmtest.server.keys", flags = "readonly")
  public static void keys(Context ctx, RedisString key) {
    ctx.replyWithArray(3);
    ctx.replyWithLongLong(ctx.dbSize());
    ctx.replyWithLongLong(ctx.keyExists(key) ? 1 : 0);
    Optional<RedisString> random = ctx.randomKey();
    if (random.isPresent()) {
      try (RedisString name = random.get()) {
        ctx.replyWithString(name);
      }
    } else {
      ctx.replyWithNull();
    }
  }

  /** JRMTEST.SERVER.RANDOM length: [random bytes in hex, random hex characters], each of length. */
  @RedisCommand(name = "jrmtest.server.random", flags = "readonly")
  public static void random(Context ctx, int length) {
    ctx.replyWithArray(2);
    ctx.replyWithString(HexFormat.of().formatHex(ctx.randomBytes(length)));
    ctx.replyWithString(ctx.randomHexChars(length));
  }

  /** JRMTEST.SERVER.VERSION: [the server version as 0x00MMmmpp, whether to avoid replicas]. */
  @RedisCommand(name = "jrmtest.server.version", flags = "readonly fast")
  public static void version(Context ctx) {
    ctx.replyWithArray(2);
    ctx.replyWithLongLong(ctx.serverVersion());
    ctx.replyWithLongLong(ctx.avoidReplicaTraffic() ? 1 : 0);
  }
}
