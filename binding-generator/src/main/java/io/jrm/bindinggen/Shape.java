package io.jrm.bindinggen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.TypeName;

/**
 * A C signature shape such as {@code i_jB_jj}: the return letter, {@code _}, the fixed parameter
 * letters, and after a second {@code _} the variadic ones. Every letter is one Java type and one C
 * type; a shape is everything a backend needs to call a function pointer (an FFM {@code
 * FunctionDescriptor} included).
 */
record Shape(String name) {
  /** The suffix of a shape's method for functions that never call back into Java. */
  static final String LEAF = "Leaf";

  char returns() {
    return name.charAt(0);
  }

  /** The parameter letters, fixed then variadic (without the {@code _}). */
  String letters() {
    return name.substring(2).replace("_", "");
  }

  /** How many parameters are fixed: the index of the first variadic one, or all. */
  int fixedCount() {
    int variadic = name.indexOf('_', 2);
    return variadic < 0 ? letters().length() : variadic - 2;
  }

  /**
   * Whether a parameter or the result is a long double ({@code e}), which no Java type or FFM
   * layout holds: Java passes its decimal text and gets back its 16 bytes of memory, the jni native
   * converting, so the other backends go through jni.
   */
  boolean longDouble() {
    return returns() == 'e' || letters().indexOf('e') >= 0;
  }

  /** Whether a parameter is an array ({@code B}, {@code L}, {@code I}, {@code D}). */
  boolean hasArrays() {
    return letters().chars().anyMatch(Character::isUpperCase);
  }

  /**
   * The same call with every array passed as the address of its native copy ({@code j}): how the
   * jni backend calls a shape with arrays when it copies them itself ({@code JniScratchCalls}).
   */
  Shape words() {
    return new Shape(name.charAt(0) + name.substring(1).replaceAll("[BLID]", "j"));
  }

  boolean variadic() {
    return fixedCount() < letters().length();
  }

  /** The Java name of parameter {@code i}: a, b, c, ... */
  static String param(int i) {
    return String.valueOf((char) ('a' + i));
  }

  static TypeName javaType(char letter) {
    return switch (letter) {
      case 'v' -> TypeName.VOID;
      case 'i' -> TypeName.INT;
      case 'j' -> TypeName.LONG;
      case 'd' -> TypeName.DOUBLE;
      case 'f' -> TypeName.FLOAT;
      case 'B', 'e' -> ArrayTypeName.of(TypeName.BYTE);
      case 'L' -> ArrayTypeName.of(TypeName.LONG);
      case 'I' -> ArrayTypeName.of(TypeName.INT);
      case 'D' -> ArrayTypeName.of(TypeName.DOUBLE);
      default -> throw new IllegalArgumentException("no letter " + letter);
    };
  }

  /** The JNI type of a letter, as the native receives the Java value. */
  static String jniType(char letter) {
    return switch (letter) {
      case 'v' -> "void";
      case 'i' -> "jint";
      case 'j' -> "jlong";
      case 'd' -> "jdouble";
      case 'f' -> "jfloat";
      case 'B', 'e' -> "jbyteArray";
      case 'L' -> "jlongArray";
      case 'I' -> "jintArray";
      case 'D' -> "jdoubleArray";
      default -> throw new IllegalArgumentException("no letter " + letter);
    };
  }

  /** The JNI descriptor of a letter. */
  static String descriptor(char letter) {
    return switch (letter) {
      case 'v' -> "V";
      case 'i' -> "I";
      case 'j' -> "J";
      case 'd' -> "D";
      case 'f' -> "F";
      case 'B', 'e' -> "[B";
      case 'L' -> "[J";
      case 'I' -> "[I";
      case 'D' -> "[D";
      default -> throw new IllegalArgumentException("no letter " + letter);
    };
  }

  /** The JNI descriptor of the shape's native: the function pointer first. */
  String descriptor() {
    StringBuilder d = new StringBuilder("(J");
    letters().chars().forEach(c -> d.append(descriptor((char) c)));
    return d.append(')').append(descriptor(returns())).toString();
  }
}
