package io.jrm.bindinggen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The description's syntax becomes the shapes, Java names and flags the binding is made of. */
class ApiDescriptionTest {
  private static final ApiDescription API =
      ApiDescription.parse(
          List.of(
              "# header",
              "",
              "# Beyond the reference: a doc.",
              "i ReplyWithStringBuffer(j ctx, B buf, j len) leaf",
              "j Call(j ctx, B cmdname, B fmt, ..., j argv, j argc)",
              "i HashGet(j key, i flags, ..., j field, L value, 0) leaf",
              "i HashGet:Exists(j key, i flags, ..., j field, I exists, 0) leaf",
              "j Milliseconds() leaf"));

  @Test
  void shapesNameEveryLetterAndMarkTheVariadicStart() {
    assertThat(API.forms())
        .extracting(ApiDescription.Form::shape)
        .containsExactly("i_jBj", "j_jBB_jj", "i_ji_jLj", "i_ji_jIj", "j_");
  }

  @Test
  void aSecondFormIsAMethodOfItsOwnOnTheSameFunction() {
    assertThat(API.functions()).hasSize(4);
    assertThat(API.functions().get(2).forms())
        .extracting(ApiDescription.Form::javaName)
        .containsExactly("hashGet", "hashGetExists");
  }

  @Test
  void onlyFunctionsMarkedLeafNeverCallBackAndOnlyTheirShapesGetALeafVariant() {
    assertThat(API.functions())
        .extracting(ApiDescription.Function::leaf)
        .containsExactly(true, false, true, true);
    assertThat(API.leafShapes()).doesNotContain("j_jBB_jj").contains("i_jBj", "j_");
  }

  @Test
  void theCommentAboveAFunctionIsItsDocAndTheHeaderIsNoOnes() {
    assertThat(API.functions().get(0).doc()).isEqualTo("Beyond the reference: a doc.");
    assertThat(API.functions().get(1).doc()).isEmpty();
  }

  @Test
  void aShapeKnowsItsJniDescriptorAndWhereItsVariadicArgumentsStart() {
    Shape call = new Shape("j_jBB_jj");
    assertThat(call.fixedCount()).isEqualTo(3);
    assertThat(call.variadic()).isTrue();
    assertThat(call.descriptor()).isEqualTo("(JJ[B[BJJ)J");
    assertThat(new Shape("i_jdjID").descriptor()).isEqualTo("(JJDJ[I[D)I");
    assertThat(new Shape("j_").variadic()).isFalse();
  }

  @Test
  void badLinesAreRefusedWithTheirNumber() {
    assertThatThrownBy(() -> ApiDescription.parse(List.of("i Foo(x y)")))
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> ApiDescription.parse(List.of("i Foo(j a, ...)")))
        .hasMessageContaining("nothing after");
    assertThatThrownBy(() -> ApiDescription.parse(List.of("i Foo(j a)", "i Foo(j a)")))
        .hasMessageContaining("suffix");
  }
}
