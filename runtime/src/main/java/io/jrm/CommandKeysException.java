package io.jrm;

/**
 * Why Redis could not list a command's keys ({@link Context#commandKeys}, {@link
 * Context#commandKeysWithFlags}); uncaught, the client gets the message as {@code COMMAND GETKEYS}
 * words it.
 */
public final class CommandKeysException extends RedisException {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the command. */
  public enum Reason {
    /** No command has that name ({@code ENOENT}). */
    UNKNOWN_COMMAND("ERR Invalid command specified"),
    /** The command takes another number of arguments ({@code EINVAL}). */
    WRONG_ARITY("ERR Invalid number of arguments specified for command");

    private final String message;

    Reason(String message) {
      this.message = message;
    }
  }

  /** What was wrong with the command. */
  private final Reason reason;

  CommandKeysException(Reason reason) {
    super(reason.message);
    this.reason = reason;
  }

  /** {@return what was wrong with the command} */
  public Reason reason() {
    return reason;
  }
}
