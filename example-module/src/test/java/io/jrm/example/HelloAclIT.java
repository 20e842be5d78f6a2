package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The helloacl module: the module user {@code global}, for one client at a time, and authentication
 * as an ACL user from a blocked client's reply, with the replies and errors of Redis's helloacl.c.
 * Each test has a server of its own, since the module remembers which client uses {@code global}.
 */
class HelloAclIT {
  private static final Path MODULE = Path.of("target/helloacl/helloacl.so");

  @Test
  void oneClientAtATimeAuthenticatesAsGlobalUntilItIsRevoked() {
    try (RedisServer server = RedisServer.builder().module(MODULE).start();
        Jedis first = server.client();
        Jedis second = server.client()) {
      assertThatThrownBy(() -> send(second, "HELLOACL.REVOKE"))
          .isInstanceOf(JedisDataException.class)
          .hasMessage("Global user currently not used");
      assertThat(send(first, "HELLOACL.AUTHGLOBAL")).isEqualTo("OK");
      assertThat(send(first, "ACL", "WHOAMI")).isEqualTo("global");
      assertThat(first.set("k", "v")).isEqualTo("OK"); // all commands, all keys
      assertThatThrownBy(() -> send(second, "HELLOACL.AUTHGLOBAL"))
          .isInstanceOf(JedisDataException.class)
          .hasMessage("Global user currently used");
      assertThat(send(second, "ACL", "WHOAMI")).isEqualTo("default");

      assertThat(send(second, "HELLOACL.REVOKE")).isEqualTo("OK");
      assertThatThrownBy(first::ping).isInstanceOf(JedisConnectionException.class);
      assertThatThrownBy(() -> send(second, "HELLOACL.REVOKE"))
          .isInstanceOf(JedisDataException.class)
          .hasMessage("Global user currently not used");
      assertThat(send(second, "HELLOACL.AUTHGLOBAL")).isEqualTo("OK");
      assertThat(send(second, "ACL", "WHOAMI")).isEqualTo("global");
    }
  }

  @Test
  void aClientThatRevokesItselfGetsItsReplyAndIsClosed() {
    try (RedisServer server = RedisServer.builder().module(MODULE).start();
        Jedis client = server.client()) {
      assertThat(send(client, "HELLOACL.AUTHGLOBAL")).isEqualTo("OK");
      assertThat(send(client, "HELLOACL.REVOKE")).isEqualTo("OK");
      assertThatThrownBy(client::ping).isInstanceOf(JedisConnectionException.class);
    }
  }

  @Test
  void theGlobalUserIsFreeAgainOnceItsClientAuthenticatesAsAnother() {
    try (RedisServer server = RedisServer.builder().module(MODULE).start();
        Jedis first = server.client();
        Jedis second = server.client()) {
      send(first, "ACL", "SETUSER", "alice", "on", ">secret", "+@all", "~*");
      assertThat(send(first, "HELLOACL.AUTHGLOBAL")).isEqualTo("OK");
      assertThat(first.auth("alice", "secret")).isEqualTo("OK");
      assertThat(send(second, "HELLOACL.AUTHGLOBAL")).isEqualTo("OK");
      assertThat(send(first, "ACL", "WHOAMI")).isEqualTo("alice");
    }
  }

  @Test
  void resetDisconnectsTheGlobalClientAndMakesTheUserAgain() {
    try (RedisServer server = RedisServer.builder().module(MODULE).start();
        Jedis first = server.client();
        Jedis second = server.client()) {
      assertThat(send(first, "HELLOACL.AUTHGLOBAL")).isEqualTo("OK");
      assertThat(send(second, "HELLOACL.RESET")).isEqualTo("OK");
      assertThatThrownBy(first::ping).isInstanceOf(JedisConnectionException.class);
      assertThat(send(second, "HELLOACL.AUTHGLOBAL")).isEqualTo("OK");
      assertThat(send(second, "ACL", "WHOAMI")).isEqualTo("global");
      assertThat(send(second, "HELLOACL.RESET")).isEqualTo("OK"); // closes the caller after it
      assertThatThrownBy(second::ping).isInstanceOf(JedisConnectionException.class);
    }
  }

  @Test
  void authAsyncAuthenticatesAsAnAclUserFromTheReplyCallback() {
    try (RedisServer server = RedisServer.builder().module(MODULE).start();
        Jedis client = server.client()) {
      send(client, "ACL", "SETUSER", "alice", "on", "nopass", "+@all", "~*");
      send(client, "ACL", "SETUSER", "bob", "off", "nopass", "+@all", "~*");
      assertThatThrownBy(() -> send(client, "HELLOACL.AUTHASYNC", "nobody"))
          .isInstanceOf(JedisDataException.class)
          .hasMessage("Invalid Username or password");
      assertThatThrownBy(() -> send(client, "HELLOACL.AUTHASYNC", "bob"))
          .isInstanceOf(JedisDataException.class)
          .hasMessage("Invalid Username or password");
      assertThatThrownBy(() -> send(client, "HELLOACL.AUTHASYNC"))
          .isInstanceOf(JedisDataException.class)
          .hasMessage("ERR wrong number of arguments for 'helloacl.authasync' command");
      assertThat(send(client, "ACL", "WHOAMI")).isEqualTo("default");
      assertThat(send(client, "HELLOACL.AUTHASYNC", "alice")).isEqualTo("OK");
      assertThat(send(client, "ACL", "WHOAMI")).isEqualTo("alice");
    }
  }

  @Test
  void clientsNotYetAuthenticatedMayAuthenticateThroughTheModule() {
    try (RedisServer server = RedisServer.builder().module(MODULE).start();
        Jedis admin = server.client()) {
      send(admin, "ACL", "SETUSER", "alice", "on", "nopass", "+@all", "~*");
      // Set once the server runs, as the test kit checks a new server with a PING; admin stays
      // authenticated.
      send(admin, "CONFIG", "SET", "requirepass", "secret");
      try (Jedis client = server.client();
          Jedis other = server.client()) {
        assertThatThrownBy(client::ping)
            .isInstanceOf(JedisDataException.class)
            .hasMessageStartingWith("NOAUTH");
        assertThat(send(client, "HELLOACL.AUTHGLOBAL")).isEqualTo("OK");
        assertThat(client.ping()).isEqualTo("PONG");
        assertThatThrownBy(() -> send(other, "HELLOACL.REVOKE"))
            .isInstanceOf(JedisDataException.class)
            .hasMessageStartingWith("NOAUTH");
        assertThat(send(other, "HELLOACL.AUTHASYNC", "alice")).isEqualTo("OK");
        assertThat(send(other, "ACL", "WHOAMI")).isEqualTo("alice");
      }
      send(admin, "CONFIG", "SET", "requirepass", "");
    }
  }
}
