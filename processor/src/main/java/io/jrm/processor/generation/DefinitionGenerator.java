package io.jrm.processor.generation;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.jrm.processor.ClassNames;
import io.jrm.processor.model.CommandArguments;
import io.jrm.processor.model.CommandModel;
import io.jrm.processor.model.ConfigModel;
import io.jrm.processor.model.HandlerRef;
import io.jrm.processor.model.ModuleModel;
import io.jrm.processor.model.TypeModel;
import java.util.EnumSet;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code JrmModule_<Module>}, the module's {@code io.jrm.spi.ModuleDefinition}: its
 * identity, its command table, a switch that calls each handler directly, so that the runtime needs
 * no reflection to run a command, and its data types.
 */
public final class DefinitionGenerator {
  private static final String COMMANDS_FIELD = "COMMANDS";
  private static final String TYPES_FIELD = "TYPES";
  private static final TypeName REDIS_STRINGS = ArrayTypeName.of(ClassNames.REDIS_STRING);

  private DefinitionGenerator() {}

  /** The source file of {@code module}'s definition class. */
  public static JavaFile generate(ModuleModel module) {
    ClassName definition = module.definitionClass();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(definition)
            // Named with $L, not $T: an import only for Javadoc would be unused, and invalid if
            // the module class is not accessible from its package.
            .addJavadoc(
                "The registration of module {@code $L}, generated from {@link $L}.\n",
                module.name(),
                module.moduleClass().canonicalName())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ClassNames.MODULE_DEFINITION)
            .addField(commandsField(module.commands()))
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build())
            .addMethod(
                getter("name", ClassName.get(String.class), CodeBlock.of("$S", module.name())))
            .addMethod(getter("version", TypeName.INT, CodeBlock.of("$L", module.version())))
            .addMethod(getter("commands", commandListType(), CodeBlock.of(COMMANDS_FIELD)))
            .addMethod(dispatch(module.commands()))
            .addMethods(module.onLoad().map(DefinitionGenerator::onLoad).stream().toList());
    if (!module.configs().isEmpty()) {
      type.addMethod(registerConfigs(module.configs()));
    }
    if (!module.types().isEmpty()) {
      type.addField(typesField(module.types()))
          .addMethod(getter("types", typeListType(), CodeBlock.of(TYPES_FIELD)));
    }
    return JavaFile.builder(definition.packageName(), type.build())
        .skipJavaLangImports(true)
        .build();
  }

  private static TypeName commandListType() {
    return ParameterizedTypeName.get(ClassName.get(List.class), ClassNames.COMMAND_DEFINITION);
  }

  /** One command per line, in dispatch order, so that the index of each is easy to read off. */
  private static FieldSpec commandsField(List<CommandModel> commands) {
    CodeBlock entries =
        commands.stream()
            .map(
                c ->
                    CodeBlock.of(
                        "new $T($S, $S, $L, $L, $L, $T.$N$L)",
                        ClassNames.COMMAND_DEFINITION,
                        c.name(),
                        c.flags(),
                        c.firstKey(),
                        c.lastKey(),
                        c.keyStep(),
                        ClassNames.REPLICATION,
                        c.replication(),
                        c.metadata().isEmpty()
                            ? ""
                            : CodeBlock.of(", $L", CommandInfoCode.of(c.metadata()))))
            .collect(CodeBlock.joining(",\n"));
    CodeBlock initializer =
        commands.isEmpty()
            ? CodeBlock.of("$T.of()", List.class)
            : CodeBlock.of("$T.of(\n$>$>$L$<$<)", List.class, entries);
    return FieldSpec.builder(
            commandListType(), COMMANDS_FIELD, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(initializer)
        .build();
  }

  private static TypeName typeListType() {
    return ParameterizedTypeName.get(
        ClassName.get(List.class),
        ParameterizedTypeName.get(
            ClassNames.TYPE_DEFINITION, WildcardTypeName.subtypeOf(Object.class)));
  }

  /** One type per line, in index order (by type name), as the C stub's type trampolines are. */
  private static FieldSpec typesField(List<TypeModel> types) {
    CodeBlock entries =
        types.stream()
            .map(t -> CodeBlock.of("new $T()", t.definitionClass()))
            .collect(CodeBlock.joining(",\n"));
    return FieldSpec.builder(
            typeListType(), TYPES_FIELD, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of(\n$>$>$L$<$<)", List.class, entries)
        .build();
  }

  private static MethodSpec getter(String name, TypeName type, CodeBlock value) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addStatement("return $L", value)
        .build();
  }

  private static MethodSpec dispatch(List<CommandModel> commands) {
    CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (index)");
    for (int i = 0; i < commands.size(); i++) {
      HandlerRef handler = commands.get(i).handler();
      CommandArguments arguments = commands.get(i).arguments();
      CodeBlock call =
          CodeBlock.of(
              "$T.$N($L)", handler.owner(), handler.method(), ArgumentParsing.arguments(arguments));
      CodeBlock reply = ReplyCode.reply(call, commands.get(i).returnsReply());
      CodeBlock checks =
          CodeBlock.builder()
              .add(ArgumentParsing.keyPositionRequest(commands.get(i)))
              .add(ArgumentParsing.arityCheck(arguments))
              .build();
      if (checks.isEmpty()) {
        body.addStatement("case $L -> $L", i, reply);
      } else {
        body.add("case $L -> {\n$>", i).add(checks).addStatement("$L", reply).add("$<}\n");
      }
    }
    body.addStatement(
            "default -> throw new $T($S + index)",
            IllegalArgumentException.class,
            "No command with index ")
        .endControlFlow();
    return override("dispatch")
        .addParameter(TypeName.INT, "index")
        .addParameter(ClassNames.CONTEXT, "ctx")
        .addParameter(REDIS_STRINGS, "argv")
        .addCode(body.build())
        .build();
  }

  private static MethodSpec onLoad(HandlerRef handler) {
    return override("onLoad")
        .addParameter(ClassNames.CONTEXT, "ctx")
        .addParameter(REDIS_STRINGS, "args")
        .addStatement("$T.$N(ctx, args)", handler.owner(), handler.method())
        .build();
  }

  /**
   * Registers each {@code @Config} field with its value at load as the default: a getter that reads
   * the field and a setter that writes it.
   */
  private static MethodSpec registerConfigs(List<ConfigModel> configs) {
    CodeBlock.Builder body = CodeBlock.builder();
    for (ConfigModel config : configs) {
      CodeBlock field = CodeBlock.of("$T.$N", config.owner(), config.field());
      CodeBlock flags =
          config.flags().isEmpty()
              ? CodeBlock.of("$T.noneOf($T.class)", EnumSet.class, ClassNames.CONFIG_FLAG)
              : CodeBlock.of(
                  "$T.of($L)",
                  EnumSet.class,
                  config.flags().stream()
                      .map(flag -> CodeBlock.of("$T.$N", ClassNames.CONFIG_FLAG, flag))
                      .collect(CodeBlock.joining(", ")));
      switch (config.kind()) {
        case BOOL ->
            body.addStatement(
                "ctx.registerBoolConfig($S, $L, $L, n -> $L, (n, v) -> $L = v, null)",
                config.name(),
                field,
                flags,
                field,
                field);
        case NUMERIC ->
            body.addStatement(
                "ctx.registerNumericConfig($S, $L, $L, $LL, $LL, n -> $L, (n, v) -> $L = v, null)",
                config.name(),
                field,
                flags,
                config.min(),
                config.max(),
                field,
                field);
        case STRING ->
            body.addStatement(
                "$T.string(ctx, $S, $L, () -> $L, v -> $L = v)",
                ClassNames.FIELD_CONFIGS,
                config.name(),
                flags,
                field,
                field);
        case ENUM ->
            body.addStatement(
                "$T.enumeration(ctx, $S, $L, $T.class, () -> $L, v -> $L = v)",
                ClassNames.FIELD_CONFIGS,
                config.name(),
                flags,
                config.enumType(),
                field,
                field);
      }
    }
    return MethodSpec.methodBuilder("registerConfigs")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(ClassNames.CONTEXT, "ctx")
        .addCode(body.build())
        .build();
  }

  /** Handlers may throw checked exceptions, which the interface methods therefore declare. */
  private static MethodSpec.Builder override(String name) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addException(Exception.class);
  }
}
