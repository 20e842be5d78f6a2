package io.jrm.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * A public static method the generated code calls directly: {@code owner.method(ctx, argv)}.
 *
 * @param owner the class declaring the method
 * @param method the method's simple name
 */
public record HandlerRef(ClassName owner, String method) {}
