package io.jrm.bindinggen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.jrm.bindinggen.ApiDescription.Form;
import io.jrm.bindinggen.ApiDescription.Function;
import io.jrm.bindinggen.ApiDescription.Param;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.lang.model.element.Modifier;

/** {@code ApiFunction} (the table backends bind by) and {@code RedisModuleApi} (typed methods). */
final class ApiSources {
  private static final ClassName API_FUNCTION = ClassName.get(ShapeSources.PACKAGE, "ApiFunction");
  private static final ClassName API = ClassName.get(ShapeSources.PACKAGE, "RedisModuleApi");
  private static final ClassName BACKEND = ClassName.get(ShapeSources.PACKAGE, "NativeBackend");
  private static final String GET_API = "GetApi";

  private final ApiDescription api;

  ApiSources(ApiDescription api) {
    this.api = api;
  }

  /** The enum of the functions, with their shapes and whether they may call back into Java. */
  JavaFile apiFunction() {
    TypeSpec.Builder type =
        TypeSpec.enumBuilder(API_FUNCTION)
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(ShapeSources.GENERATED)
            .addAnnotation(ShapeSources.suppress("checkstyle:EnumConstantName"))
            .addJavadoc(
                """
                The Redis Module API functions JRM binds: each constant is one {@code
                RedisModule_<name>} function of Redis 7.0, in the order of the Modules API
                reference, generated from runtime/src/main/binding/redis-module-api.txt with the
                shapes it is called by ({@link $T}) and whether it may call back into Java.

                <p>Four names of the reference are not functions Redis 7.0 exports; Java provides
                them itself: {@code ZsetAddFlagsToCoreFlags} and {@code ZsetAddFlagsFromCoreFlags}
                (flag conversions, see {@code io.jrm.ZaddFlag}), {@code FreeCallReply_Rec} ({@code
                CallReply.close} frees nested replies, as {@code FreeCallReply} does) and {@code
                LogRaw} ({@code Context.log}).
                """,
                ShapeSources.SHAPE_CALLS);
    for (Function function : api.functions()) {
      CodeBlock.Builder args = CodeBlock.builder().add("$L", !function.leaf());
      function.forms().forEach(form -> args.add(", $S", form.shape()));
      TypeSpec.Builder constant = TypeSpec.anonymousClassBuilder(args.build());
      if (!function.doc().isEmpty()) {
        constant.addJavadoc("$L\n", function.doc());
      }
      type.addEnumConstant(function.name(), constant.build());
    }
    TypeName shapes = ParameterizedTypeName.get(List.class, String.class);
    type.addField(boolean.class, "mayCallBack", Modifier.PRIVATE, Modifier.FINAL)
        .addField(shapes, "shapes", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addParameter(boolean.class, "mayCallBack")
                .addParameter(String[].class, "shapes")
                .varargs()
                .addStatement("this.mayCallBack = mayCallBack")
                .addStatement("this.shapes = List.of(shapes)")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("symbol")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The name {@code RedisModule_GetApi} knows the function by.\n")
                .returns(String.class)
                .addStatement("return $S + name()", "RedisModule_")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("mayCallBack")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                    "Whether the function may call back into Java (free a module value, run a"
                        + " command, fire an event or block); false only where it never does.\n")
                .returns(boolean.class)
                .addStatement("return mayCallBack")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("shapes")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                    "The shapes of {@link $T} this function is called by, one per form.\n",
                    ShapeSources.SHAPE_CALLS)
                .returns(shapes)
                .addStatement("return shapes")
                .build());
    return JavaFile.builder(ShapeSources.PACKAGE, type.build()).skipJavaLangImports(true).build();
  }

  /** The typed binding: a final pointer field and one method per form of each function. */
  JavaFile redisModuleApi() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(API)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(ShapeSources.GENERATED)
            .addAnnotation(ShapeSources.suppress("checkstyle:ParameterName"))
            .addJavadoc(
                """
                The thin binding: one method per Redis Module API function (per form, for variadic
                ones), named and typed as in C. Handles and pointers are {@code long} addresses;
                {@code const char *} parameters are byte arrays ({@link #cString} for
                NUL-terminated ones); out-parameters are one-element arrays the function fills. It
                adds no behaviour: {@code io.jrm.Context} and its friends build the idiomatic API
                on it. One instance per module, bound at load time; each method is one call of its
                shape's {@link $T} method with the function pointer, no boxing or allocation.
                """,
                ShapeSources.SHAPE_CALLS)
            .addField(
                FieldSpec.builder(
                        int.class, "OK", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("0")
                    .build())
            .addField(BACKEND, "backend", Modifier.PRIVATE, Modifier.FINAL)
            .addField(ShapeSources.SHAPE_CALLS, "calls", Modifier.PRIVATE, Modifier.FINAL)
            .addField(long[].class, "pointers", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(BACKEND, "backend")
            .addParameter(long[].class, "pointers")
            .addStatement("this.backend = backend")
            .addStatement("this.calls = backend.calls()")
            .addStatement("this.pointers = pointers");
    for (Function function : api.functions()) {
      type.addField(
          FieldSpec.builder(long.class, field(function), Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc("{@code $L}, or 0 where this Redis lacks it.\n", symbol(function))
              .build());
      constructor.addStatement(
          "$L = pointers[$T.$L.ordinal()]", field(function), API_FUNCTION, function.name());
    }
    type.addMethod(constructor.build()).addMethod(bind()).addMethods(helpers());
    for (Function function : api.functions()) {
      if (!function.name().equals(GET_API)) {
        function.forms().forEach(form -> type.addMethod(method(function, form)));
      }
    }
    return JavaFile.builder(ShapeSources.PACKAGE, type.build()).skipJavaLangImports(true).build();
  }

  private MethodSpec bind() {
    Form getApi =
        api.functions().stream()
            .filter(f -> f.name().equals(GET_API))
            .findFirst()
            .orElseThrow()
            .forms()
            .get(0);
    return MethodSpec.methodBuilder("bind")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(
            """
            Binds every function of {@link $T} that this Redis provides, through the {@code
            RedisModule_GetApi} pointer stored in the first word of {@code ctx} (as {@code
            RedisModule_Init} does in C).
            """,
            API_FUNCTION)
        .returns(API)
        .addParameter(BACKEND, "backend")
        .addParameter(long.class, "ctx")
        .addStatement("$T calls = backend.calls()", ShapeSources.SHAPE_CALLS)
        .addStatement("long getApi = backend.readWord(ctx)")
        .addStatement("long[] pointers = new long[$T.values().length]", API_FUNCTION)
        .addStatement("long[] target = new long[1]")
        .beginControlFlow("for ($T function : $T.values())", API_FUNCTION, API_FUNCTION)
        .addStatement("target[0] = 0")
        .beginControlFlow("if (function == $T.$L)", API_FUNCTION, GET_API)
        .addStatement("pointers[function.ordinal()] = getApi")
        .nextControlFlow(
            "else if (calls.$L(getApi, cString(function.symbol()), target) == OK)", call(getApi))
        .addStatement("pointers[function.ordinal()] = target[0]")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return new $T(backend, pointers)", API)
        .build();
  }

  private static List<MethodSpec> helpers() {
    return List.of(
        MethodSpec.methodBuilder("backend")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("The backend the functions are bound with, for native memory.\n")
            .returns(BACKEND)
            .addStatement("return backend")
            .build(),
        MethodSpec.methodBuilder("has")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Whether this Redis provides {@code function}.\n")
            .returns(boolean.class)
            .addParameter(API_FUNCTION, "function")
            .addStatement("return pointers[function.ordinal()] != 0")
            .build(),
        MethodSpec.methodBuilder("cString")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc("A NUL-terminated UTF-8 copy of {@code s}, for {@code const char *}.\n")
            .returns(byte[].class)
            .addParameter(String.class, "s")
            .addStatement("byte[] utf8 = s.getBytes($T.UTF_8)", StandardCharsets.class)
            .addStatement("byte[] terminated = new byte[utf8.length + 1]")
            .addStatement("System.arraycopy(utf8, 0, terminated, 0, utf8.length)")
            .addStatement("return terminated")
            .build(),
        MethodSpec.methodBuilder("copyOut")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Copies {@code length[0]} bytes at {@code pointer}, as returned with a length"
                    + " out-parameter.\n")
            .returns(byte[].class)
            .addParameter(long.class, "pointer")
            .addParameter(long[].class, "length")
            .addStatement(
                "return pointer == 0 ? null : backend.readBytes(pointer,"
                    + " Math.toIntExact(length[0]))")
            .build(),
        MethodSpec.methodBuilder("unavailable")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(UnsupportedOperationException.class)
            .addParameter(API_FUNCTION, "function")
            .addStatement(
                "return new UnsupportedOperationException(function.symbol() + $S)",
                " is not available in this version of Redis")
            .build());
  }

  /** {@code R name(params) { check; return calls.<shape>(pointer, args); }}. */
  private static MethodSpec method(Function function, Form form) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(form.javaName())
            .addModifiers(Modifier.PUBLIC)
            .returns(Shape.javaType(form.returns()));
    CodeBlock.Builder args = CodeBlock.builder().add("$L", field(function));
    for (Param param : form.all()) {
      if (param.letter() == '0') {
        args.add(", 0L");
      } else {
        method.addParameter(Shape.javaType(param.letter()), param.name());
        args.add(", $L", param.name());
      }
    }
    return method
        .beginControlFlow("if ($L == 0)", field(function))
        .addStatement("throw unavailable($T.$L)", API_FUNCTION, function.name())
        .endControlFlow()
        .addStatement(
            (form.returns() == 'v' ? "" : "return ") + "calls.$L($L)", call(form), args.build())
        .build();
  }

  /** The {@code ShapeCalls} method a form calls: its shape, the Leaf variant for a leaf. */
  static String call(Form form) {
    return form.leaf() ? form.shape() + Shape.LEAF : form.shape();
  }

  private static String field(Function function) {
    return Character.toLowerCase(function.name().charAt(0)) + function.name().substring(1) + "Fn";
  }

  private static String symbol(Function function) {
    return "RedisModule_" + function.name();
  }
}
