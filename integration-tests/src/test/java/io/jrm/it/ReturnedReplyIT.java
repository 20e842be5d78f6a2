package io.jrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Handlers that return their reply ({@link ReturnedReplyCommands}): the exact bytes each return
 * type sends to a RESP2 client and, after {@code HELLO 3}, to a RESP3 client; and what happens when
 * a returning handler also replies through its context.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class ReturnedReplyIT {
  private RedisServer server;

  @BeforeEach
  void server(RedisServer server, Jedis jedis) {
    this.server = server;
    jedis.flushAll();
  }

  /** The reply to {@code command} on RESP2, then on RESP3. */
  private List<String> replies(String... command) throws IOException {
    return RawClient.resp2AndResp3(server, command);
  }

  @Test
  void integers() throws IOException {
    assertThat(replies("JRMTEST.RET.LONG")).containsExactly(":42\r\n", ":42\r\n");
    assertThat(replies("JRMTEST.RET.INT")).containsExactly(":-7\r\n", ":-7\r\n");
  }

  @Test
  void aDoubleIsABulkStringOnResp2() throws IOException {
    assertThat(replies("JRMTEST.RET.DOUBLE")).containsExactly("$3\r\n1.5\r\n", ",1.5\r\n");
  }

  @Test
  void aBooleanIsAnIntegerOnResp2() throws IOException {
    assertThat(replies("JRMTEST.RET.BOOLEAN", "true")).containsExactly(":1\r\n", "#t\r\n");
    assertThat(replies("JRMTEST.RET.BOOLEAN", "false")).containsExactly(":0\r\n", "#f\r\n");
  }

  @Test
  void strings() throws IOException {
    assertThat(replies("JRMTEST.RET.STRING")).containsExactly("$6\r\nhéllo\r\n", "$6\r\nhéllo\r\n");
    assertThat(replies("JRMTEST.RET.SIMPLE")).containsExactly("+OK\r\n", "+OK\r\n");
    assertThat(replies("JRMTEST.RET.BYTES")).containsExactly("$3\r\na\0b\r\n", "$3\r\na\0b\r\n");
    assertThat(replies("JRMTEST.RET.REDISSTRING", "arg"))
        .containsExactly("$3\r\narg\r\n", "$3\r\narg\r\n");
  }

  @Test
  void aBigIntegerIsABigNumber() throws IOException {
    assertThat(replies("JRMTEST.RET.BIGNUMBER"))
        .containsExactly("$22\r\n1180591620717411303424\r\n", "(1180591620717411303424\r\n");
  }

  @Test
  void nullIsTheNullReply() throws IOException {
    assertThat(replies("JRMTEST.RET.NULL.LONG")).containsExactly("$-1\r\n", "_\r\n");
    assertThat(replies("JRMTEST.RET.NULL.STRING")).containsExactly("$-1\r\n", "_\r\n");
  }

  @Test
  void listsAndArraysNest() throws IOException {
    assertThat(replies("JRMTEST.RET.LIST"))
        .containsExactly(
            "*5\r\n$1\r\na\r\n:1\r\n*2\r\n$3\r\n2.5\r\n:1\r\n$-1\r\n+fine\r\n",
            "*5\r\n$1\r\na\r\n:1\r\n*2\r\n,2.5\r\n#t\r\n_\r\n+fine\r\n");
    assertThat(replies("JRMTEST.RET.ARRAY"))
        .containsExactly(
            "*2\r\n*2\r\n$1\r\nx\r\n$1\r\ny\r\n*0\r\n", "*2\r\n*2\r\n$1\r\nx\r\n$1\r\ny\r\n*0\r\n");
    assertThat(replies("JRMTEST.RET.LONGS"))
        .containsExactly("*2\r\n:3\r\n:-4\r\n", "*2\r\n:3\r\n:-4\r\n");
  }

  @Test
  void aMapIsFlatOnResp2() throws IOException {
    assertThat(replies("JRMTEST.RET.MAP"))
        .containsExactly(
            "*4\r\n$1\r\na\r\n:1\r\n$1\r\nb\r\n*1\r\n$1\r\nx\r\n",
            "%2\r\n$1\r\na\r\n:1\r\n$1\r\nb\r\n*1\r\n$1\r\nx\r\n");
  }

  @Test
  void aSetIsAnArrayOnResp2() throws IOException {
    assertThat(replies("JRMTEST.RET.SET"))
        .containsExactly("*2\r\n$1\r\np\r\n$1\r\nq\r\n", "~2\r\n$1\r\np\r\n$1\r\nq\r\n");
  }

  @Test
  void aCallReplyIsForwardedInTheCallersProtocol(Jedis jedis) throws IOException {
    jedis.hset("h", "f", "v");
    assertThat(replies("JRMTEST.RET.CALL", "HGETALL", "h"))
        .containsExactly("*2\r\n$1\r\nf\r\n$1\r\nv\r\n", "%1\r\n$1\r\nf\r\n$1\r\nv\r\n");
    assertThat(replies("JRMTEST.RET.CALL", "NOSUCH"))
        .allSatisfy(reply -> assertThat(reply).startsWith("-ERR unknown command"));
  }

  @Test
  void aReplyValueSendsItsKind() throws IOException {
    assertThat(replies("JRMTEST.RET.REPLY", "integer")).containsExactly(":5\r\n", ":5\r\n");
    assertThat(replies("JRMTEST.RET.REPLY", "simple")).containsExactly("+yes\r\n", "+yes\r\n");
    assertThat(replies("JRMTEST.RET.REPLY", "bulk"))
        .containsExactly("$4\r\nbulk\r\n", "$4\r\nbulk\r\n");
    assertThat(replies("JRMTEST.RET.REPLY", "error"))
        .containsExactly("-ERR chosen\r\n", "-ERR chosen\r\n");
    assertThat(replies("JRMTEST.RET.REPLY", "null")).containsExactly("$-1\r\n", "_\r\n");
    assertThat(replies("JRMTEST.RET.REPLY", "array"))
        .containsExactly("*2\r\n:1\r\n$3\r\ntwo\r\n", "*2\r\n:1\r\n$3\r\ntwo\r\n");
    assertThat(replies("JRMTEST.RET.REPLY", "map"))
        .containsExactly("*2\r\n$1\r\nk\r\n:0\r\n", "%1\r\n$1\r\nk\r\n#f\r\n");
    assertThat(replies("JRMTEST.RET.REPLY", "set")).containsExactly("*1\r\n:7\r\n", "~1\r\n:7\r\n");
    assertThat(replies("JRMTEST.RET.REPLY", "double"))
        .containsExactly("$5\r\n-0.25\r\n", ",-0.25\r\n");
    assertThat(replies("JRMTEST.RET.REPLY", "bool")).containsExactly(":1\r\n", "#t\r\n");
    assertThat(replies("JRMTEST.RET.REPLY", "bignumber"))
        .containsExactly("$21\r\n-12345678901234567890\r\n", "(-12345678901234567890\r\n");
    assertThat(replies("JRMTEST.RET.REPLY", "verbatim"))
        .containsExactly("$4\r\n# hi\r\n", "=8\r\nmkd:# hi\r\n");
  }

  @Test
  void aReturningHandlerMayThrowForAnErrorReply() throws IOException {
    assertThat(replies("JRMTEST.RET.THROW"))
        .containsExactly("-ERR thrown instead\r\n", "-ERR thrown instead\r\n");
  }

  @Test
  void aReturnedValueAfterAContextReplyIsRefused() throws IOException {
    assertThat(replies("JRMTEST.RET.TWICE")).containsExactly(":1\r\n", ":1\r\n");
    assertThat(server.logTail(20))
        .contains(
            "JRM: command jrmtest.ret.twice replied more than once; the extra reply was dropped");
  }

  @Test
  void aReturnedValueInsideAContextArrayIsRefusedAndTheArrayClosed() throws IOException {
    assertThat(replies("JRMTEST.RET.INSIDE"))
        .allSatisfy(
            reply ->
                assertThat(reply)
                    .startsWith("*2\r\n:1\r\n-ERR ")
                    .contains("the command has already replied")
                    .endsWith("\r\n")
                    .hasLineCount(3));
    assertThat(server.logTail(20))
        .contains("JRM: command jrmtest.ret.inside replied more than once");
  }

  @Test
  void aReturnedValueOfAHandlerThatBlockedIsRefused() throws IOException {
    assertThat(replies("JRMTEST.RET.BLOCKED"))
        .containsExactly("$17\r\nfrom the callback\r\n", "$17\r\nfrom the callback\r\n");
    assertThat(server.logTail(20))
        .contains("JRM: command jrmtest.ret.blocked replied more than once");
  }

  @Test
  void anUnsupportedElementEndsTheArrayWithAnError() throws IOException {
    String start =
        "*3\r\n:1\r\n-ERR java.lang.IllegalArgumentException: cannot reply with a"
            + " java.lang.Thread";
    List<String> replies = replies("JRMTEST.RET.BADELEMENT");
    assertThat(replies.get(0)).startsWith(start).endsWith("\r\n$-1\r\n").hasLineCount(4);
    assertThat(replies.get(1)).startsWith(start).endsWith("\r\n_\r\n").hasLineCount(4);
  }

  @Test
  void anErrorInAPostponedMapBecomesTheValueOfItsKey() throws IOException {
    assertThat(replies("JRMTEST.RET.POSTPONED.MAP"))
        .containsExactly(
            "*2\r\n$1\r\nk\r\n-ERR half a map\r\n", "%1\r\n$1\r\nk\r\n-ERR half a map\r\n");
  }

  @Test
  void aPostponedSetGetsItsLength() throws IOException {
    assertThat(replies("JRMTEST.RET.POSTPONED.SET"))
        .containsExactly("*2\r\n:1\r\n$1\r\nz\r\n", "~2\r\n:1\r\n$1\r\nz\r\n");
  }
}
