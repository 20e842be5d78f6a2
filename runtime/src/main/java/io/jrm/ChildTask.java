package io.jrm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a forked child does ({@link Context#fork}), prepared in Java before the fork and run by the
 * stub in C: Java cannot run in a forked child (it has none of the JVM's threads and hangs), so a
 * child is a list of steps, logging a line, sleeping, writing bytes to a file, reporting progress,
 * then exiting with a code. Build one with {@link #builder()}; immutable, so one task may serve
 * many forks. docs/fork.md says why and what it costs.
 */
public final class ChildTask {
  // The encoding the stub's run_child_task reads (StubAbiTest checks the constants): words in
  // native order, the exit code, the step count, then per step its kind, a number, the lengths of
  // two byte strings A and B, then A, a NUL, B, a NUL, padded to a word.
  static final int LOG = 1;
  static final int SLEEP = 2;
  static final int WRITE = 3;
  static final int HEARTBEAT = 4;
  static final int STEP_WORDS = 4;

  /** A failed step's exit code; Redis takes 255 for a child it killed (SIGUSR1). */
  static final int FAILED = 254;

  private final byte[] encoded;

  private ChildTask(byte[] encoded) {
    this.encoded = encoded;
  }

  /** {@return a builder of a task with no steps and exit code 0} */
  public static Builder builder() {
    return new Builder();
  }

  /** The task as the stub reads it. */
  byte[] encoded() {
    return encoded.clone();
  }

  /** Adds the steps of a {@link ChildTask}, which the child runs in order. */
  public static final class Builder {
    private final ByteArrayOutputStream steps = new ByteArrayOutputStream();
    private int count;
    private int exitCode;

    private Builder() {}

    /**
     * Logs {@code line} from the child, as {@link Context#log} would.
     *
     * @param level the level
     * @param line the line, without NUL characters
     * @return this builder
     */
    public Builder log(LogLevel level, String line) {
      return step(LOG, 0, cString(level.redisName(), "level"), cString(line, "a log line"));
    }

    /**
     * Sleeps in the child for {@code duration}, to the microsecond.
     *
     * @param duration how long, not negative
     * @return this builder
     */
    public Builder sleep(Duration duration) {
      if (duration.isNegative()) {
        throw new IllegalArgumentException("a child sleeps no negative time: " + duration);
      }
      long micros = duration.getSeconds() * 1_000_000L + duration.getNano() / 1_000;
      return step(SLEEP, micros, new byte[0], new byte[0]);
    }

    /**
     * Writes {@code bytes} into the file at {@code path} from the child (created, or truncated,
     * then synced). A write that fails logs a warning and ends the child with exit code 254.
     *
     * @param path the file, as the server process sees it (relative to its working directory)
     * @param bytes what the file holds afterwards, copied now
     * @return this builder
     */
    public Builder writeFile(Path path, byte[] bytes) {
      return step(WRITE, 0, cString(path.toString(), "a path"), bytes);
    }

    /**
     * Reports the child's progress to the parent (RedisModule_SendChildHeartbeat), which INFO shows
     * as {@code current_fork_perc}.
     *
     * @param progress between 0 and 1
     * @return this builder
     */
    public Builder heartbeat(double progress) {
      if (!(progress >= 0 && progress <= 1)) {
        throw new IllegalArgumentException("a child's progress is between 0 and 1: " + progress);
      }
      return step(HEARTBEAT, Double.doubleToRawLongBits(progress), new byte[0], new byte[0]);
    }

    /**
     * The code the child exits with once every step has run (RedisModule_ExitFromChild), which the
     * done handler gets.
     *
     * @param code 0 to 253: 254 is a failed step's, and Redis reports 255 as a kill (SIGUSR1)
     * @return this builder
     */
    public Builder exitCode(int code) {
      if (code < 0 || code >= FAILED) {
        throw new IllegalArgumentException("a child's exit code is 0 to 253: " + code);
      }
      exitCode = code;
      return this;
    }

    /** {@return the task of the steps added so far} */
    public ChildTask build() {
      byte[] body = steps.toByteArray();
      ByteBuffer task = words(2 * Long.BYTES + body.length);
      task.putLong(exitCode).putLong(count).put(body);
      return new ChildTask(task.array());
    }

    private Builder step(int kind, long number, byte[] a, byte[] b) {
      int strings = a.length + 1 + b.length + 1;
      int padded = (strings + Long.BYTES - 1) / Long.BYTES * Long.BYTES;
      ByteBuffer step = words(STEP_WORDS * Long.BYTES + padded);
      step.putLong(kind).putLong(number).putLong(a.length).putLong(b.length);
      step.put(a).put((byte) 0).put(b).put((byte) 0);
      steps.writeBytes(step.array());
      count++;
      return this;
    }

    private static ByteBuffer words(int size) {
      return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    private static byte[] cString(String text, String what) {
      if (text.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(what + " of a child task has no NUL character");
      }
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }
}
