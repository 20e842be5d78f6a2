package io.jrm.processor;

import com.palantir.javapoet.ClassName;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;

/**
 * The names of the annotations the processor reads and of the runtime types the generated code
 * refers to. Kept in one place because the processor never loads the runtime: a renamed runtime
 * class must be renamed here, and only here.
 */
public final class ClassNames {
  /** {@code io.jrm.annotations.RedisModule}. */
  public static final String REDIS_MODULE = RedisModule.class.getCanonicalName();

  /** {@code io.jrm.annotations.RedisCommand}. */
  public static final String REDIS_COMMAND = RedisCommand.class.getCanonicalName();

  /** {@code io.jrm.annotations.OnLoad}. */
  public static final String ON_LOAD = OnLoad.class.getCanonicalName();

  /** The first parameter of every handler. */
  public static final ClassName CONTEXT = ClassName.get("io.jrm", "Context");

  /** The element type of the second parameter of every handler. */
  public static final ClassName REDIS_STRING = ClassName.get("io.jrm", "RedisString");

  /** The interface the generated class implements. */
  public static final ClassName MODULE_DEFINITION = ClassName.get("io.jrm.spi", "ModuleDefinition");

  /** One entry of {@code ModuleDefinition.commands()}. */
  public static final ClassName COMMAND_DEFINITION =
      ClassName.get("io.jrm.spi", "CommandDefinition");

  /**
   * The JDK 9+ {@code @Generated}, which unlike {@code javax.annotation.Generated} always exists.
   */
  public static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  /** What the generated class's {@code @Generated} names as its generator. */
  public static final String PROCESSOR = ModuleProcessor.class.getName();

  private ClassNames() {}
}
