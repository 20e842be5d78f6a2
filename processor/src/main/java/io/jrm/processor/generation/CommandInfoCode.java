package io.jrm.processor.generation;

import com.palantir.javapoet.CodeBlock;
import io.jrm.processor.ClassNames;
import io.jrm.processor.model.CommandMetadataModel;
import io.jrm.processor.model.CommandMetadataModel.ArgModel;
import io.jrm.processor.model.CommandMetadataModel.KeySpecModel;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The expression that builds a command's {@code io.jrm.CommandInfo} from its validated metadata:
 * one builder call per field set, so the generated table reads like the annotation.
 */
final class CommandInfoCode {
  private CommandInfoCode() {}

  static CodeBlock of(CommandMetadataModel metadata) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()", ClassNames.COMMAND_INFO);
    optional(code, "summary", metadata.summary());
    optional(code, "complexity", metadata.complexity());
    optional(code, "since", metadata.since());
    optional(code, "tips", metadata.tips());
    if (metadata.arity() != 0) {
      code.add(".arity($L)", metadata.arity());
    }
    for (String[] entry : metadata.history()) {
      code.add(".history($S, $S)", entry[0], entry[1]);
    }
    for (KeySpecModel spec : metadata.keySpecs()) {
      code.add(".keySpec($L)", keySpec(spec));
    }
    for (ArgModel arg : metadata.args()) {
      code.add(".arg($L)", arg(arg));
    }
    return code.add(".build()").build();
  }

  private static CodeBlock arg(ArgModel arg) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(
                "$T.of($S, $T.$N)",
                ClassNames.COMMAND_ARG,
                arg.name(),
                ClassNames.ARG_TYPE,
                arg.type());
    if (arg.type().equals("KEY")) {
      code.add(".keySpecIndex($L)", arg.keySpecIndex());
    }
    optional(code, "token", arg.token());
    optional(code, "summary", arg.summary());
    optional(code, "since", arg.since());
    optional(code, "deprecatedSince", arg.deprecatedSince());
    if (!arg.flags().isEmpty()) {
      code.add(
          ".flags($L)",
          arg.flags().stream()
              .map(flag -> CodeBlock.of("$T.$N", ClassNames.ARG_FLAG, flag))
              .collect(CodeBlock.joining(", ")));
    }
    return code.build();
  }

  private static CodeBlock keySpec(KeySpecModel spec) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (spec.index() > 0) {
      code.add("$T.index($L)", ClassNames.KEY_SPEC, spec.index());
    } else if (!spec.keyword().isEmpty()) {
      code.add("$T.keyword($S, $L)", ClassNames.KEY_SPEC, spec.keyword(), spec.startFrom());
    } else {
      code.add("$T.unknownBegin()", ClassNames.KEY_SPEC);
    }
    if (!spec.find().equals("one")) {
      code.add(
          ".$N($L)",
          spec.find().equals("unknown") ? "unknownKeys" : spec.find(),
          Arrays.stream(spec.findArguments())
              .mapToObj(Integer::toString)
              .collect(Collectors.joining(", ")));
    }
    code.add(
        ".flags($L)",
        spec.flags().stream()
            .map(flag -> CodeBlock.of("$T.$N", ClassNames.KEY_FLAG, flag))
            .collect(CodeBlock.joining(", ")));
    optional(code, "notes", spec.notes());
    return code.build();
  }

  private static void optional(CodeBlock.Builder code, String method, String value) {
    if (!value.isEmpty()) {
      code.add(".$N($S)", method, value);
    }
  }
}
