package io.jrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link Replies#SCALAR_TYPES}, the list the annotation processor checks return types against,
 * against the code that sends them: a type listed and not sent would compile and fail every call.
 */
class RepliesTest {
  private static final Path SOURCE = Path.of("src/main/java/io/jrm/Replies.java");

  @Test
  void everyListedTypeIsAClassThatValueSends() throws IOException, ClassNotFoundException {
    String source = Files.readString(SOURCE);
    String[] names = Replies.SCALAR_TYPES.split(" ");
    assertThat(names).doesNotHaveDuplicates().isNotEmpty();
    for (String name : names) {
      Class<?> type = Class.forName(name);
      // value() names java.lang boxes in full where a Reply member has the same simple name.
      assertThat(source)
          .as("a case of Replies.value for %s", name)
          .containsPattern(
              "instanceof (" + type.getSimpleName() + "|" + name.replace(".", "\\.") + ")\\b");
    }
    assertThat(Arrays.stream(names).map(n -> n.substring(n.lastIndexOf('.') + 1)))
        .contains("String", "Long", "Integer", "Double", "Boolean");
  }
}
