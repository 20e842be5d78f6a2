package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The hellotimer module: HELLOTIMER.TIMER's ten timers each print their line when they fire. */
@RedisServerTest(modules = @LoadModule(path = "target/hellotimer/hellotimer.so"))
class HelloTimerIT {
  private static final Pattern FIRED = Pattern.compile("Fired After (\\d+)!");

  /** The timers fire within five seconds; this bounds the wait for them, well beyond. */
  private static final int POLLS = 300;

  private static final long POLL_MILLIS = 100;

  @Test
  void tenTimersFireAndPrintTheirDelays(Jedis jedis, RedisServer server) throws Exception {
    assertThat(send(jedis, "MODULE", "LIST").toString()).contains("name, hellotimer, ver, 1");
    assertThat(send(jedis, "HELLOTIMER.TIMER")).isEqualTo("OK");
    for (int i = 0; i < POLLS && fired(server) < 10; i++) {
      Thread.sleep(POLL_MILLIS);
    }
    Matcher lines = FIRED.matcher(Files.readString(server.stdoutFile()));
    int count = 0;
    while (lines.find()) {
      assertThat(Integer.parseInt(lines.group(1))).isBetween(0, 4999);
      count++;
    }
    assertThat(count).isEqualTo(10);
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  private static long fired(RedisServer server) throws IOException {
    return FIRED.matcher(Files.readString(server.stdoutFile())).results().count();
  }
}
