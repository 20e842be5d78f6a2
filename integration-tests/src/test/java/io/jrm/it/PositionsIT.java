package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Keys and channels a Java command reports with flags, as COMMAND GETKEYSANDFLAGS and ACL checks
 * read them; the keys of any command from Java; the running command's name.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class PositionsIT {
  @BeforeEach
  void user(Jedis jedis) {
    // Reads "read*" keys, writes "write*" keys, subscribes to "news" and patterns under "news.*".
    send(jedis, "ACL", "SETUSER", "limited", "on", "nopass", "+@all", "%R~read*", "%W~write*");
    send(jedis, "ACL", "SETUSER", "limited", "resetchannels", "&news", "&news.*");
  }

  @Test
  void keysReportedWithFlagsReachCommandGetKeysAndFlags(Jedis jedis) {
    assertThat(send(jedis, "COMMAND", "GETKEYSANDFLAGS", "JRMTEST.POS.COPY", "a", "b"))
        .isEqualTo(
            List.of(List.of("a", List.of("RO", "access")), List.of("b", List.of("OW", "update"))));
    assertThat(send(jedis, "COMMAND", "GETKEYS", "JRMTEST.POS.COPY", "a", "b"))
        .isEqualTo(List.of("a", "b"));
  }

  @Test
  void aclChecksWhatTheFlagsAskFor(Jedis jedis) {
    // Only read from the source, only written to the target: the user may copy read* to write*.
    assertThat(send(jedis, "ACL", "DRYRUN", "limited", "JRMTEST.POS.COPY", "read1", "write1"))
        .isEqualTo("OK");
    assertThat(send(jedis, "ACL", "DRYRUN", "limited", "JRMTEST.POS.COPY", "write1", "read1"))
        .isEqualTo("This user has no permissions to access the 'write1' key");
    jedis.set("read1", "v");
    assertThat(send(jedis, "JRMTEST.POS.COPY", "read1", "write1")).isEqualTo(1L);
    assertThat(jedis.get("write1")).isEqualTo("v");
  }

  @Test
  void aclChecksTheReportedChannels(Jedis jedis) {
    assertThat(send(jedis, "ACL", "DRYRUN", "limited", "JRMTEST.POS.LISTEN", "news"))
        .isEqualTo("OK");
    assertThat(send(jedis, "ACL", "DRYRUN", "limited", "JRMTEST.POS.LISTEN", "PATTERN", "news.*"))
        .isEqualTo("OK");
    assertThat(send(jedis, "ACL", "DRYRUN", "limited", "JRMTEST.POS.LISTEN", "news", "sport"))
        .isEqualTo("This user has no permissions to access the 'sport' channel");
    // A pattern must be allowed as a pattern: "news.*" as a channel does not allow "news.a*".
    assertThat(send(jedis, "ACL", "DRYRUN", "limited", "JRMTEST.POS.LISTEN", "PATTERN", "news.a*"))
        .isEqualTo("This user has no permissions to access the 'news.a*' channel");
    assertThat(send(jedis, "JRMTEST.POS.LISTEN", "news", "PATTERN", "a*", "b*")).isEqualTo(3L);
  }

  @Test
  void aPositionRequestIsNeitherRepliedToNorReplicated(Jedis jedis, RedisServer server) {
    // ACL DRYRUN asks for the channels with a context that has no client: replicating the
    // write command verbatim from there crashed Redis.
    assertThat(send(jedis, "ACL", "DRYRUN", "limited", "JRMTEST.POS.ANNOUNCE", "news", "hi"))
        .isEqualTo("OK");
    assertThat(send(jedis, "ACL", "DRYRUN", "limited", "JRMTEST.POS.ANNOUNCE", "sport", "hi"))
        .isEqualTo("This user has no permissions to access the 'sport' channel");
    assertThat(send(jedis, "ACL", "DRYRUN", "limited", "JRMTEST.POS.LISTEN", "news"))
        .isEqualTo("OK");
    assertThat(send(jedis, "COMMAND", "GETKEYS", "JRMTEST.POS.COPY", "a", "b"))
        .isEqualTo(List.of("a", "b"));
    assertThat(send(jedis, "JRMTEST.POS.ANNOUNCE", "news", "hi")).isEqualTo(0L);
    // A command that only reported its positions has not forgotten to reply.
    assertThat(server.logTail(200)).doesNotContain("returned without replying");
  }

  @Test
  void javaListsTheKeysOfAnyCommand(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.POS.KEYSOF", "SET", "k", "v"))
        .isEqualTo(List.of(List.of("k", "ow", "update")));
    assertThat(send(jedis, "JRMTEST.POS.KEYSOF", "JRMTEST.POS.COPY", "a", "b"))
        .isEqualTo(List.of(List.of("a", "ro", "access"), List.of("b", "ow", "update")));
    assertThat(send(jedis, "JRMTEST.POS.POSITIONSOF", "MSET", "k1", "v1", "k2", "v2"))
        .isEqualTo(List.of(1L, 3L));
    assertThat(send(jedis, "JRMTEST.POS.POSITIONSOF", "PING")).isEqualTo(List.of());
  }

  @Test
  void anUnknownCommandOrAWrongArityIsAClearError(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.POS.KEYSOF", "NO-SUCH-COMMAND", "k"))
        .hasMessage("ERR Invalid command specified");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.POS.POSITIONSOF", "GET", "k", "extra"))
        .hasMessage("ERR Invalid number of arguments specified for command");
  }

  @Test
  void theRunningCommandHasItsName(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.POS.NAME")).isEqualTo("jrmtest.pos.name");
  }
}
