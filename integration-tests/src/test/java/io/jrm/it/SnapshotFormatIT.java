package io.jrm.it;

import static io.jrm.it.TypeServers.builder;
import static io.jrm.it.TypeServers.client;
import static io.jrm.it.TypeServers.describe;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * The payload of {@code jrmtest.jrm-restore} lives on in users' AOF files: rewritten AOFs committed
 * here, in each format version JRM has written, must load in every later JRM. {@code v0} was
 * written before payloads had a version byte, {@code v1} with version 1, {@code v2} with version 2
 * (which added the long double record), {@code v3} with version 3 (numbers as varints); all hold
 * the same two values, which {@code expected.txt} describes, and {@code v2} and {@code v3} also a
 * {@code jrmtest-e} value of long doubles.
 */
class SnapshotFormatIT {
  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(SnapshotFormatIT.class.getResource("/snapshot-format/" + name).toURI());
  }

  /** Sends every command of a plain AOF file, as loading it does. */
  private static void replay(Jedis jedis, Path aof) {
    for (List<byte[]> command : AofFiles.commands(aof)) {
      String name = new String(command.get(0), StandardCharsets.UTF_8);
      TypeServers.sendBinary(
          jedis, name, command.subList(1, command.size()).toArray(byte[][]::new));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"v0", "v1", "v2", "v3"})
  void aRewrittenAofOfEveryFormatVersionLoads(String version) throws Exception {
    List<String> expected = Files.readAllLines(fixture("expected.txt"), StandardCharsets.UTF_8);
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      replay(jedis, fixture(version + ".base.aof"));
      assertThat(List.of(describe(jedis, "fixture"), describe(jedis, "counter")))
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"v2", "v3"})
  void theLongDoublesOfAPayloadLoadExactly(String version) throws Exception {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      replay(jedis, fixture(version + ".base.aof"));
      // 1.1 was written as the long double nearest it, which a double could not hold.
      assertThat(send(jedis, "JRMTEST.ETYPE.GET", "extended"))
          .isEqualTo("1.100000000000000000021684043449710088680149056017398834228515625 0.5 -3");
    }
  }

  @Test
  void aPayloadOfAnUnknownFormatVersionIsRefused() throws IOException {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      byte[] payload = new SnapshotBytes().raw((byte) 4).unsigned(0).toBytes();
      assertThatThrownBy(
              () ->
                  TypeServers.sendBinary(
                      jedis,
                      "jrmtest.jrm-restore",
                      TypeServers.bytes("k"),
                      TypeServers.bytes("jrmtest-c"),
                      TypeServers.bytes("1"),
                      payload))
          .hasMessage(
              "ERR serialized value of format version 4: this JRM reads versions 0 to 3; upgrade JRM to load it");
      assertThat(jedis.exists("k")).isFalse();
    }
  }
}
