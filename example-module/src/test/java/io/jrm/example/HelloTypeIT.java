package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * The port of Redis 7.0's {@code src/modules/hellotype.c}: the replies and errors of the C module,
 * persistence, and the C module's RDB encoding, byte for byte.
 *
 * <p>The C module is not needed here: {@link #cDumpPayload} computes, from the format of Redis
 * 7.0's {@code rdb.c}, {@code module.c}, {@code cluster.c} and {@code crc64.c}, the {@code DUMP}
 * payload the C module produces for a list of elements.
 */
@RedisServerTest(
    modules = @LoadModule(path = "target/helloworld.so"),
    config = {"enable-debug-command yes"})
class HelloTypeIT {
  private static final String WRONGTYPE =
      "WRONGTYPE Operation against a key holding the wrong kind of value";
  private static final String INVALID_VALUE = "ERR invalid value: must be a signed 64 bit integer";
  private static final String INVALID_RANGE = "ERR invalid first or count parameters";

  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  @Test
  void insertKeepsTheElementsSortedAndRepliesWithTheLength(Jedis jedis) {
    assertThat(send(jedis, "HELLOTYPE.INSERT", "k", "5")).isEqualTo(1L);
    assertThat(send(jedis, "HELLOTYPE.INSERT", "k", "-3")).isEqualTo(2L);
    assertThat(send(jedis, "HELLOTYPE.INSERT", "k", "5")).isEqualTo(3L);
    assertThat(send(jedis, "HELLOTYPE.INSERT", "k", "9223372036854775807")).isEqualTo(4L);
    assertThat(send(jedis, "HELLOTYPE.INSERT", "k", "-9223372036854775808")).isEqualTo(5L);
    assertThat(send(jedis, "HELLOTYPE.INSERT", "k", "0")).isEqualTo(6L);

    assertThat(send(jedis, "HELLOTYPE.RANGE", "k", "0", "10"))
        .isEqualTo(List.of(Long.MIN_VALUE, -3L, 0L, 5L, 5L, Long.MAX_VALUE));
    assertThat(send(jedis, "HELLOTYPE.LEN", "k")).isEqualTo(6L);
    assertThat(jedis.type("k")).isEqualTo("hellotype");
  }

  @Test
  void rangeChecksFirstButStartsFromTheHeadAsInC(Jedis jedis) {
    for (String value : new String[] {"30", "10", "20"}) {
      send(jedis, "HELLOTYPE.INSERT", "k", value);
    }
    assertThat(send(jedis, "HELLOTYPE.RANGE", "k", "2", "2")).isEqualTo(List.of(10L, 20L));
    assertThat(send(jedis, "HELLOTYPE.RANGE", "k", "100", "1")).isEqualTo(List.of(10L));
    assertThat(send(jedis, "HELLOTYPE.RANGE", "k", "0", "0")).isEqualTo(List.of());
    assertThat(send(jedis, "HELLOTYPE.RANGE", "k", "0", "9223372036854775807"))
        .isEqualTo(List.of(10L, 20L, 30L));
  }

  @Test
  void aMissingKeyIsEmptyAndStaysMissing(Jedis jedis) {
    assertThat(send(jedis, "HELLOTYPE.RANGE", "missing", "0", "5")).isEqualTo(List.of());
    assertThat(send(jedis, "HELLOTYPE.LEN", "missing")).isEqualTo(0L);
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.RANGE", "missing", "-1", "1"))
        .hasMessage(INVALID_RANGE);
    assertThat(jedis.exists("missing")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "1.5",
        "+1",
        "01",
        "-0",
        " 1",
        "",
        "9223372036854775808",
        "-9223372036854775809"
      })
  void insertRefusesWhatIsNotASigned64BitInteger(String value, Jedis jedis) {
    send(jedis, "HELLOTYPE.INSERT", "k", "1");
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.INSERT", "k", value)).hasMessage(INVALID_VALUE);
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.INSERT", "new", value))
        .hasMessage(INVALID_VALUE);
    assertThat(send(jedis, "HELLOTYPE.LEN", "k")).isEqualTo(1L);
    assertThat(jedis.exists("new")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1 1", "0 -1", "x 1", "0 y", "1.0 1", "0 99999999999999999999"})
  void rangeRefusesBadFirstOrCount(String firstAndCount, Jedis jedis) {
    send(jedis, "HELLOTYPE.INSERT", "k", "1");
    String[] args = firstAndCount.split(" ");
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.RANGE", "k", args[0], args[1]))
        .hasMessage(INVALID_RANGE);
  }

  @Test
  void everyCommandRefusesAKeyOfAnotherTypeBeforeLookingAtItsArguments(Jedis jedis) {
    jedis.set("s", "v");
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.INSERT", "s", "1")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.INSERT", "s", "abc")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.RANGE", "s", "0", "1")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.RANGE", "s", "-1", "1")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.LEN", "s")).hasMessage(WRONGTYPE);
    assertThat(jedis.get("s")).isEqualTo("v");

    send(jedis, "HELLOTYPE.INSERT", "h", "1");
    assertThatThrownBy(() -> jedis.get("h")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> jedis.lpush("h", "x")).hasMessage(WRONGTYPE);
  }

  @Test
  void wrongArityNamesTheCommand(Jedis jedis) {
    String[][] calls = {
      {"HELLOTYPE.INSERT"},
      {"HELLOTYPE.INSERT", "k"},
      {"hellotype.insert", "k", "1", "2"},
      {"HELLOTYPE.RANGE", "k", "0"},
      {"HELLOTYPE.RANGE", "k", "0", "1", "2"},
      {"HELLOTYPE.LEN"},
      {"HELLOTYPE.LEN", "k", "k"},
    };
    for (String[] call : calls) {
      String name = call[0].toLowerCase();
      assertThatThrownBy(() -> send(jedis, call[0], Arrays.copyOfRange(call, 1, call.length)))
          .hasMessage("ERR wrong number of arguments for '" + name + "' command");
    }
    assertThat(jedis.exists("k")).isFalse();
  }

  @Test
  void brangeOfAnExistingKeyRepliesTheRangeAtOnce(Jedis jedis) {
    insertAll(jedis, "k", 3, 1, 2);
    assertThat(send(jedis, "HELLOTYPE.BRANGE", "k", "0", "2", "0")).isEqualTo(List.of(1L, 2L));
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.BRANGE", "k", "-1", "2", "0"))
        .hasMessage(INVALID_RANGE);
  }

  @Test
  void brangeOfAMissingKeyWaitsForTheFirstInsert(Jedis jedis, RedisServer server) {
    CompletableFuture<Object> range =
        CompletableFuture.supplyAsync(
            () -> send(jedis, "HELLOTYPE.BRANGE", "later", "0", "10", "0"));
    try (Jedis other = server.client()) {
      awaitBlocked(other);
      // A list there wakes the client, which finds no hellotype and waits on.
      other.lpush("later", "x");
      assertThat(other.ping()).isEqualTo("PONG");
      awaitBlocked(other);
      assertThat(range).isNotDone();
      other.del("later");
      assertThat(send(other, "HELLOTYPE.INSERT", "later", "7")).isEqualTo(1L);
      assertThat(range.join()).isEqualTo(List.of(7L));
    }
  }

  @Test
  void brangeRepliesRequestTimedoutWhenNothingCame(Jedis jedis) {
    assertThat(send(jedis, "HELLOTYPE.BRANGE", "never", "0", "10", "50"))
        .isEqualTo("Request timedout");
    assertThat(jedis.exists("never")).isFalse();
  }

  @Test
  void brangeRefusesABadTimeoutAndAKeyOfAnotherType(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.BRANGE", "k", "0", "1", "soon"))
        .hasMessage("ERR invalid timeout parameter");
    jedis.set("s", "v");
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.BRANGE", "s", "0", "1", "soon"))
        .hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "HELLOTYPE.BRANGE", "k", "0", "1"))
        .hasMessage("ERR wrong number of arguments for 'hellotype.brange' command");
  }

  /** Bounded wait until a client is blocked, as INFO clients tells. */
  private static void awaitBlocked(Jedis other) {
    for (int i = 0; i < 500; i++) {
      if (other.info("clients").contains("blocked_clients:1")) {
        return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("no client blocked");
  }

  @Test
  void debugReloadKeepsTheValues(Jedis jedis) {
    insertAll(jedis, "k", 3, -1, 2);
    insertAll(jedis, "other", 7);
    assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
    assertThat(send(jedis, "HELLOTYPE.RANGE", "k", "0", "10")).isEqualTo(List.of(-1L, 2L, 3L));
    assertThat(send(jedis, "HELLOTYPE.RANGE", "other", "0", "10")).isEqualTo(List.of(7L));
    assertThat(jedis.type("k")).isEqualTo("hellotype");
  }

  @Test
  void saveThenRestartKeepsTheValues() {
    try (RedisServer server =
        RedisServer.builder().module(Path.of("target/helloworld.so")).start()) {
      try (Jedis jedis = server.client()) {
        insertAll(jedis, "k", 3, -1, 2, Long.MIN_VALUE);
        assertThat(jedis.save()).isEqualTo("OK");
      }
      server.restart();
      try (Jedis jedis = server.client()) {
        assertThat(jedis.dbSize()).isEqualTo(1L);
        assertThat(send(jedis, "HELLOTYPE.RANGE", "k", "0", "10"))
            .isEqualTo(List.of(Long.MIN_VALUE, -1L, 2L, 3L));
        assertThat(send(jedis, "HELLOTYPE.LEN", "k")).isEqualTo(4L);
      }
    }
  }

  @Test
  void bgsaveThenRestartWritesTheCEncodingFromTheForkedChild() throws InterruptedException {
    try (RedisServer server =
        RedisServer.builder().module(Path.of("target/helloworld.so")).start()) {
      try (Jedis jedis = server.client()) {
        insertAll(jedis, "k", EVERY_LENGTH_FORM);
        long saves = infoLong(jedis, "rdb_saves");
        assertThat(jedis.bgsave()).isEqualTo("Background saving started");
        waitFor(
            () ->
                infoLong(jedis, "rdb_saves") > saves
                    && infoLong(jedis, "rdb_bgsave_in_progress") == 0);
        assertThat(jedis.info("persistence")).contains("rdb_last_bgsave_status:ok");
      }
      server.restart();
      try (Jedis jedis = server.client()) {
        long[] sorted = EVERY_LENGTH_FORM.clone();
        Arrays.sort(sorted);
        assertThat(jedis.dump("k")).isEqualTo(cDumpPayload(sorted));
      }
    }
  }

  @Test
  void anAofRewrittenWithoutPreambleHoldsInsertsAsInC() throws InterruptedException, IOException {
    try (RedisServer server =
        RedisServer.builder()
            .module(Path.of("target/helloworld.so"))
            .config("appendonly", "yes")
            .config("aof-use-rdb-preamble", "no")
            .start()) {
      try (Jedis jedis = server.client()) {
        waitFor(
            () ->
                infoLong(jedis, "aof_rewrite_in_progress") == 0
                    && infoLong(jedis, "aof_rewrite_scheduled") == 0);
        insertAll(jedis, "k", 3, -1, 2);
        long rewrites = infoLong(jedis, "aof_rewrites");
        jedis.bgrewriteaof();
        waitFor(
            () ->
                infoLong(jedis, "aof_rewrites") > rewrites
                    && infoLong(jedis, "aof_rewrite_in_progress") == 0);
        assertThat(jedis.info("persistence")).contains("aof_last_bgrewrite_status:ok");
        // HelloTypeAofRewrite's EmitAOF(aof, "HELLOTYPE.INSERT", "sl", key, value), per element.
        String aof = baseAof(server);
        assertThat(aof)
            .contains(
                "*3\r\n$16\r\nHELLOTYPE.INSERT\r\n$1\r\nk\r\n$2\r\n-1\r\n"
                    + "*3\r\n$16\r\nHELLOTYPE.INSERT\r\n$1\r\nk\r\n$1\r\n2\r\n"
                    + "*3\r\n$16\r\nHELLOTYPE.INSERT\r\n$1\r\nk\r\n$1\r\n3\r\n")
            .doesNotContain("jrm-restore");
        send(jedis, "HELLOTYPE.INSERT", "k", "0");
      }
      server.restart();
      try (Jedis jedis = server.client()) {
        assertThat(send(jedis, "HELLOTYPE.RANGE", "k", "0", "10"))
            .isEqualTo(List.of(-1L, 0L, 2L, 3L));
      }
    }
  }

  @Test
  void anAofSwitchedOnAfterABgsaveStillHoldsInserts() throws InterruptedException, IOException {
    try (RedisServer server =
            RedisServer.builder().module(Path.of("target/helloworld.so")).start();
        Jedis jedis = server.client()) {
      insertAll(jedis, "k", 3, -1, 2);
      long saves = infoLong(jedis, "rdb_saves");
      jedis.bgsave();
      waitFor(
          () ->
              infoLong(jedis, "rdb_saves") > saves
                  && infoLong(jedis, "rdb_bgsave_in_progress") == 0);

      jedis.configSet("aof-use-rdb-preamble", "no");
      jedis.configSet("appendonly", "yes"); // starts a rewrite
      waitFor(
          () ->
              infoLong(jedis, "aof_rewrites") > 0
                  && infoLong(jedis, "aof_rewrite_in_progress") == 0
                  && infoLong(jedis, "aof_rewrite_scheduled") == 0);
      assertThat(baseAof(server)).contains("HELLOTYPE.INSERT").doesNotContain("jrm-restore");
    }
  }

  /** The base file of the multi-part AOF (Redis 7), as text. */
  private static String baseAof(RedisServer server) throws IOException {
    try (Stream<Path> files = Files.list(server.dir().resolve("appendonlydir"))) {
      Path base =
          files
              .filter(f -> f.getFileName().toString().contains(".base."))
              .findFirst()
              .orElseThrow();
      return Files.readString(base, StandardCharsets.ISO_8859_1);
    }
  }

  private static long infoLong(Jedis jedis, String field) {
    for (String line : jedis.info("persistence").lines().toList()) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).trim());
      }
    }
    throw new IllegalStateException("no " + field + " in INFO persistence");
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(20);
    }
  }

  // The C module's encoding

  /** Elements whose lengths take each of rdbSaveLen's forms: 6, 14, 32 and 64 bits. */
  private static final long[] EVERY_LENGTH_FORM = {
    0, 63, 64, 16383, 16384, 4294967295L, 4294967296L, -1, Long.MIN_VALUE, Long.MAX_VALUE, 5
  };

  @Test
  void dumpIsTheCModulesPayloadByteForByte(Jedis jedis) {
    insertAll(jedis, "k", EVERY_LENGTH_FORM);
    long[] sorted = EVERY_LENGTH_FORM.clone();
    Arrays.sort(sorted);
    assertThat(jedis.dump("k")).isEqualTo(cDumpPayload(sorted));
  }

  @Test
  void dumpOfALongListWritesItsCountIn14Bits(Jedis jedis) {
    long[] elements = LongStream.rangeClosed(1, 100).map(i -> i * 1000).toArray();
    insertAll(jedis, "k", elements);
    byte[] payload = cDumpPayload(elements);
    assertThat(jedis.dump("k")).isEqualTo(payload);
    // RDB_MODULE_OPCODE_UINT, then the count 100 as 01|000000 01100100.
    assertThat(Arrays.copyOfRange(payload, 10, 13)).containsExactly(2, 0x40, 100);
  }

  @Test
  void restoreOfTheCModulesPayloadGivesTheSameValue(Jedis jedis) {
    long[] sorted = EVERY_LENGTH_FORM.clone();
    Arrays.sort(sorted);
    assertThat(jedis.restore("fromc", 0, cDumpPayload(sorted))).isEqualTo("OK");
    insertAll(jedis, "inserted", EVERY_LENGTH_FORM);

    assertThat(jedis.type("fromc")).isEqualTo("hellotype");
    assertThat(send(jedis, "HELLOTYPE.RANGE", "fromc", "0", "100"))
        .isEqualTo(send(jedis, "HELLOTYPE.RANGE", "inserted", "0", "100"));
    assertThat(send(jedis, "HELLOTYPE.LEN", "fromc")).isEqualTo((long) sorted.length);
    assertThat(send(jedis, "DEBUG", "DIGEST-VALUE", "fromc"))
        .isEqualTo(send(jedis, "DEBUG", "DIGEST-VALUE", "inserted"));
    // A value restored from C is a value like any other: it takes inserts and dumps as C.
    assertThat(send(jedis, "HELLOTYPE.INSERT", "fromc", "1")).isEqualTo((long) sorted.length + 1);
    assertThat(send(jedis, "HELLOTYPE.RANGE", "fromc", "0", "4"))
        .isEqualTo(List.of(Long.MIN_VALUE, -1L, 0L, 1L));
  }

  @Test
  void restoreRefusesAPayloadOfAnotherEncver(Jedis jedis) {
    // The C module refuses encver 1; the port, at encver 0, refuses newer data too.
    byte[] payload = dumpPayload(moduleTypeId("hellotype", 1), new long[] {1});
    assertThatThrownBy(() -> jedis.restore("k", 0, payload))
        .hasMessageContaining("Bad data format");
    assertThat(jedis.exists("k")).isFalse();
  }

  @Test
  void crc64MatchesRedisTestVector() {
    // From crc64.c's crc64Test.
    assertThat(crc64("123456789".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(0xe9c6d914c4b8d9caL);
  }

  private static void insertAll(Jedis jedis, String key, long... values) {
    for (long value : values) {
      send(jedis, "HELLOTYPE.INSERT", key, Long.toString(value));
    }
  }

  /**
   * The DUMP payload Redis 7.0 gives for a C hellotype value holding {@code elements} in order:
   * {@code rdbSaveObjectType} then {@code rdbSaveObject} ({@code cluster.c}'s createDumpPayload).
   */
  static byte[] cDumpPayload(long[] elements) {
    return dumpPayload(moduleTypeId("hellotype", 0), elements);
  }

  private static byte[] dumpPayload(long typeId, long[] elements) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(7); // RDB_TYPE_MODULE_2, rdbSaveObjectType's byte for OBJ_MODULE
    saveLen(out, typeId); // rdbSaveObject: the module type id, with rdbSaveLen
    // HelloTypeRdbSave: SaveUnsigned(len), then SaveSigned(value) per node; each one is
    // RDB_MODULE_OPCODE_UINT then the value as an unsigned rdbSaveLen (RM_SaveSigned converts).
    saveLen(out, 2);
    saveLen(out, elements.length);
    for (long element : elements) {
      saveLen(out, 2);
      saveLen(out, element);
    }
    saveLen(out, 0); // RDB_MODULE_OPCODE_EOF
    // The trailer: RDB_VERSION (10 in 7.0) as 2 bytes little-endian, then the CRC64 of all that
    // precedes it, 8 bytes little-endian.
    out.write(10);
    out.write(0);
    long crc = crc64(out.toByteArray());
    for (int i = 0; i < 8; i++) {
      out.write((int) (crc >>> (8 * i)));
    }
    return out.toByteArray();
  }

  /**
   * module.c's moduleTypeEncodeId: 9 characters of 6 bits each, their index in
   * ModuleTypeNameCharSet, then 10 bits of encver.
   */
  static long moduleTypeId(String name, int encver) {
    String charset = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    long id = 0;
    for (char c : name.toCharArray()) {
      id = (id << 6) | charset.indexOf(c);
    }
    return (id << 10) | encver;
  }

  /** rdb.c's rdbSaveLen, {@code length} read as unsigned; multi-byte forms are big-endian. */
  static void saveLen(ByteArrayOutputStream out, long length) {
    if (Long.compareUnsigned(length, 1 << 6) < 0) {
      out.write((int) length); // RDB_6BITLEN: 00 then 6 bits
    } else if (Long.compareUnsigned(length, 1 << 14) < 0) {
      out.write((int) (0x40 | (length >>> 8))); // RDB_14BITLEN: 01 then 14 bits
      out.write((int) length);
    } else if (Long.compareUnsigned(length, 0xFFFFFFFFL) <= 0) {
      out.write(0x80); // RDB_32BITLEN
      for (int shift = 24; shift >= 0; shift -= 8) {
        out.write((int) (length >>> shift));
      }
    } else {
      out.write(0x81); // RDB_64BITLEN
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (length >>> shift));
      }
    }
  }

  /**
   * crc64.c's _crc64 from 0 (Jones polynomial 0xad93d23594c935a9, reflected in and out, no final
   * xor), bit by bit as written there.
   */
  static long crc64(byte[] data) {
    final long poly = 0xad93d23594c935a9L;
    long crc = 0;
    for (byte b : data) {
      int c = b & 0xff;
      for (int i = 0x01; (i & 0xff) != 0; i <<= 1) {
        boolean bit = (crc & 0x8000000000000000L) != 0;
        if ((c & i) != 0) {
          bit = !bit;
        }
        crc <<= 1;
        if (bit) {
          crc ^= poly;
        }
      }
    }
    return Long.reverse(crc);
  }
}
