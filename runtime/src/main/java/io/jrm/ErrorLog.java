package io.jrm;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps an error storm out of the Redis log: the first failure of a kind is logged whole, with its
 * frames; the same failure again (same callback, exception, message and first frame) within the
 * window is only counted, and once the window has passed one line says how often it repeated.
 */
final class ErrorLog {
  /**
   * The JVM option that sets the window, in seconds: {@code -Djrm.error-log-seconds=10}; 0 logs
   * every failure whole.
   */
  static final String WINDOW_PROPERTY = "jrm.error-log-seconds";

  private static final long DEFAULT_WINDOW_SECONDS = 10;

  /** Distinct failures remembered; past that the least recent is summarized and forgotten. */
  private static final int MAX_FAILURES = 256;

  /** One kind of failure: where, and the exception's first line and first frame. */
  private record Failure(String what, String headline) {}

  /** The window of one kind of failure: when its last line was logged, and repeats since. */
  private static final class Window {
    long start;
    long repeats;

    Window(long start) {
      this.start = start;
    }
  }

  private final long windowNanos;
  private final LongSupplier clock;
  private final Map<Failure, Window> windows = new LinkedHashMap<>(16, 0.75f, true);

  /**
   * Whether some window holds repeats to report, and when the first of them ends. Volatile so that
   * {@link #mayHaveSummaries} reads it without the lock, on every upcall.
   */
  private volatile boolean pending;

  private long nextDue;

  ErrorLog(long windowNanos, LongSupplier clock) {
    this.windowNanos = windowNanos;
    this.clock = clock;
  }

  /** The log of the running module: the window from {@link #WINDOW_PROPERTY}, the real clock. */
  static ErrorLog fromSystemProperty() {
    long seconds = DEFAULT_WINDOW_SECONDS;
    try {
      seconds =
          Long.parseLong(
              System.getProperty(WINDOW_PROPERTY, Long.toString(DEFAULT_WINDOW_SECONDS)).trim());
    } catch (NumberFormatException e) {
      // keep the default: a bad option must not stop error logging
    }
    return new ErrorLog(TimeUnit.SECONDS.toNanos(Math.max(0, seconds)), System::nanoTime);
  }

  /**
   * Writes to {@code sink} what the failure of {@code what} with {@code t} needs: the whole {@code
   * line} when it is new or its window has passed quietly, nothing while it repeats (then the line
   * is not even made).
   */
  synchronized void failed(String what, Throwable t, Supplier<String> line, Consumer<String> sink) {
    flush(sink);
    long now = clock.getAsLong();
    Failure failure = new Failure(what, headline(t));
    Window window = windows.get(failure);
    if (window == null || now - window.start >= windowNanos) {
      if (window == null) {
        forgetLeastRecent(sink);
      }
      windows.put(failure, new Window(now));
      sink.accept(line.get());
      return;
    }
    if (window.repeats++ == 0) {
      due(window);
    }
  }

  /** Whether {@link #flush} may have something to write: false, the usual case, costs one read. */
  boolean mayHaveSummaries() {
    return pending;
  }

  /** Writes to {@code sink} one summary line for every window that has passed with repeats. */
  synchronized void flush(Consumer<String> sink) {
    long now = clock.getAsLong();
    if (!pending || now - nextDue < 0) {
      return;
    }
    pending = false;
    for (Iterator<Map.Entry<Failure, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Failure, Window> entry = it.next();
      Window window = entry.getValue();
      if (now - window.start < windowNanos) {
        if (window.repeats > 0) {
          due(window);
        }
      } else if (window.repeats > 0) {
        sink.accept(summary(entry.getKey(), window, now));
        window.start = now;
        window.repeats = 0;
      } else {
        it.remove(); // quiet for a whole window: its next failure is logged whole again
      }
    }
  }

  private void due(Window window) {
    long end = window.start + windowNanos;
    if (!pending || end - nextDue < 0) {
      nextDue = end;
    }
    pending = true;
  }

  private void forgetLeastRecent(Consumer<String> sink) {
    if (windows.size() < MAX_FAILURES) {
      return;
    }
    Iterator<Map.Entry<Failure, Window>> eldest = windows.entrySet().iterator();
    Map.Entry<Failure, Window> entry = eldest.next();
    if (entry.getValue().repeats > 0) {
      sink.accept(summary(entry.getKey(), entry.getValue(), clock.getAsLong()));
    }
    eldest.remove();
  }

  private static String summary(Failure failure, Window window, long now) {
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(now - window.start));
    return "JRM: "
        + failure.what()
        + " threw "
        + failure.headline()
        + ": repeated "
        + window.repeats
        + " times in the last "
        + seconds
        + "s";
  }

  /** The exception's first line and where it was thrown. */
  private static String headline(Throwable t) {
    StackTraceElement[] frames = t.getStackTrace();
    String line = RedisException.oneLine(t.toString());
    return frames.length == 0 ? line : line + " at " + frames[0];
  }
}
