package io.jrm;

import java.nio.charset.StandardCharsets;

/**
 * The arguments of the command a {@link CommandFilter} is filtering ({@code
 * RedisModuleCommandFilterCtx}): position 0 is the command's name. Valid only during the filter's
 * call.
 */
public final class CommandFilterContext {
  private final Context context;
  private final long pointer;

  CommandFilterContext(Context context, long pointer) {
    this.context = context;
    this.pointer = pointer;
  }

  /** {@return how many arguments the command has, its name included} */
  public int argsCount() {
    return context.api().commandFilterArgsCount(pointer);
  }

  /**
   * Returns the argument at {@code pos}; {@link RedisString#retain()} keeps it past the filter.
   *
   * @param pos the position, 0 for the command's name
   * @return the argument
   * @throws IndexOutOfBoundsException when there is no argument at {@code pos}
   */
  public RedisString argGet(int pos) {
    long arg = context.api().commandFilterArgGet(pointer, pos);
    if (arg == 0) {
      throw new IndexOutOfBoundsException("the command has no argument " + pos);
    }
    return new RedisString(context, arg, false);
  }

  /**
   * Inserts an argument before position {@code pos} ({@link #argsCount()} appends it).
   *
   * @param pos where the new argument goes
   * @param arg its text, as UTF-8
   * @throws IndexOutOfBoundsException when {@code pos} is past the end
   */
  public void argInsert(int pos, String arg) {
    long str = create(arg);
    if (context.api().commandFilterArgInsert(pointer, pos, str) != Context.OK) {
      context.api().freeString(0, str);
      throw new IndexOutOfBoundsException("no argument position " + pos);
    }
  }

  /**
   * Replaces the argument at {@code pos}.
   *
   * @param pos the argument's position
   * @param arg the new text, as UTF-8
   * @throws IndexOutOfBoundsException when there is no argument at {@code pos}
   */
  public void argReplace(int pos, String arg) {
    long str = create(arg);
    if (context.api().commandFilterArgReplace(pointer, pos, str) != Context.OK) {
      context.api().freeString(0, str);
      throw new IndexOutOfBoundsException("the command has no argument " + pos);
    }
  }

  /**
   * Deletes the argument at {@code pos}.
   *
   * @param pos the argument's position
   * @throws IndexOutOfBoundsException when there is no argument at {@code pos}
   */
  public void argDelete(int pos) {
    if (context.api().commandFilterArgDelete(pointer, pos) != Context.OK) {
      throw new IndexOutOfBoundsException("the command has no argument " + pos);
    }
  }

  /** A string of no context: Redis takes it over as an argument and frees it with the command. */
  private long create(String arg) {
    byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
    return context.api().createString(0, bytes, bytes.length);
  }
}
