package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

/**
 * RESP3 through io.jrm ({@link Resp3Commands}): the bytes each reply of {@code Context} sends to a
 * RESP2 client and, after {@code HELLO 3}, to a RESP3 client; and what Java reads of the RESP3
 * replies of {@code Context.call} with flag {@code 3} (or {@code 0}, the client's protocol), asked
 * by Jedis clients of both protocols.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class Resp3IT {
  private RedisServer server;

  @BeforeEach
  void server(RedisServer server) {
    this.server = server;
  }

  private List<String> replies(String... command) throws IOException {
    return RawClient.resp2AndResp3(server, command);
  }

  @Test
  void anAttributeReachesOnlyResp3Clients() throws IOException {
    assertThat(replies("JRMTEST.RESP3.REPLY", "attribute"))
        .containsExactly(
            "$9\r\nannotated\r\n", "|1\r\n$6\r\nsource\r\n$4\r\njava\r\n$9\r\nannotated\r\n");
    assertThat(replies("JRMTEST.RESP3.REPLY", "postponed-attribute"))
        .containsExactly(":7\r\n", "|1\r\n$1\r\na\r\n:1\r\n:7\r\n");
  }

  @Test
  void anExceptionInsideAnAttributeStillEndsInTheError() throws IOException {
    String error = "-ERR java.lang.IllegalStateException: half an attribute\r\n";
    assertThat(replies("JRMTEST.RESP3.REPLY", "attribute-throws"))
        .containsExactly(error, "|2\r\n$1\r\na\r\n" + error + "_\r\n_\r\n" + error);
  }

  @Test
  void arraysAndStrings() throws IOException {
    assertThat(replies("JRMTEST.RESP3.REPLY", "null-array")).containsExactly("*-1\r\n", "_\r\n");
    assertThat(replies("JRMTEST.RESP3.REPLY", "empty-array")).containsExactly("*0\r\n", "*0\r\n");
    assertThat(replies("JRMTEST.RESP3.REPLY", "empty-string"))
        .containsExactly("$0\r\n\r\n", "$0\r\n\r\n");
    assertThat(replies("JRMTEST.RESP3.REPLY", "string"))
        .containsExactly("$5\r\nplain\r\n", "$5\r\nplain\r\n");
    assertThat(replies("JRMTEST.RESP3.REPLY", "verbatim"))
        .containsExactly("$7\r\n# title\r\n", "=11\r\nmkd:# title\r\n");
  }

  @Test
  void aLongDoubleKeepsMoreDigitsThanADouble() throws IOException {
    assumeThat(System.getenv("JRM_BACKEND"))
        .as("jna cannot pass a long double")
        .isNotEqualTo("jna");
    assertThat(replies("JRMTEST.RESP3.REPLY", "long-double", "1.00000000000000001"))
        .containsExactly("$19\r\n1.00000000000000001\r\n", ",1.00000000000000001\r\n");
    assertThat(replies("JRMTEST.RESP3.REPLY", "long-double", "-2.5e3"))
        .containsExactly("$5\r\n-2500\r\n", ",-2500\r\n");
    assertThat(replies("JRMTEST.RESP3.RET.LONGDOUBLE"))
        .containsExactly("$3\r\n0.1\r\n", ",0.1\r\n");
  }

  private static String read(Jedis jedis, String flags, String kind) {
    Object reply = jedis.sendCommand(() -> bytes("JRMTEST.RESP3.READ"), flags, kind);
    return new String((byte[]) reply, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void flag3ReadsEveryResp3Type(Jedis jedis) {
    assertThat(read(jedis, "3", "double")).isEqualTo("DOUBLE 3.141");
    assertThat(read(jedis, "3", "true")).isEqualTo("BOOL true");
    assertThat(read(jedis, "3", "false")).isEqualTo("BOOL false");
    assertThat(read(jedis, "3", "bignum"))
        .isEqualTo("BIG_NUMBER 1234567999999999999999999999999999999");
    assertThat(read(jedis, "3", "verbatim"))
        .isEqualTo("VERBATIM_STRING txt:This is a verbatim\nstring");
    assertThat(read(jedis, "3", "map")).isEqualTo("MAP {0=BOOL false, 1=BOOL true, 2=BOOL false}");
    assertThat(read(jedis, "3", "set")).isEqualTo("SET [INTEGER 0, INTEGER 1, INTEGER 2]");
    assertThat(read(jedis, "3", "attrib"))
        .isEqualTo(
            "ATTRIBUTE 1 |1\r\n$14\r\nkey-popularity\r\n*2\r\n$7\r\nkey:123\r\n:90\r\n"
                + "then STRING Some real reply following the attribute");
  }

  @Test
  void redis70CannotReadAnAttributesEntries(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.RESP3.ATTRIBUTE.ENTRY"))
        .hasMessageContaining("UnsupportedOperationException")
        .hasMessageContaining("read its proto() instead");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void withoutFlag3AJavaCallReadsResp2(Jedis jedis) {
    assertThat(read(jedis, "-", "double")).isEqualTo("STRING 3.141");
    assertThat(read(jedis, "-", "map"))
        .isEqualTo("ARRAY [INTEGER 0, INTEGER 0, INTEGER 1, INTEGER 1, INTEGER 2, INTEGER 0]");
    assertThat(read(jedis, "-", "attrib"))
        .isEqualTo("STRING Some real reply following the attribute");
  }

  @Test
  void flag0ReadsInTheClientsProtocol(Jedis jedis) {
    assertThat(read(jedis, "0", "true")).isEqualTo("INTEGER 1");
    try (Jedis resp3 =
        new Jedis(
            server.hostAndPort(),
            DefaultJedisClientConfig.builder().protocol(RedisProtocol.RESP3).build())) {
      assertThat(read(resp3, "0", "true")).isEqualTo("BOOL true");
      assertThat(read(resp3, "0", "set")).isEqualTo("SET [INTEGER 0, INTEGER 1, INTEGER 2]");
    }
  }
}
