package io.jrm;

/**
 * Where a data type value writes the commands that rebuild it during an AOF rewrite ({@code
 * RedisModule_EmitAOF}). Arguments as for {@link Context#call}.
 */
public interface AofOutput {
  /**
   * Appends {@code command args...} to the rewritten AOF.
   *
   * @param command the command's name, as in the AOF
   * @param args its arguments: RedisString, String, byte[], or a number written in decimal
   */
  void emit(String command, Object... args);
}
