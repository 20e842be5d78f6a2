package io.jrm.conformance.scan;

import io.jrm.Context;
import io.jrm.KeyType;
import io.jrm.ReadKey;
import io.jrm.RedisString;
import io.jrm.ScanCursor;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;

/**
 * The port of Redis's tests/modules/scan.c (unit moduleapi/scan): the keyspace and a key's
 * elements, scanned with a cursor.
 */
@RedisModule(name = "scan")
public final class ScanModule {
  private ScanModule() {}

  /** SCAN.SCAN_STRINGS: an array of [name, value] for every key holding a string. */
  @RedisCommand(name = "scan.scan_strings")
  public static void scanStrings(Context ctx, RedisString[] argv) {
    ctx.replyWithArray(Context.POSTPONED_LENGTH);
    long[] count = {0};
    try (ScanCursor cursor = ScanCursor.create(ctx)) {
      while (ctx.scan(cursor, name -> replyIfString(ctx, name, count))) {
        // every step replied for its keys
      }
    }
    ctx.replySetArrayLength(count[0]);
  }

  private static void replyIfString(Context ctx, RedisString name, long[] count) {
    try (ReadKey key = ctx.readKey(name)) {
      if (key.type() == KeyType.STRING) {
        ctx.replyWithArray(2);
        ctx.replyWithString(name);
        ctx.replyWithStringBuffer(key.stringDma().bytes());
        count[0]++;
      }
    }
  }

  /** SCAN.SCAN_KEY key: an array of [field, value or null] for every element of the key. */
  @RedisCommand(name = "scan.scan_key")
  public static void scanKey(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    try (ReadKey key = ctx.readKey(argv[1])) {
      if (key.type() == KeyType.EMPTY) {
        ctx.replyWithError("not found");
        return;
      }
      ctx.replyWithArray(Context.POSTPONED_LENGTH);
      long[] count = {0};
      key.scan(
          (field, value) -> {
            ctx.replyWithArray(2);
            ctx.replyWithStringBuffer(field);
            if (value == null) {
              ctx.replyWithNull();
            } else {
              ctx.replyWithStringBuffer(value);
            }
            count[0]++;
          });
      ctx.replySetArrayLength(count[0]);
    }
  }
}
