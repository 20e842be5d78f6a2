package io.jrm.spi;

import io.jrm.Context;
import io.jrm.RedisException;
import io.jrm.RedisString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The conversions of command arguments that the code generated for typed handler parameters calls
 * (those a {@link RedisString} method does not already make), with the error replies Redis gives
 * for the same mistakes, and its answer to key-position requests. Not for hand-written code.
 */
public final class Arguments {
  private static final String NOT_AN_INTEGER = "ERR value is not an integer or out of range";

  private Arguments() {}

  /**
   * An {@code int} argument: a {@code long} in range, else Redis's integer error.
   *
   * @param argument the argument to read
   * @return its value
   */
  public static int toInt(RedisString argument) {
    long value = argument.toLongLong();
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new RedisException(NOT_AN_INTEGER);
    }
    return (int) value;
  }

  /**
   * A {@code boolean} argument: {@code 1}, {@code true} or {@code yes} for true, {@code 0}, {@code
   * false} or {@code no} for false, ignoring case.
   *
   * @param argument the argument to read
   * @return its value
   * @throws RedisException {@code ERR value is not a valid boolean (1/0, true/false, yes/no)}
   *     otherwise
   */
  public static boolean toBoolean(RedisString argument) {
    String text = new String(argument.bytes(), StandardCharsets.UTF_8);
    if (text.equals("1") || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes")) {
      return true;
    }
    if (text.equals("0") || text.equalsIgnoreCase("false") || text.equalsIgnoreCase("no")) {
      return false;
    }
    throw new RedisException("ERR value is not a valid boolean (1/0, true/false, yes/no)");
  }

  /**
   * An enum argument: the constant whose name equals the argument ignoring case, as Redis keywords
   * are matched.
   *
   * @param <E> the enum type
   * @param argument the argument to read
   * @param type the enum's class
   * @return the constant whose name matches, ignoring case
   * @throws RedisException {@code ERR syntax error, expected one of: A, B} otherwise: Redis's reply
   *     to an unknown keyword, with the choices
   */
  public static <E extends Enum<E>> E toEnum(RedisString argument, Class<E> type) {
    String text = new String(argument.bytes(), StandardCharsets.UTF_8);
    E[] constants = type.getEnumConstants();
    for (E constant : constants) {
      if (constant.name().equalsIgnoreCase(text)) {
        return constant;
      }
    }
    throw new RedisException(
        "ERR syntax error, expected one of: "
            + Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", ")));
  }

  /**
   * The arguments from {@code from} on (none when {@code argv} is shorter), for a varargs.
   *
   * @param argv the command's arguments
   * @param from the index of the first one in the rest
   * @return the arguments from {@code from} on, possibly none
   */
  public static RedisString[] rest(RedisString[] argv, int from) {
    return Arrays.copyOfRange(argv, Math.min(from, argv.length), argv.length);
  }

  /**
   * The arguments from {@code from} on as an unmodifiable list (none when shorter).
   *
   * @param argv the command's arguments
   * @param from the index of the first one in the rest
   * @return the arguments from {@code from} on, possibly none
   */
  public static List<RedisString> restList(RedisString[] argv, int from) {
    return List.of(rest(argv, from));
  }

  /**
   * Answers a key-position request ({@link Context#isKeysPositionRequest()}) of a command with
   * typed parameters from its declared key positions, as Redis reads a key range: from {@code
   * firstKey} (0: no keys) to {@code lastKey} (negative: counted from the end) every {@code
   * keyStep}, within the {@code argc} arguments. No argument is converted: the handler does not
   * run, so a bad number or keyword is reported by the command itself, not by the request.
   *
   * @param ctx the context of the key-position request
   * @param argc the number of arguments, the command name included
   * @param firstKey the position of the first key, 0 for none
   * @param lastKey the position of the last key, negative counted from the end
   * @param keyStep the distance between two keys
   */
  public static void reportKeys(Context ctx, int argc, int firstKey, int lastKey, int keyStep) {
    if (firstKey <= 0) {
      return;
    }
    int last = Math.min(lastKey < 0 ? argc + lastKey : lastKey, argc - 1);
    for (int position = firstKey; position <= last; position += keyStep) {
      ctx.keyAtPos(position);
    }
  }
}
