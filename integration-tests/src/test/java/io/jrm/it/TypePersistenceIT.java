package io.jrm.it;

import static io.jrm.it.TypeServers.assertCleanLog;
import static io.jrm.it.TypeServers.builder;
import static io.jrm.it.TypeServers.contents;
import static io.jrm.it.TypeServers.describe;
import static io.jrm.it.TypeServers.digest;
import static io.jrm.it.TypeServers.digestValue;
import static io.jrm.it.TypeServers.populate;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Data type values saved and loaded in the parent process, where Java writes and reads them
 * directly: SAVE, DEBUG RELOAD, DUMP and RESTORE; and what else Redis does with values: COPY,
 * MEMORY USAGE, digests, FLUSHALL ASYNC.
 */
@Timeout(60)
class TypePersistenceIT {
  private static final List<String> MODULE_KEYS =
      List.of(
          "r:full",
          "r:empty",
          "r:nan",
          "r:large",
          "c:one",
          "c:empty0",
          "a:list",
          "a:empty",
          "fr:7",
          "fc:3",
          "fa:9");

  @Test
  void saveThenRestartLoadsEqualValues() {
    try (RedisServer server = builder().start()) {
      Map<String, String> saved;
      String digest;
      try (Jedis jedis = TypeServers.client(server)) {
        populate(jedis);
        saved = contents(jedis);
        digest = digest(jedis);
        assertThat(jedis.save()).isEqualTo("OK");
        // After the save: the restart must not see it.
        send(jedis, "JRMTEST.TYPE.SET", "r:full", "number", "1");
        send(jedis, "JRMTEST.TYPE.SET", "r:after-save", "number", "1");
      }
      server.restart();
      try (Jedis jedis = TypeServers.client(server)) {
        assertThat(contents(jedis)).isEqualTo(saved);
        assertThat(digest(jedis)).isEqualTo(digest);
        assertThat(saved).containsKeys(MODULE_KEYS.toArray(String[]::new));
        assertThat(saved.get("r:full"))
            .startsWith(
                "jrmtest-r:number=-9223372036854775808;small=-2147483648;"
                    + "tiny=32767;octet=-128;flag=true;letter=é;ratio=3.141592653589793;weight=-Infinity;boxed=42;"
                    + "text=héllo wörld ✓;blob=00ff0a0d00;shade=BLUE;longs=[9223372036854775807, -1, 0];"
                    + "entries={e1=(1,x,0.25), e2=(-2,,null)};tags=[, t1, t3, ünï];note=a note;label=custom-label;");
      }
      assertCleanLog(server);
    }
  }

  @Test
  void shutdownSavesWhenSavePointsAreConfigured() {
    try (RedisServer server = builder().config("save", "3600 1").start()) {
      Map<String, String> before;
      String digest;
      try (Jedis jedis = TypeServers.client(server)) {
        populate(jedis);
        jedis.move("r:full", 3);
        before = contents(jedis);
        digest = digest(jedis);
      }
      server.restart(); // SIGTERM: Redis saves in the parent, where Java writes the values
      try (Jedis jedis = TypeServers.client(server)) {
        assertThat(contents(jedis)).isEqualTo(before);
        assertThat(digest(jedis)).isEqualTo(digest);
        jedis.select(3);
        assertThat(describe(jedis, "r:full")).startsWith("jrmtest-r:number=-9223372036854775808;");
      }
      assertThat(TypeServers.log(server)).contains("DB saved on disk");
      assertCleanLog(server);
    }
  }

  @Test
  void debugReloadKeepsValuesAndTheReloadedOnesSaveInBackground() throws InterruptedException {
    try (RedisServer server = builder().start();
        Jedis jedis = TypeServers.client(server)) {
      populate(jedis);
      Map<String, String> before = contents(jedis);
      String digest = digest(jedis);
      assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
      assertThat(contents(jedis)).isEqualTo(before);
      assertThat(digest(jedis)).isEqualTo(digest);
      // Every value now is one DEBUG RELOAD loaded: a fork must find them all serialized.
      assertThat(jedis.bgsave()).isEqualTo("Background saving started");
      assertThat(TypeServers.awaitBgsave(jedis, Duration.ofSeconds(20))).isEqualTo("ok");
      server.restart();
      try (Jedis again = TypeServers.client(server)) {
        assertThat(contents(again)).isEqualTo(before);
        assertThat(digest(again)).isEqualTo(digest);
      }
      assertCleanLog(server);
    }
  }

