package io.jrm.processor.generation;

import static io.jrm.processor.generation.SerializerCode.ENCVER;
import static io.jrm.processor.generation.SerializerCode.IN;
import static io.jrm.processor.generation.SerializerCode.OUT;
import static io.jrm.processor.generation.SerializerCode.VALUE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.jrm.processor.ClassNames;
import io.jrm.processor.model.ClassEncoding;
import io.jrm.processor.model.TypeModel;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code JrmType_<Type>}, the {@code io.jrm.spi.TypeDefinition} of a {@code @DataType}
 * class: its name and encver, and serializers that read and write the fields directly, so that the
 * runtime needs no reflection to persist a value.
 */
public final class TypeDefinitionGenerator {
  private static final String NAME_FIELD = "NAME";
  private static final String ENCVER_FIELD = "ENCVER";

  private TypeDefinitionGenerator() {}

  /** The source file of {@code type}'s definition class. */
  public static JavaFile generate(TypeModel type) {
    ClassName definition = type.definitionClass();
    ClassName typeClass = type.typeClass();
    ClassEncoding encoding = type.encoding();
    SerializerCode code = new SerializerCode(encoding, type.name());
    TypeSpec.Builder builder =
        TypeSpec.classBuilder(definition)
            .addJavadoc(
                "The data type {@code $L}, generated from {@link $L}.\n",
                type.name(),
                typeClass.canonicalName())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(ClassNames.TYPE_DEFINITION, typeClass))
            .addField(constant(ClassName.get(String.class), NAME_FIELD, "$S", type.name()))
            .addField(constant(TypeName.INT, ENCVER_FIELD, "$L", type.encver()))
            .addFields(code.codecFields())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build())
            .addMethod(
                override("name")
                    .returns(String.class)
                    .addStatement("return $N", NAME_FIELD)
                    .build())
            .addMethod(
                override("encver")
                    .returns(TypeName.INT)
                    .addStatement("return $N", ENCVER_FIELD)
                    .build())
            .addMethod(
                override("type")
                    .returns(ParameterizedTypeName.get(ClassName.get(Class.class), typeClass))
                    .addStatement("return $T.class", typeClass)
                    .build())
            .addMethod(save(type, code))
            .addMethod(load(type, code));
    if (type.aofRewrite()) {
      builder
          .addMethod(
              override("rewritesAof").returns(TypeName.BOOLEAN).addStatement("return true").build())
          .addMethod(
              override("rewriteAof")
                  .addParameter(typeClass, VALUE)
                  .addParameter(ClassNames.REDIS_STRING, "key")
                  .addParameter(ClassNames.AOF_OUTPUT, "aof")
                  .addStatement("$N.aofRewrite(aof, key)", VALUE)
                  .build());
    }
    if (type.copy()) {
      builder
          .addMethod(
              override("copies").returns(TypeName.BOOLEAN).addStatement("return true").build())
          .addMethod(
              keyMethod("copy", typeClass)
                  .returns(typeClass)
                  .addStatement("return $N.copy(keys)", VALUE)
                  .build());
    }
    if (type.freeEffort()) {
      builder
          .addMethod(
              override("hasFreeEffort")
                  .returns(TypeName.BOOLEAN)
                  .addStatement("return true")
                  .build())
          .addMethod(
              keyMethod("freeEffort", typeClass)
                  .returns(TypeName.LONG)
                  .addStatement("return $N.freeEffort(keys)", VALUE)
                  .build());
    }
    if (type.unlink()) {
      builder
          .addMethod(
              override("hasUnlink").returns(TypeName.BOOLEAN).addStatement("return true").build())
          .addMethod(keyMethod("unlink", typeClass).addStatement("$N.unlink(keys)", VALUE).build());
    }
    if (type.defrag()) {
      builder
          .addMethod(
              override("hasDefrag").returns(TypeName.BOOLEAN).addStatement("return true").build())
          .addMethod(
              override("defrag")
                  .returns(TypeName.BOOLEAN)
                  .addParameter(typeClass, VALUE)
                  .addParameter(ClassNames.DEFRAG_CONTEXT, "ctx")
                  .addStatement("return $N.defrag(ctx)", VALUE)
                  .build());
    }
    if (type.memUsage()) {
      builder
          .addMethod(
              override("hasMemUsage").returns(TypeName.BOOLEAN).addStatement("return true").build())
          .addMethod(
              override("memUsage")
                  .returns(TypeName.LONG)
                  .addParameter(typeClass, VALUE)
                  .addStatement("return $N.memUsage()", VALUE)
                  .build());
    }
    if (type.aux()) {
      addAux(builder, type);
    }
    if (type.free()) {
      builder
          .addMethod(
              override("hasFree").returns(TypeName.BOOLEAN).addStatement("return true").build())
          .addMethod(
              override("free")
                  .addParameter(typeClass, VALUE)
                  .addStatement("$N.free()", VALUE)
                  .build());
    }
    builder.addMethods(code.helperMethods());
    return JavaFile.builder(definition.packageName(), builder.build())
        .skipJavaLangImports(true)
        .build();
  }

  /**
   * The aux methods: the class's static auxSave, auxLoad (refusing data of a newer encver, as a
   * value's load does) and auxSaveTriggers, or {@code BEFORE_RDB} without the last.
   */
  private static void addAux(TypeSpec.Builder builder, TypeModel type) {
    ClassName typeClass = type.typeClass();
    TypeName phases = ParameterizedTypeName.get(ClassName.get(Set.class), ClassNames.AUX_PHASE);
    MethodSpec.Builder triggers = override("auxSaveTriggers").returns(phases);
    if (type.auxSaveTriggers()) {
      triggers.addStatement("return $T.auxSaveTriggers()", typeClass);
    } else {
      triggers.addStatement("return $T.of($T.BEFORE_RDB)", Set.class, ClassNames.AUX_PHASE);
    }
    builder
        .addMethod(override("hasAux").returns(TypeName.BOOLEAN).addStatement("return true").build())
        .addMethod(triggers.build())
        .addMethod(
            override("auxSave")
                .addParameter(ClassNames.RDB_OUTPUT, OUT)
                .addParameter(ClassNames.AUX_PHASE, "phase")
                .addStatement("$T.auxSave($N, phase)", typeClass, OUT)
                .build())
        .addMethod(
            override("auxLoad")
                .addParameter(ClassNames.RDB_INPUT, IN)
                .addParameter(TypeName.INT, ENCVER)
                .addParameter(ClassNames.AUX_PHASE, "phase")
                .addCode(refuseNewerEncver(type.name() + " module-wide state"))
                .addStatement("$T.auxLoad($N, $N, phase)", typeClass, IN, ENCVER)
                .build());
  }

  /** Code that refuses {@code what} written with an encver newer than the type's. */
  private static CodeBlock refuseNewerEncver(String what) {
    return CodeBlock.builder()
        .beginControlFlow("if ($N > $N)", ENCVER, ENCVER_FIELD)
        .addStatement(
            "throw new $T($S + $N + $S + $N)",
            ClassNames.REDIS_EXCEPTION,
            "ERR cannot load " + what + " of encver ",
            ENCVER,
            ": this module reads encver 0 to ",
            ENCVER_FIELD)
        .endControlFlow()
        .build();
  }

  private static FieldSpec constant(TypeName type, String name, String format, Object value) {
    return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(format, value)
        .build();
  }

  private static MethodSpec save(TypeModel type, SerializerCode code) {
    MethodSpec.Builder save =
        override("save")
            .addParameter(type.typeClass(), VALUE)
            .addParameter(ClassNames.RDB_OUTPUT, OUT);
    if (type.encoding().custom()) {
      save.addStatement("$N.rdbSave($N)", VALUE, OUT);
    } else {
      save.addCode(code.saveFields());
    }
    return save.build();
  }

  private static MethodSpec load(TypeModel type, SerializerCode code) {
    ClassName typeClass = type.typeClass();
    MethodSpec.Builder load =
        override("load")
            .returns(typeClass)
            .addParameter(ClassNames.RDB_INPUT, IN)
            .addParameter(TypeName.INT, ENCVER)
            .addCode(refuseNewerEncver(type.name() + " data"));
    if (type.encoding().custom()) {
      load.addStatement(
          "$T $N = $T.requireNonNull($T.rdbLoad($N, $N), $S)",
          typeClass,
          VALUE,
          Objects.class,
          typeClass,
          IN,
          ENCVER,
          type.encoding().displayName() + ".rdbLoad returned null");
    } else {
      load.addStatement("$T $N = new $T()", typeClass, VALUE, typeClass).addCode(code.loadFields());
    }
    if (type.upgrade()) {
      load.beginControlFlow("if ($N < $N)", ENCVER, ENCVER_FIELD)
          .addStatement("$N.upgrade($N)", VALUE, ENCVER)
          .endControlFlow();
    }
    if (type.validateLoaded()) {
      // One error for every way a bad value can come in: RDB, RESTORE and jrm-restore.
      load.beginControlFlow("try")
          .addStatement("$N.validateLoaded()", VALUE)
          .nextControlFlow("catch ($T e)", RuntimeException.class)
          .addStatement(
              "throw new $T($S + e.getMessage())",
              ClassNames.REDIS_EXCEPTION,
              "ERR invalid " + type.name() + " value: ")
          .endControlFlow();
    }
    return load.addStatement("return $N", VALUE).build();
  }

  /** A method of the type's own called with the value and its keys ({@code KeyOptContext}). */
  private static MethodSpec.Builder keyMethod(String name, ClassName typeClass) {
    return override(name)
        .addParameter(typeClass, VALUE)
        .addParameter(ClassNames.KEY_OPT_CONTEXT, "keys");
  }

  private static MethodSpec.Builder override(String name) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC);
  }
}
