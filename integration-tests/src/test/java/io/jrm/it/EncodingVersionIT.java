package io.jrm.it;

import static io.jrm.it.TypeServers.builder;
import static io.jrm.it.TypeServers.bytes;
import static io.jrm.it.TypeServers.client;
import static io.jrm.it.TypeServers.describe;
import static io.jrm.it.TypeServers.log;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.it.ModuleDump.Record;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Data of other encvers and corrupt data: through the module's restore command (the Snapshot
 * format) and through Redis's RDB format (DUMP payloads rewritten, an RDB file damaged).
 */
@Timeout(60)
class EncodingVersionIT {
  private static final String RESTORE = "JRMTEST.JRM-RESTORE";

  /** Index of RichValue's flag among its records: number, small, tiny, octet, flag. */
  private static final int FLAG_RECORD = 4;

  private static String restore(Jedis jedis, String key, String type, int encver, byte[] payload) {
    Object reply =
        TypeServers.sendBinary(
            jedis, RESTORE, bytes(key), bytes(type), bytes(String.valueOf(encver)), payload);
    return new String((byte[]) reply, StandardCharsets.UTF_8);
  }

  /** A RichValue of encver 2 whose label is {@code label}, through the restore command. */
  private static void richValue(Jedis jedis, String key, String label) {
    assertThat(
            restore(jedis, key, "jrmtest-r", 2, SnapshotBytes.richEncver1().text(label).toBytes()))
        .isEqualTo("OK");
  }

  @Test
  void theRestoreCommandLoadsAnOlderEncverAndUpgradesIt() {
    try (RedisServer server = builder().start()) {
      try (Jedis jedis = client(server)) {
        assertThat(restore(jedis, "old", "jrmtest-r", 1, SnapshotBytes.richEncver1().toBytes()))
            .isEqualTo("OK");
        // The @Since(2) field keeps what the constructor set; upgrade(1) ran.
        assertThat(describe(jedis, "old"))
            .isEqualTo(SnapshotBytes.richEncver1Description("lbl", 1));
        richValue(jedis, "current", "fresh");
        assertThat(describe(jedis, "current"))
            .isEqualTo(SnapshotBytes.richEncver1Description("fresh", -1));
        // Custom rdbLoad gets the encver: 0 had no total, which it recomputes.
        byte[] counter =
            new SnapshotBytes()
                .unsigned(2)
                .text("a")
                .signed(5)
                .text("b")
                .signed(7)
                .flt(2f)
                .unsigned(CounterValue.TRAILER)
                .toBytes();
        assertThat(restore(jedis, "counter", "jrmtest-c", 0, counter)).isEqualTo("OK");
        assertThat(describe(jedis, "counter")).isEqualTo("jrmtest-c:counts={a=5, b=7};total=12.0");
        // The upgraded value is written at the current encver.
        ModuleDump dump = ModuleDump.parse(jedis.dump("old"));
        assertThat(dump.typeName()).isEqualTo("jrmtest-r");
        assertThat(dump.encver()).isEqualTo(2);
        assertThat(dump.records.get(dump.records.size() - 1).text()).isEqualTo("lbl");
        assertThat(jedis.save()).isEqualTo("OK");
      }
      server.restart();
      try (Jedis jedis = client(server)) {
        assertThat(describe(jedis, "old"))
            .isEqualTo(SnapshotBytes.richEncver1Description("lbl", -1));
        assertThat(describe(jedis, "current"))
            .isEqualTo(SnapshotBytes.richEncver1Description("fresh", -1));
        assertThat(describe(jedis, "counter")).isEqualTo("jrmtest-c:counts={a=5, b=7};total=12.0");
      }
      TypeServers.assertCleanLog(server);
    }
  }