  @Test
  void dumpRestoresToAnotherKeyAndAnotherServer() {
    try (RedisServer server = builder().start();
        RedisServer other = builder().start();
        Jedis jedis = TypeServers.client(server);
        Jedis onOther = TypeServers.client(other)) {
      populate(jedis);
      for (String key : MODULE_KEYS) {
        byte[] dump = jedis.dump(key);
        assertThat(dump).as("DUMP %s", key).isNotNull();
        assertThat(jedis.restore(key + ":copy", 0, dump)).isEqualTo("OK");
        assertThat(onOther.restore(key, 0, dump)).isEqualTo("OK");
        assertThat(describe(jedis, key + ":copy")).as(key).isEqualTo(describe(jedis, key));
        assertThat(describe(onOther, key)).as(key).isEqualTo(describe(jedis, key));
        assertThat(digestValue(jedis, key + ":copy")).as(key).isEqualTo(digestValue(jedis, key));
        assertThat(digestValue(onOther, key)).as(key).isEqualTo(digestValue(jedis, key));
      }
      // The copies are values of their own: changing one leaves the other.
      send(jedis, "JRMTEST.TYPE.ADD", "r:full:copy", "tags", "only-in-copy");
      assertThat(describe(jedis, "r:full")).doesNotContain("only-in-copy");
      assertThat(describe(jedis, "r:full:copy")).contains("only-in-copy");

      byte[] dump = jedis.dump("r:full");
      assertThatThrownBy(() -> jedis.restore("r:full:copy", 0, dump))
          .isInstanceOf(JedisDataException.class)
          .hasMessageStartingWith("BUSYKEY");
      assertThatThrownBy(() -> send(jedis, "RESTORE", "r:nothing", "0", "not a payload"))
          .isInstanceOf(JedisDataException.class)
          .hasMessageContaining("DUMP payload version or checksum are wrong");
      assertCleanLog(server);
      assertCleanLog(other);
    }
  }

  /**
   * DUMP writes a value from its serialized form when nothing changed it since it was made (here:
   * at load, then at a fork): a change after that must show in the next DUMP all the same.
   */
  @Test
  void dumpAfterALoadOrAForkShowsLaterChanges() throws InterruptedException {
    try (RedisServer server = builder().start()) {
      try (Jedis jedis = TypeServers.client(server)) {
        populate(jedis);
        assertThat(jedis.save()).isEqualTo("OK");
      }
      server.restart();
      try (Jedis jedis = TypeServers.client(server)) {
        String loaded = describe(jedis, "r:full");
        assertThat(jedis.restore("r:loaded", 0, jedis.dump("r:full"))).isEqualTo("OK");
        send(jedis, "JRMTEST.TYPE.ADD", "r:full", "tags", "after-load");
        assertThat(jedis.restore("r:changed", 0, jedis.dump("r:full"))).isEqualTo("OK");
        assertThat(describe(jedis, "r:loaded")).isEqualTo(loaded).doesNotContain("after-load");
        assertThat(describe(jedis, "r:changed")).isEqualTo(describe(jedis, "r:full"));
        assertThat(describe(jedis, "r:changed")).contains("after-load");

        assertThat(jedis.bgsave()).isEqualTo("Background saving started");
        assertThat(TypeServers.awaitBgsave(jedis, Duration.ofSeconds(30))).isEqualTo("ok");
        send(jedis, "JRMTEST.TYPE.ADD", "r:full", "tags", "after-fork");
        assertThat(jedis.restore("r:forked", 0, jedis.dump("r:full"))).isEqualTo("OK");
        assertThat(describe(jedis, "r:forked"))
            .isEqualTo(describe(jedis, "r:full"))
            .contains("after-fork");
      }
      assertCleanLog(server);
    }
  }

