package io.jrm.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * Sends any command, a module's own included, and decodes the reply for assertions: bulk and status
 * strings become {@code String} (UTF-8), integers {@code Long}, arrays {@code List}, the null reply
 * {@code null}. An error reply is thrown as Jedis's {@code JedisDataException}, with the error line
 * as its message; an error inside an array stays an element.
 *
 * <pre>{@code
 * assertThat(Commands.send(jedis, "HELLO.PUSH.CALL", "list", "a")).isEqualTo(1L);
 * }</pre>
 */
public final class Commands {
  private Commands() {}

  /**
   * Sends {@code command} with {@code args} and returns the decoded reply.
   *
   * @param jedis the connection to send on
   * @param command the command's name
   * @param args its arguments, as UTF-8
   * @return the decoded reply, null for the null reply
   */
  public static @Nullable Object send(Jedis jedis, String command, String... args) {
    ProtocolCommand name = () -> command.getBytes(StandardCharsets.UTF_8);
    return decode(jedis.sendCommand(name, args));
  }

  private static Object decode(Object reply) {
    if (reply instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (reply instanceof List<?> list) {
      List<Object> decoded = new ArrayList<>(list.size());
      list.forEach(element -> decoded.add(decode(element)));
      return decoded;
    }
    return reply;
  }
}
