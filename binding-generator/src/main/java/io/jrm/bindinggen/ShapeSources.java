package io.jrm.bindinggen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.lang.model.element.Modifier;

/**
 * The backend contract, one method per C signature shape ({@code ShapeCalls}), and its jni and jna
 * implementations.
 */
final class ShapeSources {
  static final String PACKAGE = "io.jrm.internal.binding";
  static final ClassName SHAPE_CALLS = ClassName.get(PACKAGE, "ShapeCalls");
  static final AnnotationSpec GENERATED =
      AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", BindingGenerator.class.getName())
          .addMember("comments", "$S", "from runtime/src/main/binding/redis-module-api.txt")
          .build();

  private final Set<String> shapes;
  private final Set<String> leafShapes;
  private final Set<String> jniShapes;

  ShapeSources(ApiDescription api) {
    this.shapes = api.shapes();
    this.leafShapes = api.leafShapes();
    this.jniShapes = api.jniShapes();
  }

  /**
   * {@code ShapeCalls}: an abstract method per shape, a default {@code Leaf} variant where used.
   */
  JavaFile shapeCalls() {
    TypeSpec.Builder type =
        TypeSpec.interfaceBuilder(SHAPE_CALLS)
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(GENERATED)
            .addAnnotation(suppress("checkstyle:MethodName"))
            .addJavadoc(
                """
                How a backend calls a Redis Module API function: one method per C signature shape,
                taking the function pointer first, then the arguments as the shape's letters say
                ({@code i} int, {@code j} long long or pointer, {@code d} double, {@code f} float,
                {@code B} byte[] copied in, {@code L}/{@code I}/{@code D} one-element long[]/int[]/
                double[] out-parameters, null for NULL; after a second {@code _} the variadic
                arguments). The result letter comes first ({@code v} void).

                <p>{@code <shape>Leaf} is the same call for a function that never calls back into
                Java; a backend that can call those faster (an FFM critical downcall) overrides it.
                """);
    for (String name : shapes) {
      Shape shape = new Shape(name);
      type.addMethod(
          signature(shape, name).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).build());
      if (leafShapes.contains(name)) {
        type.addMethod(
            signature(shape, name + Shape.LEAF)
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .addStatement(
                    (shape.returns() == 'v' ? "" : "return ") + "$L(fn$L)", name, arguments(shape))
                .build());
      }
    }
    return JavaFile.builder(PACKAGE, type.build()).skipJavaLangImports(true).build();
  }

  /**
   * The jni backend's natives: one per shape (the stub registers them), then native memory and
   * errno.
   */
  JavaFile jniDowncalls() {
    TypeSpec.Builder type =
        shapeCallsClass(
            "JniDowncalls",
            """
                The JNI natives the module stub registers for the jni backend: one per shape of
                {@link $T} (and per shape with arrays, the one taking their addresses, for
                JniScratchCalls), generated into module_stub.c from the same description, then
                native memory access and errno. StubAbiTest checks that the stub registers exactly
                these.
                """,
            SHAPE_CALLS);
    for (String name : jniShapes) {
      // A words shape no function has is a native JniScratchCalls alone calls.
      MethodSpec.Builder method =
          signature(new Shape(name), name).addModifiers(Modifier.PUBLIC, Modifier.NATIVE);
      if (shapes.contains(name)) {
        method.addAnnotation(Override.class);
      }
      type.addMethod(method.build());
    }
    type.addMethod(memory("readWord", TypeName.LONG, "Reads the word at {@code address}."))
        .addMethod(
            memory(
                "readWords",
                TypeName.VOID,
                "Fills {@code words} from {@code address}.",
                param(long[].class, "words")))
        .addMethod(
            memory(
                "readBytes",
                TypeName.VOID,
                "Fills {@code bytes} from {@code address}.",
                param(byte[].class, "bytes")))
        .addMethod(
            memory(
                "writeWord",
                TypeName.VOID,
                "Writes {@code word} at {@code address}.",
                param(long.class, "word")))
        .addMethod(
            memory(
                "writeBytes",
                TypeName.VOID,
                "Copies {@code bytes} to {@code address}.",
                param(byte[].class, "bytes")))
        .addMethod(
            MethodSpec.methodBuilder("lastErrno")
                .addModifiers(Modifier.STATIC, Modifier.NATIVE)
                .addJavadoc("The calling thread's {@code errno}, as the last call left it.\n")
                .returns(TypeName.INT)
                .build());
    return JavaFile.builder(PACKAGE + ".jni", type.build()).skipJavaLangImports(true).build();
  }

  /** The jna backend: JNA's generic {@code Function} per call, the slow portable reference. */
  JavaFile jnaShapeCalls() {
    ClassName function = ClassName.get("com.sun.jna", "Function");
    ClassName pointer = ClassName.get("com.sun.jna", "Pointer");
    TypeSpec.Builder type =
        shapeCallsClass(
                "JnaShapeCalls",
                "Every shape of {@link $T} through JNA's {@link $T}, boxing its arguments: the"
                    + " reference backend.\n",
                SHAPE_CALLS,
                function)
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(
                            ClassName.get(ConcurrentHashMap.class),
                            ClassName.get(Long.class),
                            function),
                        "functions",
                        Modifier.PRIVATE,
                        Modifier.FINAL)
                    .addJavadoc(
                        "The function of each pointer, made once: making one is not free.\n")
                    .initializer("new $T<>()", ConcurrentHashMap.class)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("function")
                    .addModifiers(Modifier.PRIVATE)
                    .returns(function)
                    .addParameter(long.class, "fn")
                    .addStatement(
                        "return functions.computeIfAbsent(fn, address -> $T.getFunction(new $T(address)))",
                        function,
                        pointer)
                    .build());
    for (String name : shapes) {
      Shape shape = new Shape(name);
      if (shape.longDouble()) {
        type.addMethod(
            override(shape, name)
                .addStatement(
                    "throw new $T($S)",
                    UnsupportedOperationException.class,
                    "the jna backend cannot pass a long double: use jni or ffm")
                .build());
        continue;
      }
      String invoke =
          switch (shape.returns()) {
            case 'v' -> "invokeVoid";
            case 'i' -> "invokeInt";
            case 'j' -> "invokeLong";
            case 'd' -> "invokeDouble";
            default -> "invokeFloat";
          };
      CodeBlock.Builder args = CodeBlock.builder();
      for (int i = 0; i < shape.letters().length(); i++) {
        args.add(i == 0 ? "$L" : ", $L", Shape.param(i));
      }
      type.addMethod(
          signature(shape, name)
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .addStatement(
                  (shape.returns() == 'v' ? "" : "return ") + "function(fn).$L(new Object[] {$L})",
                  invoke,
                  args.build())
              .build());
    }
    return JavaFile.builder(PACKAGE + ".jna", type.build()).skipJavaLangImports(true).build();
  }

  /**
   * The ffm backend's calls (Java 22+ sources): per shape a {@code static final} handle in a holder
   * class of its own, so that a shape is linked at its first call (linking all at load costs most
   * of a second) and {@code invokeExact} sees a constant. Leaf calls use the critical handle, which
   * takes Java arrays in place; the others copy arrays to the thread's native scratch and
   * out-parameters back, because a call that runs Java may see the garbage collector move them. The
   * holders of the shapes first called during the load are initialized on a thread of their own
   * once it is over ({@code BackgroundLinks}); until a holder's flag in {@code LINKED} is set, its
   * calls go through the stub's jni natives.
   */
  JavaFile ffmShapeCalls() {
    String pkg = PACKAGE + ".ffm";
    ClassName handle = ClassName.get("java.lang.invoke", "MethodHandle");
    ClassName linker = ClassName.get(pkg, "FfmLinker");
    ClassName scratch = ClassName.get(pkg, "FfmScratch");
    TypeSpec.Builder type =
        shapeCallsClass(
            "FfmShapeCalls",
            "Every shape of {@link $T} as a {@code java.lang.foreign} downcall ({@link $T}).\n",
            SHAPE_CALLS,
            linker);
    List<String> holders = new ArrayList<>();
    for (String name : shapes) {
      Shape shape = new Shape(name);
      if (shape.longDouble()) {
        type.addMethod(
            override(shape, name)
                .addStatement(
                    (shape.returns() == 'v' ? "" : "return ") + "jni().$L(fn$L)",
                    name,
                    arguments(shape))
                .build());
        continue;
      }
      String plainHolder = "Plain_" + name;
      type.addType(holder(plainHolder, handle, linker, name, false));
      CodeBlock.Builder body = CodeBlock.builder();
      fallBackUntilLinked(body, shape, name, holders.size());
      holders.add(plainHolder);
      boolean arrays = shape.hasArrays();
      if (arrays) {
        body.addStatement("$T scratch = $T.current()", scratch, scratch)
            .addStatement("long mark = scratch.mark()")
            .beginControlFlow("try");
        copyIns(body, shape);
      } else {
        body.beginControlFlow("try");
      }
      String call = invokeExact(shape, plainHolder, true);
      if (hasOuts(shape)) {
        if (shape.returns() == 'v') {
          body.addStatement(call);
        } else {
          TypeName result = Shape.javaType(shape.returns());
          body.addStatement("$T result = " + call, result, result);
        }
        copyBacks(body, shape, scratch);
        if (shape.returns() != 'v') {
          body.addStatement("return result");
        }
      } else {
        body.addStatement((shape.returns() == 'v' ? "" : "return ") + call, javaTypeArgs(shape));
      }
      body.nextControlFlow("catch ($T t)", Throwable.class)
          .addStatement("throw $T.unchecked(t)", linker);
      if (arrays) {
        body.nextControlFlow("finally").addStatement("scratch.release(mark)");
      }
      body.endControlFlow();
      type.addMethod(
          signature(shape, name)
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .addCode(body.build())
              .build());
      if (leafShapes.contains(name)) {
        String leafHolder = "Leaf_" + name;
        type.addType(holder(leafHolder, handle, linker, name, true));
        CodeBlock.Builder leafBody = CodeBlock.builder();
        fallBackUntilLinked(leafBody, shape, name + Shape.LEAF, holders.size());
        holders.add(leafHolder);
        type.addMethod(
            signature(shape, name + Shape.LEAF)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addCode(leafBody.build())
                .beginControlFlow("try")
                .addStatement(
                    (shape.returns() == 'v' ? "" : "return ")
                        + invokeExact(shape, leafHolder, false),
                    javaTypeArgs(shape))
                .nextControlFlow("catch ($T t)", Throwable.class)
                .addStatement("throw $T.unchecked(t)", linker)
                .endControlFlow()
                .build());
      }
    }
    addLinkState(type, holders);
    return JavaFile.builder(pkg, type.build()).skipJavaLangImports(true).build();
  }

  /**
   * {@code if (!LINKED[i] && LINKS.fallBack(i)) return JNI.name(fn, ...);}: the call of a shape
   * whose holder {@code i} is not linked yet, through the stub's natives.
   */
  private static void fallBackUntilLinked(
      CodeBlock.Builder body, Shape shape, String name, int holder) {
    body.beginControlFlow("if (!LINKED[$L] && LINKS.fallBack($L))", holder, holder)
        .addStatement(
            (shape.returns() == 'v' ? "" : "return ") + "JNI.$L(fn$L)", name, arguments(shape));
    if (shape.returns() == 'v') {
      body.addStatement("return");
    }
    body.endControlFlow();
  }

  /**
   * The ffm calls' fields: the jni natives ({@code JNI}, null without the stub), the holders'
   * names, their flags and their {@code BackgroundLinks}; {@code jni()} for a long double, which
   * FFM has no layout for, {@code startLinking()} for the end of the load and {@code awaitLinks()}
   * for the unload.
   */
  private static void addLinkState(TypeSpec.Builder type, List<String> holders) {
    String pkg = PACKAGE + ".ffm";
    ClassName links = ClassName.get(pkg, "BackgroundLinks");
    ClassName backend = ClassName.get(PACKAGE, "NativeBackend");
    CodeBlock.Builder names = CodeBlock.builder().add("{\n$>");
    holders.forEach(name -> names.add("$S,\n", name));
    names.add("$<}");
    type.addField(
            FieldSpec.builder(SHAPE_CALLS, "JNI", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The stub's jni natives; null where there is no stub (unit tests).\n")
                .initializer(
                    "$T.JNI.map($T::calls).orElse(null)", ClassName.get(pkg, "FfmBackend"), backend)
                .build())
        .addField(
            FieldSpec.builder(
                    String[].class, "HOLDERS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The holder classes, by the index the calls check.\n")
                .initializer(names.build())
                .build())
        .addField(
            FieldSpec.builder(
                    boolean[].class, "LINKED", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Whether each holder is initialized, its handle linked.\n")
                .initializer("new boolean[HOLDERS.length]")
                .build())
        .addField(
            FieldSpec.builder(links, "LINKS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(
                    "new $T($L.class, HOLDERS, LINKED, JNI != null)", links, "FfmShapeCalls")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("jni")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(SHAPE_CALLS)
                .addJavadoc("The natives, for a shape with a long double.\n")
                .beginControlFlow("if (JNI == null)")
                .addStatement(
                    "throw new $T($S)",
                    UnsupportedOperationException.class,
                    "a long double needs the stub's jni natives")
                .endControlFlow()
                .addStatement("return JNI")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("startLinking")
                .addModifiers(Modifier.STATIC)
                .addJavadoc("Starts linking the shapes asked for so far and those after them.\n")
                .addStatement("LINKS.start()")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("awaitLinks")
                .addModifiers(Modifier.STATIC)
                .addException(InterruptedException.class)
                .addJavadoc("Waits for the link under way and drops those queued, at the unload.\n")
                .addStatement("LINKS.stop()")
                .build());
  }

  /**
   * The jni backend's calls where it may copy arrays itself ({@code UnsafeMemory}: Java 17 to 22):
   * a shape with arrays copies them to the thread's native scratch, calls the native of its {@link
   * Shape#words} shape and copies out-parameters back, which costs less than the JNI array
   * functions the native would call for each array (a transition into the VM each); the others, and
   * those with a long double, are the natives.
   */
  JavaFile jniScratchCalls() {
    String pkg = PACKAGE + ".jni";
    ClassName natives = ClassName.get(pkg, "JniDowncalls");
    ClassName scratch = ClassName.get(pkg, "JniScratch");
    TypeSpec.Builder type =
        shapeCallsClass(
                "JniScratchCalls",
                "Every shape of {@link $T} through {@link $T}, arrays copied by Java ({@link $T}).\n",
                SHAPE_CALLS,
                natives,
                scratch)
            .addField(
                FieldSpec.builder(natives, "natives", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", natives)
                    .build());
    for (String name : shapes) {
      Shape shape = new Shape(name);
      String returns = shape.returns() == 'v' ? "" : "return ";
      if (!shape.hasArrays() || shape.longDouble()) {
        type.addMethod(
            override(shape, name)
                .addStatement(returns + "natives.$L(fn$L)", name, arguments(shape))
                .build());
        continue;
      }
      CodeBlock.Builder body =
          CodeBlock.builder()
              .addStatement("$T scratch = $T.current()", scratch, scratch)
              .addStatement("long mark = scratch.mark()")
              .beginControlFlow("try");
      copyIns(body, shape);
      String call = "natives." + shape.words().name() + "(" + callArguments(shape, true) + ")";
      if (!hasOuts(shape)) {
        body.addStatement(returns + call);
      } else if (shape.returns() == 'v') {
        body.addStatement(call);
        copyBacks(body, shape, scratch);
      } else {
        body.addStatement("$T result = " + call, Shape.javaType(shape.returns()));
        copyBacks(body, shape, scratch);
        body.addStatement("return result");
      }
      body.nextControlFlow("finally").addStatement("scratch.release(mark)").endControlFlow();
      type.addMethod(override(shape, name).addCode(body.build()).build());
    }
    return JavaFile.builder(pkg, type.build()).skipJavaLangImports(true).build();
  }

  /** {@code long aAddress = scratch.copyIn(a);} for each array parameter. */
  private static void copyIns(CodeBlock.Builder body, Shape shape) {
    String letters = shape.letters();
    for (int i = 0; i < letters.length(); i++) {
      if (Character.isUpperCase(letters.charAt(i))) {
        body.addStatement("long $L = scratch.copyIn($L)", native_(i), Shape.param(i));
      }
    }
  }

  /** {@code Scratch.copyBack(a, aAddress);} for each out-parameter. */
  private static void copyBacks(CodeBlock.Builder body, Shape shape, ClassName scratch) {
    String letters = shape.letters();
    for (int i = 0; i < letters.length(); i++) {
      if (isOut(letters.charAt(i))) {
        body.addStatement("$T.copyBack($L, $L)", scratch, Shape.param(i), native_(i));
      }
    }
  }

  private static boolean hasOuts(Shape shape) {
    return shape.letters().chars().anyMatch(c -> isOut((char) c));
  }

  /** An out-parameter: a long[], int[] or double[] C writes into. */
  private static boolean isOut(char letter) {
    return letter == 'L' || letter == 'I' || letter == 'D';
  }

  /** {@code private static final class <name> { static final MethodHandle HANDLE = ...; }}. */
  private static TypeSpec holder(
      String name, ClassName handle, ClassName linker, String shape, boolean critical) {
    return TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addField(
            FieldSpec.builder(handle, "HANDLE", Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.handle($S, $L)", linker, shape, critical)
                .build())
        .build();
  }

  /**
   * {@code (R) Holder.HANDLE.invokeExact(fn, a, ...)}: arrays as their scratch addresses when
   * {@code copied}, else as themselves (the critical handle takes them in place).
   */
  private static String invokeExact(Shape shape, String holder, boolean copied) {
    String cast = shape.returns() == 'v' ? "" : "($T) ";
    return cast + holder + ".HANDLE.invokeExact(" + callArguments(shape, copied) + ")";
  }

  /** {@code fn, a, ...}: arrays as their native copies' addresses when {@code copied}. */
  private static String callArguments(Shape shape, boolean copied) {
    StringBuilder args = new StringBuilder("fn");
    String letters = shape.letters();
    for (int i = 0; i < letters.length(); i++) {
      args.append(", ")
          .append(copied && Character.isUpperCase(letters.charAt(i)) ? native_(i) : Shape.param(i));
    }
    return args.toString();
  }

  /** The cast of {@link #invokeExact}, when the shape returns a value. */
  private static Object[] javaTypeArgs(Shape shape) {
    return shape.returns() == 'v' ? new Object[0] : new Object[] {Shape.javaType(shape.returns())};
  }

  /** The name of the native copy of array parameter {@code i}. */
  private static String native_(int i) {
    return Shape.param(i) + "Address";
  }

  /** {@code final class <name> implements ShapeCalls}, generated, with its Javadoc. */
  private static TypeSpec.Builder shapeCallsClass(String name, String javadoc, Object... args) {
    return TypeSpec.classBuilder(name)
        .addModifiers(Modifier.FINAL)
        .addSuperinterface(SHAPE_CALLS)
        .addAnnotation(GENERATED)
        .addAnnotation(suppress("checkstyle:MethodName"))
        .addJavadoc(javadoc, args);
  }

  /** {@code R name(long fn, T a, ...)}. */
  static MethodSpec.Builder signature(Shape shape, String name) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .returns(Shape.javaType(shape.returns()))
            .addParameter(long.class, "fn");
    String letters = shape.letters();
    for (int i = 0; i < letters.length(); i++) {
      method.addParameter(Shape.javaType(letters.charAt(i)), Shape.param(i));
    }
    return method;
  }

  /** {@code @Override public R name(long fn, T a, ...)}. */
  private static MethodSpec.Builder override(Shape shape, String name) {
    return signature(shape, name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
  }

  /** {@code , a, b, ...}: the shape's parameters passed on. */
  private static String arguments(Shape shape) {
    StringBuilder args = new StringBuilder();
    for (int i = 0; i < shape.letters().length(); i++) {
      args.append(", ").append(Shape.param(i));
    }
    return args.toString();
  }

  private static MethodSpec memory(
      String name, TypeName returns, String doc, ParameterSpec... more) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.STATIC, Modifier.NATIVE)
        .addJavadoc(doc + "\n")
        .returns(returns)
        .addParameter(long.class, "address")
        .addParameters(List.of(more))
        .build();
  }

  private static ParameterSpec param(Class<?> type, String name) {
    return ParameterSpec.builder(type, name).build();
  }

  static AnnotationSpec suppress(String what) {
    return AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", what).build();
  }
}
