package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A storm of one error: the client gets every error reply, the log gets the first failure whole and
 * then counts. The window is one second here (ten by default) so that the test sees a summary soon.
 */
@RedisServerTest(
    modules =
        @LoadModule(path = "${jrm.test.module}", args = "jrm.jvm-option=-Djrm.error-log-seconds=1"))
class ErrorStormIT {
  private static final String FAILURE =
      "JRM: command jrmtest.throw threw java.lang.IllegalStateException: boom second line";
  private static final Pattern SUMMARY =
      Pattern.compile(": repeated (\\d+) times in the last \\d+s$");

  @Test
  void repeatedFailuresAreLoggedOnceThenCounted(Jedis jedis, RedisServer server)
      throws InterruptedException {
    int storm = 2_000;
    for (int i = 0; i < storm; i++) {
      assertThatThrownBy(() -> send(jedis, "JRMTEST.THROW"))
          .hasMessage("ERR java.lang.IllegalStateException: boom second line");
    }
    // The summary comes with the first command once the window has passed (bounded wait).
    for (int i = 0; i < 100 && summaries(server).isEmpty(); i++) {
      Thread.sleep(100);
      send(jedis, "JRMTEST.TIME");
    }
    List<String> lines =
        TypeServers.log(server).lines().filter(line -> line.contains(FAILURE)).toList();
    List<String> whole = lines.stream().filter(line -> !SUMMARY.matcher(line).find()).toList();
    assertThat(summaries(server)).isNotEmpty();
    assertThat(whole)
        .first()
        .asString()
        .contains(" at jrm-jrmtest//io.jrm.it.TestModule.throwing", " <- ");
    long counted = summaries(server).stream().mapToLong(Long::longValue).sum();
    assertThat(whole.size() + counted).as("every failure logged or counted").isEqualTo(storm);
    assertThat(lines.size()).as("log lines for %d failures", storm).isLessThan(storm / 20);
  }

  /** The counts of the summary lines so far. */
  private static List<Long> summaries(RedisServer server) {
    return TypeServers.log(server)
        .lines()
        .filter(line -> line.contains(FAILURE))
        .map(SUMMARY::matcher)
        .filter(Matcher::find)
        .map(m -> Long.parseLong(m.group(1)))
        .toList();
  }
}