  @Test
  void theRestoreCommandRefusesNewerEncversAndMalformedPayloads() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      byte[] encver2 = SnapshotBytes.richEncver1().text("x").toBytes();
      assertRestoreFails(
          jedis,
          "jrmtest-r",
          3,
          encver2,
          "ERR cannot load jrmtest-r data of encver 3: this module reads encver 0 to 2");
      assertRestoreFails(
          jedis,
          "jrmtest-r",
          2,
          SnapshotBytes.richEncver1().toBytes(),
          "ERR corrupt serialized value: it ends too early");
      assertRestoreFails(
          jedis, "jrmtest-r", 1, encver2, "ERR corrupt serialized value: bytes left over");
      assertRestoreFails(
          jedis,
          "jrmtest-r",
          2,
          new SnapshotBytes().unsigned(7).toBytes(),
          "ERR corrupt serialized value: expected record 'S' but found 'U' at byte 0");
      assertRestoreFails(
          jedis, "jrmtest-x", 2, encver2, "ERR no data type jrmtest-x in module jrmtest");
      assertRestoreFails(jedis, "jrmtest-r", -1, encver2, "ERR encver must be 0 to 1023, got -1");
      assertRestoreFails(
          jedis, "jrmtest-r", 1024, encver2, "ERR encver must be 0 to 1023, got 1024");
      byte[] pink = Arrays.copyOf(encver2, encver2.length);
      int shade = indexOf(pink, bytes("GREEN"));
      System.arraycopy(bytes("PINKY"), 0, pink, shade, 5);
      assertRestoreFails(
          jedis,
          "jrmtest-r",
          2,
          pink,
          "ERR corrupt jrmtest-r value: shade is not a Shade constant: PINKY");
      assertRestoreFails(
          jedis,
          "jrmtest-r",
          2,
          new SnapshotBytes().signed(1).signed(1).signed(1).signed(1).unsigned(2).toBytes(),
          "ERR corrupt jrmtest-r value: flag out of range");
      assertRestoreFails(
          jedis,
          "jrmtest-r",
          2,
          new SnapshotBytes().signed(1).signed(1L << 40).toBytes(),
          "ERR corrupt jrmtest-r value: small out of range");
      assertRestoreFails(
          jedis,
          "jrmtest-c",
          1,
          new SnapshotBytes()
              .unsigned(1)
              .raw((byte) 'B')
              .raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array())
              .toBytes(),
          "ERR corrupt serialized value: a string of 1099511627776 bytes");
      assertRestoreFails(
          jedis,
          "jrmtest-c",
          1,
          new SnapshotBytes().unsigned(0).dbl(0).flt(0).unsigned(12).toBytes(),
          "ERR corrupt jrmtest-c value: trailer c");
      assertThatThrownBy(() -> send(jedis, RESTORE, "k", "jrmtest-r"))
          .isInstanceOf(JedisDataException.class)
          .hasMessageContaining("wrong number of arguments");
      assertThat(jedis.dbSize()).isZero();
      assertThat(jedis.ping()).isEqualTo("PONG");
      TypeServers.assertCleanLog(server);
    }
  }

  private static void assertRestoreFails(
      Jedis jedis, String type, int encver, byte[] payload, String error) {
    assertThatThrownBy(() -> restore(jedis, "refused", type, encver, payload))
        .as("%s encver %d", type, encver)
        .isInstanceOf(JedisDataException.class)
        .hasMessage(error);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found: " + new String(needle, StandardCharsets.UTF_8));
  }

  @Test
  void aDumpPayloadOfAnOlderEncverLoadsThroughRdbAndUpgrades() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      richValue(jedis, "r", "zz");
      byte[] original = jedis.dump("r");
      ModuleDump dump = ModuleDump.parse(original);
      assertThat(dump.toBytes()).as("taken apart and put together again").isEqualTo(original);
      assertThat(dump.typeName()).isEqualTo("jrmtest-r");
      assertThat(dump.encver()).isEqualTo(2);
      assertThat(dump.rdbVersion).isEqualTo(10);
      int last = dump.records.size() - 1;
      assertThat(dump.records.get(last).text()).isEqualTo("zz");
      // Encver 1 had no label: drop its record and say encver 1.
      byte[] older = dump.remove(last).withEncver(1).toBytes();
      assertThat(jedis.restore("r1", 0, older)).isEqualTo("OK");
      assertThat(describe(jedis, "r1")).isEqualTo(SnapshotBytes.richEncver1Description("lbl", 1));
      assertThat(ModuleDump.parse(jedis.dump("r1")).encver()).isEqualTo(2);

      send(jedis, "JRMTEST.CTYPE.INCR", "c", "a", "5");
      send(jedis, "JRMTEST.CTYPE.INCR", "c", "b", "7");
      ModuleDump counter = ModuleDump.parse(jedis.dump("c"));
      assertThat(counter.typeName()).isEqualTo("jrmtest-c");
      assertThat(counter.encver()).isEqualTo(1);
      int total = -1;
      for (int i = 0; i < counter.records.size(); i++) {
        if (counter.records.get(i).opcode() == ModuleDump.DOUBLE) {
          total = i;
        }
      }
      assertThat(jedis.restore("c0", 0, counter.remove(total).withEncver(0).toBytes()))
          .isEqualTo("OK");
      assertThat(describe(jedis, "c0")).isEqualTo("jrmtest-c:counts={a=5, b=7};total=12.0");
      TypeServers.assertCleanLog(server);
    }
  }

  @Test
  void aDumpPayloadOfANewerEncverFailsClearly() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      richValue(jedis, "r", "zz");
      byte[] newer = ModuleDump.parse(jedis.dump("r")).withEncver(3).toBytes();
      assertThatThrownBy(() -> jedis.restore("r3", 0, newer))
          .isInstanceOf(JedisDataException.class)
          .hasMessage("ERR Bad data format");
      TypeServers.assertLogLine(
          server,
          "JRM: cannot load a value of type jrmtest-r: ",
          "ERR cannot load jrmtest-r data of encver 3: this module reads encver 0 to 2");
      assertThat(jedis.exists("r3")).isFalse();
      assertThat(jedis.ping()).isEqualTo("PONG");
      assertThat(describe(jedis, "r")).isEqualTo(SnapshotBytes.richEncver1Description("zz", -1));
      assertThat(log(server))
          .doesNotContain("crashed by signal")
          .doesNotContain(TypeServers.FORKED_JAVA);
    }
  }

  @Test
  void aDumpPayloadWithCorruptContentIsRefusedAndTheServerGoesOn() throws InterruptedException {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      richValue(jedis, "r", "zz");
      ModuleDump dump = ModuleDump.parse(jedis.dump("r"));
      assertThat(dump.records.get(FLAG_RECORD).smallValue()).isEqualTo(1);
      // A boolean of 2.
      assertRefused(
          server,
          jedis,
          dump.replace(FLAG_RECORD, new Record(ModuleDump.UINT, new byte[] {2, 2})),
          "JRM: cannot load a value of type jrmtest-r: ",
          "ERR corrupt jrmtest-r value: flag out of range");
      // An enum constant that does not exist, same length.
      int shade = dump.indexOfString("GREEN");
      assertRefused(
          server,
          jedis,
          dump.replace(
              shade, new Record(ModuleDump.STRING, new byte[] {5, 5, 'G', 'R', 'E', 'E', 'K'})),
          "JRM: cannot load a value of type jrmtest-r: ",
          "ERR corrupt jrmtest-r value: shade is not a Shade constant: GREEK");
      // A value of a custom rdbLoad that throws on what it reads.
      send(jedis, "JRMTEST.CTYPE.INCR", "c", "a", "5");
      ModuleDump counter = ModuleDump.parse(jedis.dump("c"));
      int trailer = counter.records.size() - 1;
      assertRefused(
          server,
          jedis,
          counter.replace(trailer, new Record(ModuleDump.UINT, new byte[] {2, 7})),
          "JRM: cannot load a value of type jrmtest-c: ",
          "ERR corrupt jrmtest-c value: trailer 7");
      // Encver 1 says there is no label, but its record is there: Redis finds no EOF opcode where
      // the module stopped reading, and frees the value the module made.
      assertThatThrownBy(() -> jedis.restore("corrupt", 0, dump.withEncver(1).toBytes()))
          .isInstanceOf(JedisDataException.class)
          .hasMessage("ERR Bad data format");
      assertThat(jedis.ping()).isEqualTo("PONG");
      assertThat(jedis.dbSize()).isEqualTo(2);
      // The values freed on the way leave the registry sound: new values, a save, a fork.
      richValue(jedis, "after", "ok");
      assertThat(jedis.save()).isEqualTo("OK");
      assertThat(jedis.bgsave()).isEqualTo("Background saving started");
      assertThat(TypeServers.awaitBgsave(jedis, java.time.Duration.ofSeconds(20))).isEqualTo("ok");
      assertThat(log(server))
          .doesNotContain("crashed by signal")
          .doesNotContain(TypeServers.FORKED_JAVA);
    }
  }

  /**
   * RESTORE of {@code corrupt} fails with Redis's error, the module logs why, the server serves on.
   */
  private static void assertRefused(
      RedisServer server, Jedis jedis, ModuleDump corrupt, String... logged) {
    assertThatThrownBy(() -> jedis.restore("corrupt", 0, corrupt.toBytes()))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR Bad data format");
    assertThat(jedis.exists("corrupt")).isFalse();
    assertThat(jedis.ping()).isEqualTo("PONG");
    TypeServers.assertLogLine(server, logged);
  }

  /**
   * Damage that Redis itself detects while the module reads: a record of another kind than the one
   * read (the opcode check of RM_LoadUnsigned and friends), and a value that ends before its fields
   * do (the EOF opcode where a string was due). RESTORE must fail with an error, as the RdbInput
   * Javadoc promises ("a value Redis reports as corrupt throws RedisException, which fails the load
   * with a clear log line").
   */
  @Test
  void aDumpPayloadWhoseRecordsRedisFindsCorruptIsRefusedWithoutCrashing() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      richValue(jedis, "r", "zz");
      ModuleDump dump = ModuleDump.parse(jedis.dump("r"));
      // The first field, a SaveSigned (UINT opcode), written as a DOUBLE record.
      Record asDouble = new Record(ModuleDump.DOUBLE, new byte[] {4, 0, 0, 0, 0, 0, 0, 0, 0});
      assertThatThrownBy(() -> jedis.restore("corrupt", 0, dump.replace(0, asDouble).toBytes()))
          .isInstanceOf(JedisDataException.class)
          .hasMessage("ERR Bad data format");
      assertThat(jedis.ping()).isEqualTo("PONG");
      // Encver 2 without its last field.
      byte[] truncated = dump.remove(dump.records.size() - 1).toBytes();
      assertThatThrownBy(() -> jedis.restore("corrupt", 0, truncated))
          .isInstanceOf(JedisDataException.class)
          .hasMessage("ERR Bad data format");
      assertThat(jedis.ping()).isEqualTo("PONG");
      assertThat(log(server)).doesNotContain("crashed by signal").doesNotContain("Guru Meditation");
    }
  }

  @Test
  void anRdbFileWithACorruptValueStopsTheServerFromStartingWithAClearLogLine() throws IOException {
    try (RedisServer server = builder().start()) {
      byte[] body;
      int flagValue;
      try (Jedis jedis = client(server)) {
        richValue(jedis, "r", "zz");
        send(jedis, "JRMTEST.TYPE.FILL", "rich", "other:", "50", "2");
        ModuleDump dump = ModuleDump.parse(jedis.dump("r"));
        body = dump.body();
        // After the module id (9 bytes) and the records before the flag: the flag's value byte.
        flagValue = 9 + 1;
        for (int i = 0; i < FLAG_RECORD; i++) {
          flagValue += dump.records.get(i).bytes().length;
        }
        assertThat(jedis.save()).isEqualTo("OK");
      }
      server.stop();
      Path rdb = server.dir().resolve("dump.rdb");
      byte[] file = Files.readAllBytes(rdb);
      int at = indexOf(file, body);
      assertThat(file[at + flagValue]).isEqualTo((byte) 1);
      file[at + flagValue] = 2;
      // The file's CRC-64 (its last 8 bytes, little-endian) made right again: only the value is
      // wrong.
      ByteBuffer.wrap(file, file.length - 8, 8)
          .order(ByteOrder.LITTLE_ENDIAN)
          .putLong(Crc64.of(file, 0, file.length - 8));
      Files.write(rdb, file);

      assertThatThrownBy(server::restart)
          .isInstanceOf(RedisServerException.class)
          .hasMessageContaining("exited");
      TypeServers.assertLogLine(
          server,
          "JRM: cannot load a value of type jrmtest-r: ",
          "ERR corrupt jrmtest-r value: flag out of range");
      TypeServers.assertLogLine(server, "not terminated by the proper module value EOF marker");
      assertThat(log(server))
          .doesNotContain("crashed by signal")
          .doesNotContain("Wrong RDB checksum");
    }
  }

  /**
   * The restore command changes the dataset like any write: a value restored on a master must reach
   * its replicas (and the AOF), or they silently diverge.
   */
  @Test
  void theRestoreCommandReachesReplicas() throws InterruptedException {
    try (RedisServer master = builder().start();
        RedisServer replica =
            builder().config("replicaof", "127.0.0.1", String.valueOf(master.port())).start();
        Jedis onMaster = client(master);
        Jedis onReplica = client(replica)) {
      TypeServers.awaitField(
          onReplica, "replication", "master_link_status", "up", java.time.Duration.ofSeconds(20));
      richValue(onMaster, "restored", "zz");
      send(onMaster, "JRMTEST.TYPE.SET", "written", "number", "1");
      assertThat(onMaster.waitReplicas(1, 10_000)).isEqualTo(1L);
      assertThat(describe(onReplica, "written")).startsWith("jrmtest-r:number=1;");
      assertThat(describe(onReplica, "restored")).isEqualTo(describe(onMaster, "restored"));
    }
  }
}
