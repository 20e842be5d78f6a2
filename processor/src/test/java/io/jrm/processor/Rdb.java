package io.jrm.processor;

import io.jrm.LogLevel;
import io.jrm.RdbInput;
import io.jrm.RdbOutput;
import io.jrm.RedisException;
import io.jrm.RedisString;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * An in-memory RDB: {@link Output} records each {@code Save*} call as a line such as {@code
 * "unsigned 3"} or {@code "buffer hello"}, and {@link Input} plays such lines back to {@code Load*}
 * calls, failing the test when the call does not match the line.
 */
final class Rdb {
  private Rdb() {}

  /** Records the calls; {@code canonical} is what {@link RdbOutput#canonical()} answers. */
  static final class Output implements RdbOutput {
    private final List<String> lines = new ArrayList<>();
    private final boolean canonical;

    Output() {
      this(false);
    }

    Output(boolean canonical) {
      this.canonical = canonical;
    }

    List<String> lines() {
      return lines;
    }

    @Override
    public void saveUnsigned(long value) {
      lines.add("unsigned " + value);
    }

    @Override
    public void saveSigned(long value) {
      lines.add("signed " + value);
    }

    @Override
    public void saveString(RedisString value) {
      throw new UnsupportedOperationException("generated code saves strings as buffers");
    }

    @Override
    public void saveStringBuffer(byte[] value) {
      lines.add("buffer " + new String(value, StandardCharsets.UTF_8));
    }

    @Override
    public void saveDouble(double value) {
      lines.add("double " + value);
    }

    @Override
    public void saveFloat(float value) {
      lines.add("float " + value);
    }

    @Override
    public void saveLongDouble(BigDecimal value) {
      lines.add("longdouble " + value);
    }

    @Override
    public boolean canonical() {
      return canonical;
    }
  }

  /** Plays back lines; reading past them throws {@link RedisException}, as Redis's input does. */
  static final class Input implements RdbInput {
    private final Iterator<String> lines;

    Input(String... lines) {
      this(Arrays.asList(lines));
    }

    Input(List<String> lines) {
      this.lines = lines.iterator();
    }

    boolean exhausted() {
      return !lines.hasNext();
    }

    private String next(String kind) {
      if (!lines.hasNext()) {
        throw new RedisException("ERR read past the end of the value");
      }
      String line = lines.next();
      String prefix = kind + " ";
      if (!line.startsWith(prefix)) {
        throw new AssertionError("load" + kind + " read the line \"" + line + "\"");
      }
      return line.substring(prefix.length());
    }

    @Override
    public long loadUnsigned() {
      return Long.parseLong(next("unsigned"));
    }

    @Override
    public long loadSigned() {
      return Long.parseLong(next("signed"));
    }

    @Override
    public RedisString loadString() {
      throw new UnsupportedOperationException("generated code loads strings as buffers");
    }

    @Override
    public byte[] loadStringBuffer() {
      return next("buffer").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public double loadDouble() {
      return Double.parseDouble(next("double"));
    }

    @Override
    public float loadFloat() {
      return Float.parseFloat(next("float"));
    }

    @Override
    public BigDecimal loadLongDouble() {
      return new BigDecimal(next("longdouble"));
    }

    @Override
    public void logIoError(LogLevel level, String message) {}
  }
}
