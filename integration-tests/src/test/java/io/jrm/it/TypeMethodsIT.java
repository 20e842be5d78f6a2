package io.jrm.it;

import static io.jrm.it.TypeServers.builder;
import static io.jrm.it.TypeServers.client;
import static io.jrm.it.TypeServers.describe;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * The data type method struct of version 4 (docs/data-types.md, "Copy, free effort, unlink"), with
 * ModuleTypeReplaceValue, values to and from strings, and the key names and databases of keys and
 * loads.
 */
class TypeMethodsIT {
  @Test
  void copyOfATypeWithoutCopyMethodCopiesThroughItsEncoding() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.TYPE.SET", "source", "number", "7", "small", "3");
      assertThat(jedis.copy("source", "target", false)).isTrue();
      assertThat(describe(jedis, "target")).isEqualTo(describe(jedis, "source"));
      send(jedis, "JRMTEST.TYPE.SET", "target", "number", "8");
      assertThat(describe(jedis, "source")).startsWith("jrmtest-r:number=7;");
      assertThat(describe(jedis, "target")).startsWith("jrmtest-r:number=8;");
      assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
      assertThat(describe(jedis, "target")).startsWith("jrmtest-r:number=8;");
      TypeServers.assertCleanLog(server);
    }
  }

  @Test
  void copyMethodGetsBothKeysAndDatabasesAndMayRefuse() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.TRACKED.SET", "from", "hello", "1");
      assertThat(send(jedis, "COPY", "from", "to", "DB", "3")).isEqualTo(1L);
      jedis.select(3);
      assertThat(send(jedis, "JRMTEST.TRACKED.GET", "to"))
          .isEqualTo(List.of("hello copied 0:from to 3:to", ""));
      jedis.select(0);
      send(jedis, "JRMTEST.TRACKED.SET", "refused", "nocopy", "1");
      assertThatThrownBy(() -> jedis.copy("refused", "elsewhere", false))
          .hasMessage("ERR module key failed to copy");
      assertThat(jedis.exists("elsewhere")).isFalse();
    }
  }

  @Test
  void freeEffortOver64FreesOnTheLazyFreeThreadAndUnlinkNamesTheKey() throws InterruptedException {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.TRACKED.SET", "small", "a", "1");
      send(jedis, "JRMTEST.TRACKED.SET", "big", "b", "1000");
      assertThat(jedis.unlink("small")).isEqualTo(1L);
      assertThat(send(jedis, "JRMTEST.TRACKED.LASTUNLINK")).isEqualTo("0:small");
      assertThat(Info.field(jedis, "memory", "lazyfreed_objects")).isEqualTo("0");
      assertThat(jedis.unlink("big")).isEqualTo(1L);
      assertThat(send(jedis, "JRMTEST.TRACKED.LASTUNLINK")).isEqualTo("0:big");
      TypeServers.awaitField(jedis, "memory", "lazyfreed_objects", "1", Duration.ofSeconds(20));
      assertThat(jedis.ping()).isEqualTo("PONG");
      TypeServers.assertCleanLog(server);
    }
  }

  @Test
  void freeRunsOnceForEachValueRedisFreesAndNeverForValuesJavaKeeps() throws InterruptedException {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.TRACKED.SET", "deleted", "deleted", "1");
      assertThat(jedis.del("deleted")).isEqualTo(1L);
      send(jedis, "JRMTEST.TRACKED.SET", "k", "first", "1");
      send(jedis, "JRMTEST.TRACKED.SET", "k", "second", "1");
      jedis.set("k", "a plain string now");
      assertThat(freed(jedis)).containsExactly("deleted@main", "first@main", "second@main");

      // Values Redis does not free: the old value of a replace (stored again by the command), a
      // value saved to a string, a value loaded from one, a load that fails.
      send(jedis, "JRMTEST.TRACKED.SET", "r", "old", "1");
      assertThat(send(jedis, "JRMTEST.TRACKED.REPLACE", "r", "new")).isEqualTo("old");
      raw(jedis, "JRMTEST.TRACKED.DUMPNEW", bytes("in no key"));
      byte[] dumped = raw(jedis, "JRMTEST.TRACKED.DUMP", bytes("r"));
      raw(jedis, "JRMTEST.TRACKED.LOAD", bytes("loaded"), dumped);
      byte[] truncated = Arrays.copyOf(dumped, dumped.length - 1);
      assertThatThrownBy(() -> raw(jedis, "JRMTEST.TRACKED.LOAD", bytes("bad"), truncated))
          .hasMessage("ERR corrupt data");
      assertThat(send(jedis, "BGSAVE")).isEqualTo("Background saving started");
      TypeServers.awaitField(
          jedis, "persistence", "rdb_bgsave_in_progress", "0", Duration.ofSeconds(20));
      assertThat(freed(jedis)).hasSize(3);

      // DEBUG RELOAD frees the three values it then loads again; FLUSHDB frees the loaded ones.
      assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
      assertThat(freed(jedis).subList(3, 6))
          .containsExactlyInAnyOrder("new@main", "old@main", "new@main");
      assertThat(send(jedis, "FLUSHDB")).isEqualTo("OK");
      assertThat(freed(jedis).subList(6, freed(jedis).size()))
          .containsExactlyInAnyOrder("new@main", "old@main", "new@main");
      // Not assertCleanLog: the corrupt load above logs "cannot load", as it should.
      assertThat(TypeServers.log(server)).doesNotContain(TypeServers.FORKED_JAVA);
    }
  }

  @Test
  void freeOfABigValueRunsOnRedisLazyFreeThread() throws InterruptedException {
    try (RedisServer server = builder().config("lazyfree-lazy-user-del", "yes").start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.TRACKED.SET", "small", "small", "1");
      send(jedis, "JRMTEST.TRACKED.SET", "deleted", "deleted", "1000");
      send(jedis, "JRMTEST.TRACKED.SET", "unlinked", "unlinked", "1000");
      assertThat(jedis.del("small", "deleted")).isEqualTo(2L);
      TypeServers.awaitField(jedis, "memory", "lazyfreed_objects", "1", Duration.ofSeconds(20));
      assertThat(jedis.unlink("unlinked")).isEqualTo(1L);
      TypeServers.awaitField(jedis, "memory", "lazyfreed_objects", "2", Duration.ofSeconds(20));
      send(jedis, "JRMTEST.TRACKED.SET", "flushed", "flushed", "1");
      assertThat(send(jedis, "FLUSHALL", "ASYNC")).isEqualTo("OK");
      TypeServers.awaitField(jedis, "memory", "lazyfreed_objects", "3", Duration.ofSeconds(20));
      assertThat(freed(jedis))
          .containsExactly("small@main", "deleted@other", "unlinked@other", "flushed@other");
      TypeServers.assertCleanLog(server);
    }
  }

  @Test
  void memoryUsageOfATypeThatCountsItselfIsItsOwnCount() throws InterruptedException {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.TRACKED.SET", "one", "a", "1");
      send(jedis, "JRMTEST.TRACKED.SET", "ten", "abcdefghij", "1");
      long one = jedis.memoryUsage("one");
      assertThat(one).isGreaterThan(1000);
      assertThat(jedis.memoryUsage("ten")).isEqualTo(one + 9 * 1000);
      // The serialized forms JRM keeps for the next fork do not count: the figure stays.
      assertThat(send(jedis, "BGSAVE")).isEqualTo("Background saving started");
      TypeServers.awaitField(
          jedis, "persistence", "rdb_bgsave_in_progress", "0", Duration.ofSeconds(20));
      assertThat(jedis.memoryUsage("one")).isEqualTo(one);
      TypeServers.assertCleanLog(server);
    }
  }

  @Test
  void replaceValueHandsBackTheOldValueFreeToStoreElsewhere() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.TRACKED.SET", "k", "first", "1");
      jedis.expire("k", 1000);
      assertThat(send(jedis, "JRMTEST.TRACKED.REPLACE", "k", "second")).isEqualTo("first");
      assertThat(send(jedis, "JRMTEST.TRACKED.GET", "k")).isEqualTo(List.of("second", ""));
      assertThat(send(jedis, "JRMTEST.TRACKED.GET", "k:old")).isEqualTo(List.of("first", ""));
      assertThat(jedis.ttl("k")).isPositive();
      jedis.set("plain", "string");
      assertThatThrownBy(() -> send(jedis, "JRMTEST.TRACKED.REPLACE", "plain", "x"))
          .hasMessageStartingWith("WRONGTYPE");
      assertThatThrownBy(() -> send(jedis, "JRMTEST.TRACKED.REPLACE", "missing", "x"))
          .hasMessage("ERR the key holds no value to replace");
      assertThat(jedis.get("plain")).isEqualTo("string");
      assertThat(jedis.exists("missing")).isFalse();
    }
  }

  @Test
  void valuesGoToStringsAndBackAndCorruptStringsAreRefused() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.TRACKED.SET", "k", "stored", "5");
      byte[] dumped = raw(jedis, "JRMTEST.TRACKED.DUMP", bytes("k"));
      assertThat(raw(jedis, "JRMTEST.TRACKED.LOAD", bytes("again"), dumped)).isEqualTo(bytes("OK"));
      assertThat(send(jedis, "JRMTEST.TRACKED.GET", "again")).isEqualTo(List.of("stored", ""));
      byte[] fresh = raw(jedis, "JRMTEST.TRACKED.DUMPNEW", bytes("in no key"));
      assertThat(raw(jedis, "JRMTEST.TRACKED.LOAD", bytes("fresh"), fresh)).isEqualTo(bytes("OK"));
      assertThat(send(jedis, "JRMTEST.TRACKED.GET", "fresh")).isEqualTo(List.of("in no key", ""));
      byte[] truncated = Arrays.copyOf(dumped, dumped.length - 1);
      assertThatThrownBy(() -> raw(jedis, "JRMTEST.TRACKED.LOAD", bytes("bad"), truncated))
          .hasMessage("ERR corrupt data");
      assertThat(jedis.exists("bad")).isFalse();
      assertThat(jedis.ping()).isEqualTo("PONG");
    }
  }

  @Test
  void keysAndLoadsKnowTheirKeyNameAndDatabase() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      jedis.select(2);
      send(jedis, "JRMTEST.TRACKED.SET", "named", "x", "1");
      assertThat(send(jedis, "JRMTEST.TRACKED.KEYNAME", "named")).isEqualTo("2:named v4");
      assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
      assertThat(send(jedis, "JRMTEST.TRACKED.GET", "named")).isEqualTo(List.of("x", "2:named"));
    }
  }

  /** JRMTEST.TRACKED.FREED: text@thread of each value whose free ran, in order. */
  @SuppressWarnings("unchecked")
  private static List<String> freed(Jedis jedis) {
    return (List<String>) send(jedis, "JRMTEST.TRACKED.FREED");
  }

  /** Sends binary arguments and returns the reply as Jedis gives it (a bulk string's bytes). */
  private static byte[] raw(Jedis jedis, String command, byte[]... args) {
    ProtocolCommand name = () -> bytes(command);
    return (byte[]) jedis.sendCommand(name, args);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