  @Test
  void restoreReplaceSwapsTheValue() {
    try (RedisServer server = builder().start();
        Jedis jedis = TypeServers.client(server)) {
      populate(jedis);
      byte[] dump = jedis.dump("r:full");
      assertThat(
              TypeServers.sendBinary(
                  jedis,
                  "RESTORE",
                  TypeServers.bytes("r:empty"),
                  TypeServers.bytes("0"),
                  dump,
                  TypeServers.bytes("REPLACE")))
          .isEqualTo("OK".getBytes());
      assertThat(describe(jedis, "r:empty")).isEqualTo(describe(jedis, "r:full"));
      // The replaced value was freed; the new one saves.
      assertThat(jedis.save()).isEqualTo("OK");
      assertCleanLog(server);
    }
  }

  @Test
  void debugObjectMeasuresAModuleValue() {
    try (RedisServer server = builder().start();
        Jedis jedis = TypeServers.client(server)) {
      populate(jedis);
      // serializedlength: the value written to a null RDB stream, in the parent.
      String small = (String) send(jedis, "DEBUG", "OBJECT", "r:empty");
      String large = (String) send(jedis, "DEBUG", "OBJECT", "r:large");
      assertThat(small).contains("serializedlength:");
      long smallLength = Long.parseLong(small.replaceAll(".*serializedlength:(\\d+).*", "$1"));
      long largeLength = Long.parseLong(large.replaceAll(".*serializedlength:(\\d+).*", "$1"));
      assertThat(largeLength).isGreaterThan(smallLength + 10_000);
      assertCleanLog(server);
    }
  }

  @Test
  void copyOfAModuleValueHoldsTheSameContentAndStaysApart() {
    try (RedisServer server = builder().start();
        Jedis jedis = TypeServers.client(server)) {
      populate(jedis);
      // The types declare no copy method: COPY goes through each type's encoding.
      for (String key : List.of("r:full", "c:one", "a:list")) {
        assertThat(jedis.copy(key, key + ":copy", false)).isTrue();
        assertThat(describe(jedis, key + ":copy")).isEqualTo(describe(jedis, key));
      }
      String copied = describe(jedis, "r:full:copy");
      send(jedis, "JRMTEST.TYPE.SET", "r:full", "number", "1");
      assertThat(describe(jedis, "r:full:copy")).isEqualTo(copied);
      assertThat(describe(jedis, "r:full")).isNotEqualTo(copied);
      assertCleanLog(server);
    }
  }

