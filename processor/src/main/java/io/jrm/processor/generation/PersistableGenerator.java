package io.jrm.processor.generation;

import static io.jrm.processor.generation.SerializerCode.ENCVER;
import static io.jrm.processor.generation.SerializerCode.IN;
import static io.jrm.processor.generation.SerializerCode.OUT;
import static io.jrm.processor.generation.SerializerCode.VALUE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.jrm.processor.ClassNames;
import io.jrm.processor.model.ClassEncoding;
import io.jrm.processor.model.PersistableModel;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code JrmPersist_<Class>} for a {@code @Persistable} class: static {@code save} and
 * {@code load} that the serializers of data types (and of other persistable classes) call for
 * fields and elements of that class.
 */
public final class PersistableGenerator {
  private PersistableGenerator() {}

  /** The source file of {@code persistable}'s serializer. */
  public static JavaFile generate(PersistableModel persistable) {
    ClassName serializer = persistable.serializerClass();
    ClassEncoding encoding = persistable.encoding();
    ClassName type = encoding.type();
    SerializerCode code = new SerializerCode(encoding, encoding.displayName());

    MethodSpec.Builder save =
        MethodSpec.methodBuilder("save")
            .addJavadoc("Writes {@code value}, which is not null.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(type, VALUE)
            .addParameter(ClassNames.RDB_OUTPUT, OUT);
    MethodSpec.Builder load =
        MethodSpec.methodBuilder("load")
            .addJavadoc(
                "Reads a value written with {@code encver}, the encver of the data type being"
                    + " loaded.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(type)
            .addParameter(ClassNames.RDB_INPUT, IN)
            .addParameter(TypeName.INT, ENCVER);
    if (encoding.custom()) {
      save.addStatement("$N.rdbSave($N)", VALUE, OUT);
      load.addStatement(
          "return $T.requireNonNull($T.rdbLoad($N, $N), $S)",
          Objects.class,
          type,
          IN,
          ENCVER,
          encoding.displayName() + ".rdbLoad returned null");
    } else {
      save.addCode(code.saveFields());
      load.addStatement("$T $N = new $T()", type, VALUE, type)
          .addCode(code.loadFields())
          .addStatement("return $N", VALUE);
    }

    TypeSpec spec =
        TypeSpec.classBuilder(serializer)
            .addJavadoc(
                "The serializer of {@code $L}, generated from {@link $L}.\n",
                encoding.displayName(),
                type.canonicalName())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addFields(code.codecFields())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(save.build())
            .addMethod(load.build())
            .addMethods(code.helperMethods())
            .build();
    return JavaFile.builder(serializer.packageName(), spec).skipJavaLangImports(true).build();
  }
}
