package io.jrm.internal.binding.jni;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.internal.binding.ApiFunction;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The JNI backend can bind every function it does not hand to JNA. */
class ShapesTest {
  @Test
  void everyNonVariadicFunctionHasAnInvoker() {
    Arrays.stream(ApiFunction.values())
        .filter(function -> !function.variadic())
        .forEach(
            function ->
                assertThat(Shapes.invoker(function.shape())).as(function.name()).isNotNull());
  }
}
