package io.jrm;

/**
 * An error meant for the client. Thrown from a command (or by the runtime, say for a number that
 * does not parse), it becomes the command's error reply with this message: {@code throw new
 * RedisException("ERR invalid count")} replies {@code -ERR invalid count}. A message that does not
 * start with an upper-case error code gets {@code ERR } in front.
 */
public class RedisException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An error whose message is the reply line, for example {@code WRONGTYPE Operation ...}.
   *
   * @param message the error line, starting with its code, as in {@code ERR invalid count}; only
   *     its first line is sent
   */
  public RedisException(String message) {
    super(message);
  }

  /** {@return the error line the client sees, always with an error code first and on one line} */
  public String errorLine() {
    String message = oneLine(getMessage());
    int space = message.indexOf(' ');
    String code = space < 0 ? message : message.substring(0, space);
    boolean hasCode = !code.isEmpty() && code.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    return hasCode ? message : "ERR " + message;
  }

  /** Redis error replies are one line: CR and LF would break the protocol. */
  static String oneLine(String message) {
    return message == null ? "" : message.replace('\r', ' ').replace('\n', ' ');
  }
}
