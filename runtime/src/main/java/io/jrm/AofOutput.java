package io.jrm;

/**
 * Where a data type value writes the commands that rebuild it during an AOF rewrite ({@code
 * RedisModule_EmitAOF}). Arguments as for {@link Context#call}.
 */
public interface AofOutput {
  /** Appends {@code command args...} to the rewritten AOF. */
  void emit(String command, Object... args);
}