  @Test
  void memoryUsageGrowsWithContent() {
    try (RedisServer server = builder().start();
        Jedis jedis = TypeServers.client(server)) {
      send(jedis, "JRMTEST.TYPE.SET", "r", "number", "1");
      long empty = jedis.memoryUsage("r");
      List<String> longs = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        longs.add(String.valueOf(i));
      }
      TypeServers.sendAll(jedis, "JRMTEST.TYPE.ADD", List.of("r", "longs"), longs);
      long thousandLongs = jedis.memoryUsage("r");
      // A long is at least 8 bytes however it is encoded.
      assertThat(thousandLongs).isGreaterThan(empty + 8_000);
      send(jedis, "JRMTEST.TYPE.SET", "r", "text", "x".repeat(100_000));
      assertThat(jedis.memoryUsage("r")).isGreaterThanOrEqualTo(thousandLongs + 100_000);
      send(jedis, "JRMTEST.CTYPE.INCR", "c", "a", "1");
      long oneCounter = jedis.memoryUsage("c");
      for (int i = 0; i < 200; i++) {
        send(jedis, "JRMTEST.CTYPE.INCR", "c", "counter-" + i, "1");
      }
      assertThat(jedis.memoryUsage("c")).isGreaterThan(oneCounter + 200 * 10);
      assertCleanLog(server);
    }
  }

  @Test
  void equalContentDigestsEquallyWhateverTheOrderItWasBuiltIn() {
    try (RedisServer server = builder().start();
        Jedis jedis = TypeServers.client(server)) {
      List<String> tags = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        tags.add("tag-" + i);
      }
      TypeServers.sendAll(jedis, "JRMTEST.TYPE.ADD", List.of("forward", "tags"), tags);
      Collections.reverse(tags);
      TypeServers.sendAll(jedis, "JRMTEST.TYPE.ADD", List.of("backward", "tags"), tags);
      send(jedis, "JRMTEST.TYPE.ADD", "removed", "tags", "extra");
      TypeServers.sendAll(jedis, "JRMTEST.TYPE.ADD", List.of("removed", "tags"), tags);
      send(jedis, "JRMTEST.TYPE.REMOVE", "removed", "tags", "extra");
      for (int i = 0; i < 50; i++) {
        send(jedis, "JRMTEST.TYPE.ADD", "forward", "entry", "e" + i, String.valueOf(i), "d", "1.5");
        send(
            jedis,
            "JRMTEST.TYPE.ADD",
            "backward",
            "entry",
            "e" + (49 - i),
            String.valueOf(49 - i),
            "d",
            "1.5");
      }
      for (int i = 0; i < 50; i++) {
        send(jedis, "JRMTEST.TYPE.ADD", "removed", "entry", "e" + i, String.valueOf(i), "d", "1.5");
      }
      String digest = digestValue(jedis, "forward");
      assertThat(digestValue(jedis, "backward")).isEqualTo(digest);
      assertThat(digestValue(jedis, "removed")).isEqualTo(digest);
      assertThat(describe(jedis, "backward")).isEqualTo(describe(jedis, "forward"));
      // A value's digest is its content: after a reload into new sets and maps, still the same.
      assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
      assertThat(digestValue(jedis, "backward")).isEqualTo(digest);
      // Different content, different digest: one entry's count, one tag.
      send(jedis, "JRMTEST.TYPE.ADD", "backward", "entry", "e7", "8", "d", "1.5");
      assertThat(digestValue(jedis, "backward")).isNotEqualTo(digest);
      send(jedis, "JRMTEST.TYPE.REMOVE", "removed", "tags", "tag-3");
      send(jedis, "JRMTEST.TYPE.ADD", "removed", "tags", "tag-3x");
      assertThat(digestValue(jedis, "removed")).isNotEqualTo(digest);
      assertCleanLog(server);
    }
  }

  @Test
  void flushallAsyncFreesManyValuesWhileTheServerKeepsServing() throws InterruptedException {
    try (RedisServer server = builder().start();
        Jedis jedis = TypeServers.client(server)) {
      send(jedis, "JRMTEST.TYPE.FILL", "rich", "r:", "30000", "3");
      send(jedis, "JRMTEST.TYPE.FILL", "counter", "c:", "10000", "3");
      send(jedis, "JRMTEST.TYPE.FILL", "aof", "a:", "10000", "3");
      for (int round = 0; round < 3; round++) {
        assertThat(jedis.flushAll(redis.clients.jedis.args.FlushMode.ASYNC)).isEqualTo("OK");
        // New values while the old ones are freed in the background.
        assertThat(send(jedis, "JRMTEST.TYPE.FILL", "rich", "r:", "2000", "3")).isEqualTo(2000L);
        send(jedis, "JRMTEST.TYPE.BUMP", "r:5");
        assertThat(describe(jedis, "r:5")).startsWith("jrmtest-r:number=6;");
        assertThat(jedis.bgsave()).isEqualTo("Background saving started");
        assertThat(TypeServers.awaitBgsave(jedis, Duration.ofSeconds(20))).isEqualTo("ok");
        send(jedis, "JRMTEST.TYPE.FILL", "rich", "r:", "30000", "3");
      }
      TypeServers.awaitField(
          jedis, "memory", "lazyfree_pending_objects", "0", Duration.ofSeconds(20));
      // Freed by Redis's lazy-free thread, not the main thread: 50,000, then 30,000 twice (the
      // 2,000 refilled keys were replaced, and freed, by the next fill).
      assertThat(Long.parseLong(Info.field(jedis, "memory", "lazyfreed_objects")))
          .isGreaterThanOrEqualTo(50_000 + 2 * 30_000);
      assertThat(jedis.dbSize()).isEqualTo(30_000L);
      assertThat(describe(jedis, "r:29999")).startsWith("jrmtest-r:number=29999;");
      assertThat(jedis.ping()).isEqualTo("PONG");
      assertCleanLog(server);
    }
  }
}
