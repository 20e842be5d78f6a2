package io.jrm.testkit;

/**
 * Thrown when a {@link RedisServer} cannot be started, restarted or reached.
 *
 * <p>Unchecked because a test can do nothing sensible about a server that will not come up except
 * fail; the message carries the exit code and the tails of the server's logs so the failure
 * explains itself without digging through temp directories.
 */
public class RedisServerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, including any log excerpts
   */
  public RedisServerException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, including any log excerpts
   * @param cause the underlying failure
   */
  public RedisServerException(String message, Throwable cause) {
    super(message, cause);
  }
}
