package io.jrm.processor.generation;

import com.palantir.javapoet.CodeBlock;
import io.jrm.processor.ClassNames;
import io.jrm.processor.model.CommandArguments;
import io.jrm.processor.model.CommandModel;
import io.jrm.processor.model.HandlerParameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The code that turns a command's {@code argv} into its handler's arguments: the answer to a
 * key-position request, the arity check, then one expression per parameter, evaluated left to
 * right, so the first bad argument is the one reported.
 */
final class ArgumentParsing {
  private static final String GETKEYS_API = "getkeys-api";

  private ArgumentParsing() {}

  /**
   * The statement that replies {@code WrongArity} and returns for a wrong argument count, or an
   * empty block for a raw handler, which counts its arguments itself.
   */
  static CodeBlock arityCheck(CommandArguments arguments) {
    if (arguments.raw()) {
      return CodeBlock.of("");
    }
    int min = arguments.minCount();
    int max = arguments.maxCount();
    String condition;
    if (max == min) {
      condition = "argv.length != " + min;
    } else if (max < 0) {
      condition = "argv.length < " + min;
    } else {
      condition = "argv.length < " + min + " || argv.length > " + max;
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($L)", condition)
        .addStatement("ctx.wrongArity()")
        .addStatement("return")
        .endControlFlow()
        .build();
  }

  /**
   * For a typed handler with the {@code getkeys-api} flag, the statement that answers a
   * key-position request from the declared key positions and returns, before the arity check and
   * any conversion: Redis asks for the keys of arguments not checked yet, and the request must not
   * reply a bad number or keyword (the handler, which takes converted arguments, does not run).
   * Empty for a raw handler, which answers the request itself, and for a command without the flag,
   * which Redis never asks.
   */
  static CodeBlock keyPositionRequest(CommandModel command) {
    if (command.arguments().raw()
        || !Arrays.asList(command.flags().split(" ")).contains(GETKEYS_API)) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .beginControlFlow("if (ctx.isKeysPositionRequest())")
        .addStatement(
            "$T.reportKeys(ctx, argv.length, $L, $L, $L)",
            ClassNames.ARGUMENTS,
            command.firstKey(),
            command.lastKey(),
            command.keyStep())
        .addStatement("return")
        .endControlFlow()
        .build();
  }

  /** The argument list of the handler call: {@code ctx, argv} or one expression per parameter. */
  static CodeBlock arguments(CommandArguments arguments) {
    if (arguments.raw()) {
      return CodeBlock.of("ctx, argv");
    }
    List<CodeBlock> list = new ArrayList<>();
    list.add(CodeBlock.of("ctx"));
    List<HandlerParameter> parameters = arguments.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      list.add(argument(parameters.get(i), i + 1)); // argv[0] is the command name
    }
    return CodeBlock.join(list, ",$W");
  }

  private static CodeBlock argument(HandlerParameter parameter, int index) {
    return switch (parameter.presence()) {
      case REQUIRED -> conversion(parameter, index);
      case NULLABLE ->
          CodeBlock.of("argv.length > $L ? $L : null", index, conversion(parameter, index));
      case OPTIONAL ->
          CodeBlock.of(
              "argv.length > $L ? $T.of($L) : $T.empty()",
              index,
              Optional.class,
              conversion(parameter, index),
              Optional.class);
      case REST_ARRAY -> CodeBlock.of("$T.rest(argv, $L)", ClassNames.ARGUMENTS, index);
      case REST_LIST -> CodeBlock.of("$T.restList(argv, $L)", ClassNames.ARGUMENTS, index);
    };
  }

  /** {@code argv[index]} converted to what the parameter holds. */
  private static CodeBlock conversion(HandlerParameter parameter, int index) {
    return switch (parameter.conversion()) {
      case REDIS_STRING -> CodeBlock.of("argv[$L]", index);
      case STRING -> CodeBlock.of("argv[$L].toString()", index);
      case BYTES -> CodeBlock.of("argv[$L].bytes()", index);
      case LONG -> CodeBlock.of("argv[$L].toLongLong()", index);
      case DOUBLE -> CodeBlock.of("argv[$L].toDouble()", index);
      case INT -> CodeBlock.of("$T.toInt(argv[$L])", ClassNames.ARGUMENTS, index);
      case BOOLEAN -> CodeBlock.of("$T.toBoolean(argv[$L])", ClassNames.ARGUMENTS, index);
      case ENUM ->
          CodeBlock.of(
              "$T.toEnum(argv[$L], $T.class)", ClassNames.ARGUMENTS, index, parameter.enumType());
    };
  }
}
