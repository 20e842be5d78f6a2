package io.jrm.example;

import io.jrm.Context;
import io.jrm.RadixDict;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.SimpleString;
import io.jrm.annotations.KeyName;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.Replicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Java port of Redis 7.0's {@code src/modules/hellodict.c}: a key-value store of its own, kept
 * in a module dictionary ({@link RadixDict}, a radix tree sorted by key) rather than in the
 * keyspace, so it is neither persisted nor replicated, as in C. Part of the {@link HelloWorld}
 * module.
 */
public final class HelloDict {
  private static RadixDict<byte[]> keyspace;

  private HelloDict() {}

  /** The module's dictionary, made by the first command, kept for the module's life. */
  private static RadixDict<byte[]> keyspace(Context ctx) {
    if (keyspace == null) {
      keyspace = RadixDict.create(ctx);
    }
    return keyspace;
  }

  /**
   * HELLODICT.SET key value: stores value at key and replies OK. As in C ({@code DictSet}), a key
   * that is there keeps its first value.
   */
  @RedisCommand(name = "hellodict.set", flags = "write deny-oom", replicate = Replicate.MANUAL)
  public static SimpleString set(Context ctx, @KeyName RedisString key, RedisString value) {
    keyspace(ctx).putIfAbsent(key.bytes(), value.bytes());
    return SimpleString.OK;
  }

  /** HELLODICT.GET key: the value at key, or null when there is none. */
  @RedisCommand(name = "hellodict.get", flags = "readonly")
  public static byte[] get(Context ctx, @KeyName RedisString key) {
    return keyspace(ctx).get(key.bytes());
  }

  /**
   * HELLODICT.KEYRANGE startkey endkey count: the keys from startkey to endkey, both included, in
   * order, at most count of them.
   */
  @RedisCommand(name = "hellodict.keyrange", flags = "readonly")
  public static List<byte[]> keyRange(
      Context ctx, @KeyName RedisString start, RedisString end, RedisString count) {
    long limit;
    try {
      limit = count.toLongLong();
    } catch (RedisException e) {
      throw new RedisException("ERR invalid count");
    }
    List<byte[]> keys = new ArrayList<>();
    for (Map.Entry<byte[], byte[]> entry : keyspace(ctx).range(start.bytes(), end.bytes(), limit)) {
      keys.add(entry.getKey());
    }
    return keys;
  }
}
