package io.jrm.it;

/** The argument that JRMTEST.TYPE.SET and ADD read as null (TypeCommands.NULL). */
final class TypeNull {
  static final String NULL = "__null__";

  private TypeNull() {}
}
