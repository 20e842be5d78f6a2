package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * COMMAND INFO and COMMAND DOCS of Java commands: the arity and key positions typed parameters
 * derive, {@code @CommandMetadata} compared with the same metadata of a built-in command, and
 * subcommands.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class CommandMetadataIT {
  /** COMMAND INFO's one entry for {@code command}. */
  private static List<?> info(Jedis jedis, String command) {
    return (List<?>) ((List<?>) send(jedis, "COMMAND", "INFO", command)).get(0);
  }

  /** COMMAND DOCS's map for {@code command}, as pairs into a map. */
  private static Map<Object, Object> docs(Jedis jedis, String command) {
    List<?> pairs = (List<?>) ((List<?>) send(jedis, "COMMAND", "DOCS", command)).get(1);
    Map<Object, Object> docs = new HashMap<>();
    for (int i = 0; i < pairs.size(); i += 2) {
      docs.put(pairs.get(i), pairs.get(i + 1));
    }
    return docs;
  }

  @Test
  void typedParametersGiveTheArityAndKeysACModuleDeclaresThem(Jedis jedis) {
    List<?> info = info(jedis, "jrmtest.meta.typed");
    // What CreateCommand(1, 1, 1) and an arity of -3 give a C module: a key spec from the triple.
    assertThat(info.subList(1, 6)).isEqualTo(List.of(-3L, List.of("module"), 1L, 1L, 1L));
    assertThat(info.get(8))
        .isEqualTo(
            List.of(
                List.of(
                    "flags",
                    List.of("RW", "access", "update"),
                    "begin_search",
                    List.of("type", "index", "spec", List.of("index", 1L)),
                    "find_keys",
                    List.of(
                        "type",
                        "range",
                        "spec",
                        List.of("lastkey", 0L, "keystep", 1L, "limit", 0L)))));
    assertThatThrownBy(() -> send(jedis, "jrmtest.meta.typed", "k"))
        .hasMessage("ERR wrong number of arguments for 'jrmtest.meta.typed' command");
  }

  @Test
  void commandInfoEqualsThatOfTheBuiltInCommandWithTheSameMetadata(Jedis jedis) {
    List<?> redis = info(jedis, "get");
    List<Object> java = new ArrayList<>(info(jedis, "jrmtest.meta.get"));
    List<Object> flags = new ArrayList<>((List<?>) java.get(2));
    flags.remove("module");
    java.set(2, flags);
    for (int i = 1; i < redis.size(); i++) {
      if (i != 6) { // ACL categories: module commands have none
        assertThat(java.get(i)).as("COMMAND INFO element %d", i).isEqualTo(redis.get(i));
      }
    }
    Map<Object, Object> docs = docs(jedis, "jrmtest.meta.get");
    assertThat(docs).containsEntry("group", "module").containsEntry("module", "jrmtest");
    docs.remove("module");
    Map<Object, Object> redisDocs = docs(jedis, "get");
    redisDocs.put("group", "module");
    assertThat(docs).isEqualTo(redisDocs);
  }

  @Test
  void aSubcommandRunsUnderItsContainer(Jedis jedis) {
    assertThat(send(jedis, "jrmtest.meta.box", "name")).isEqualTo("jrmtest.meta.box|name");
    List<?> info = info(jedis, "jrmtest.meta.box");
    assertThat(info.get(1)).isEqualTo(-2L);
    assertThat((List<?>) info.get(9))
        .singleElement()
        .satisfies(sub -> assertThat(((List<?>) sub).get(0)).isEqualTo("jrmtest.meta.box|name"));
    assertThatThrownBy(() -> send(jedis, "jrmtest.meta.box"))
        .hasMessage("ERR wrong number of arguments for 'jrmtest.meta.box' command");
  }
}
