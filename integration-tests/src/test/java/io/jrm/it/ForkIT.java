package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Forks ({@code Context.fork}): the child runs the {@code ChildTask} Java prepared, in C, and the
 * done handler runs in the parent with the child's exit code.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class ForkIT {
  /** How many times a test asks whether the child is done, 50 ms apart. */
  private static final int POLLS = 400;

  private static String waitForDone(Jedis jedis) throws InterruptedException {
    for (int i = 0; i < POLLS; i++) {
      String done = (String) send(jedis, "JRMTEST.FORK.DONE");
      if (!done.isEmpty()) {
        return done;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the fork child did not end");
  }

  @Test
  void theChildWritesTheFileJavaPreparedAndExitsWithItsCode(Jedis jedis, RedisServer server)
      throws Exception {
    Path file = server.dir().resolve("child-output.txt").toAbsolutePath();
    long pid = (Long) send(jedis, "JRMTEST.FORK.WRITE", file.toString(), "written by C", "7", "0");
    assertThat(pid).isPositive();
    assertThat(waitForDone(jedis)).isEqualTo("7 0");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("written by C");
    assertThat(log(server)).contains("jrmtest fork child writes " + file);
  }

  @Test
  void aSecondChildIsRefusedWhileOneRunsAndAKilledOneCallsNoDoneHandler(
      Jedis jedis, RedisServer server) throws Exception {
    Path file = server.dir().resolve("long-child.txt").toAbsolutePath();
    send(jedis, "JRMTEST.FORK.WRITE", file.toString(), "long", "0", "100000");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.FORK.WRITE", file.toString(), "second", "0", "0"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageContaining("Fork failed");
    assertThat(send(jedis, "JRMTEST.FORK.KILL")).isEqualTo(1L);
    assertThat(send(jedis, "JRMTEST.FORK.KILL")).isEqualTo(0L);
    assertThat(send(jedis, "JRMTEST.FORK.DONE")).isEqualTo("");
    // Redis forks again once the killed child is gone.
    send(jedis, "JRMTEST.FORK.WRITE", file.toString(), "after", "1", "0");
    assertThat(waitForDone(jedis)).isEqualTo("1 0");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("after");
  }

  @Test
  void aChildWhoseStepFailsExitsWith254AndIsNotReportedKilled(Jedis jedis, RedisServer server)
      throws Exception {
    Path file = server.dir().resolve("no-such-directory/child-output.txt").toAbsolutePath();
    send(jedis, "JRMTEST.FORK.WRITE", file.toString(), "never written", "0", "0");
    // "exit code, signal": 254 and no signal, not Redis's 255 of a child killed by SIGUSR1.
    assertThat(waitForDone(jedis)).isEqualTo("254 0");
    assertThat(file).doesNotExist();
    assertThat(log(server)).contains("JRM: the fork child could not write " + file);
  }

  @Test
  void anExitCodeOutOfRangeIsAClearError(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.FORK.WRITE", "unused", "x", "300", "0"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageContaining("a child's exit code is 0 to 253: 300");
  }

  private static String log(RedisServer server) throws IOException {
    return Files.readString(server.logFile(), StandardCharsets.UTF_8);
  }
}
