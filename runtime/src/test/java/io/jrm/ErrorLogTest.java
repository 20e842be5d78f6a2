package io.jrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The windows of {@link ErrorLog}, on a clock the test moves. */
class ErrorLogTest {
  private static final long WINDOW = TimeUnit.SECONDS.toNanos(10);

  private long now = 1_000;
  private final List<String> lines = new ArrayList<>();
  private final ErrorLog log = new ErrorLog(WINDOW, () -> now);
  private final IllegalStateException boom = new IllegalStateException("boom");

  @Test
  void aStormLogsOneWholeLineThenOneSummaryPerWindow() {
    for (int i = 0; i < 1000; i++) {
      fail("command x", boom);
    }
    assertThat(lines).containsExactly("whole command x");
    now += WINDOW;
    log.flush(lines::add);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .startsWith("JRM: command x threw java.lang.IllegalStateException: boom at ")
        .endsWith(": repeated 999 times in the last 10s");
    now += WINDOW;
    log.flush(lines::add);
    assertThat(lines).as("nothing repeated in the second window").hasSize(2);
  }

  @Test
  void aFailureAfterAQuietWindowIsLoggedWholeAgain() {
    fail("command x", boom);
    now += WINDOW;
    log.flush(lines::add);
    fail("command x", boom);
    assertThat(lines).containsExactly("whole command x", "whole command x");
  }

  @Test
  void theSummaryComesWithTheNextFailureToo() {
    fail("command x", boom);
    fail("command x", boom);
    now += 2 * WINDOW;
    fail("command x", boom);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).endsWith(": repeated 1 times in the last 20s");
    now += WINDOW;
    log.flush(lines::add);
    assertThat(lines.get(2)).endsWith(": repeated 1 times in the last 10s");
  }

  @Test
  void differentCommandsMessagesAndFramesAreDifferentFailures() {
    fail("command x", boom);
    fail("command y", boom);
    fail("command x", new IllegalStateException("other"));
    fail("command x", new IllegalStateException("boom")); // another line of this file
    fail("command x", boom);
    assertThat(lines).hasSize(4);
  }

  @Test
  void aZeroWindowLogsEveryFailure() {
    ErrorLog everything = new ErrorLog(0, () -> now);
    for (int i = 0; i < 3; i++) {
      everything.failed("command x", boom, () -> "whole", lines::add);
    }
    assertThat(lines).containsExactly("whole", "whole", "whole");
  }

  @Test
  void forgottenFailuresReportTheirRepeats() {
    fail("command 0", boom);
    fail("command 0", boom);
    for (int i = 1; i <= 256; i++) {
      fail("command " + i, boom);
    }
    assertThat(lines).hasSize(258);
    assertThat(lines.get(256))
        .startsWith("JRM: command 0 threw")
        .endsWith(": repeated 1 times in the last 1s");
  }

  private void fail(String what, Throwable t) {
    log.failed(what, t, () -> "whole " + what, lines::add);
  }
}
