package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Keyspace notifications ({@code Context.subscribeToKeyspaceEvents}, {@code notifyKeyspaceEvent},
 * {@code notifyKeyspaceEvents}): a Java listener sees Redis's own events and a Java command's, may
 * write, and can neither crash Redis (a loaded event's key retained), nor break the command that
 * fired the event (throwing, replying).
 */
@RedisServerTest(
    modules = @LoadModule(path = "${jrm.test.module}"),
    config = {"enable-debug-command yes"})
class KeyspaceEventsIT {
  @BeforeEach
  void subscribedAndEmpty(Jedis jedis) {
    jedis.flushAll();
    send(jedis, "JRMTEST.KEYSPACE.SUBSCRIBE");
    events(jedis);
  }

  @SuppressWarnings("unchecked")
  private static List<String> events(Jedis jedis) {
    return (List<String>) send(jedis, "JRMTEST.KEYSPACE.EVENTS");
  }

  @Test
  void aListenerSeesTheEventsOfRedisCommands(Jedis jedis) {
    jedis.set("k", "v");
    jedis.lpush("l", "a");
    jedis.del("k");
    assertThat(events(jedis)).containsExactly("STRING set k", "LIST lpush l", "GENERIC del k");
  }

  @Test
  void aJavaWriteCommandNotifiesListenersAndPubSub(Jedis jedis, RedisServer server)
      throws Exception {
    jedis.configSet("notify-keyspace-events", "Kd");
    BlockingQueue<String> published = new ArrayBlockingQueue<>(10);
    JedisPubSub subscriber =
        new JedisPubSub() {
          @Override
          public void onPMessage(String pattern, String channel, String message) {
            published.add(channel + " " + message);
          }

          @Override
          public void onPSubscribe(String pattern, int count) {
            published.add("subscribed");
          }
        };
    Thread listening =
        new Thread(
            () -> {
              try (Jedis other = server.client()) {
                other.psubscribe(subscriber, "__keyspace@0__:*");
              }
            });
    listening.start();
    try {
      assertThat(published.poll(30, TimeUnit.SECONDS)).isEqualTo("subscribed");
      assertThat(send(jedis, "JRMTEST.KEYSPACE.SETNOTIFY", "mk", "v")).isEqualTo("OK");
      assertThat(published.poll(30, TimeUnit.SECONDS)).isEqualTo("__keyspace@0__:mk jrmtest.set");
    } finally {
      subscriber.punsubscribe();
      listening.join(30_000);
      jedis.configSet("notify-keyspace-events", "");
    }
    assertThat(jedis.get("mk")).isEqualTo("v");
    assertThat(events(jedis)).containsExactly("MODULE jrmtest.set mk");
  }

  @Test
  void aListenerMayWriteAndIsNotToldOfItsOwnWrites(Jedis jedis) {
    jedis.set("counted:a", "1");
    assertThat(jedis.get("count:counted:a")).isEqualTo("1");
    // the INCR the listener ran fired an event that skipped the listener itself
    assertThat(events(jedis)).containsExactly("STRING set counted:a");
  }

  @Test
  void aListenerThatThrowsIsLoggedAndTheCommandGoesOn(Jedis jedis, RedisServer server) {
    assertThat(jedis.set("throwing", "1")).isEqualTo("OK");
    assertThat(jedis.get("throwing")).isEqualTo("1");
    assertThat(events(jedis)).containsExactly("STRING set throwing");
    assertThat(server.logTail(200))
        .contains("keyspace event listener threw java.lang.IllegalStateException");
  }

  @Test
  void aListenerCannotReplyToTheClientOfTheCommand(Jedis jedis, RedisServer server) {
    assertThat(jedis.set("replying", "1")).isEqualTo("OK");
    assertThat(jedis.ping()).isEqualTo("PONG"); // no extra reply reached the client
    assertThat(server.logTail(200)).contains("a keyspace notification has no client to reply to");
  }

  @Test
  void theKeyOfALoadedEventMayBeRetained(Jedis jedis) {
    jedis.set("a", "1");
    jedis.hset("b", "f", "v");
    assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
    assertThat(jedis.get("a")).isEqualTo("1");
    @SuppressWarnings("unchecked")
    List<String> loaded = (List<String>) send(jedis, "JRMTEST.KEYSPACE.LOADED");
    assertThat(loaded).contains("a", "b");
  }

  @Test
  void notifyKeyspaceEventsTellsWhatPubSubPublishes(Jedis jedis) {
    jedis.configSet("notify-keyspace-events", "Kg$");
    try {
      assertThat(send(jedis, "JRMTEST.KEYSPACE.FLAGS"))
          .isEqualTo(List.of("KEYSPACE", "GENERIC", "STRING"));
    } finally {
      jedis.configSet("notify-keyspace-events", "");
    }
    assertThat(send(jedis, "JRMTEST.KEYSPACE.FLAGS")).isEqualTo(List.of());
  }
}
