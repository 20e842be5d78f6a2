package io.jrm.processor;

import com.palantir.javapoet.ClassName;
import io.jrm.annotations.Codec;
import io.jrm.annotations.Config;
import io.jrm.annotations.DataType;
import io.jrm.annotations.KeyName;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.Persistable;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import io.jrm.annotations.Since;

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

  /** {@code io.jrm.annotations.DataType}. */
  public static final String DATA_TYPE = DataType.class.getCanonicalName();

  /** {@code io.jrm.annotations.Persistable}. */
  public static final String PERSISTABLE = Persistable.class.getCanonicalName();

  /** {@code io.jrm.annotations.Since}. */
  public static final String SINCE = Since.class.getCanonicalName();

  /** {@code io.jrm.annotations.KeyName}. */
  public static final String KEY_NAME = KeyName.class.getCanonicalName();

  /** {@code io.jrm.annotations.Codec}. */
  public static final String CODEC = Codec.class.getCanonicalName();

  /** {@code io.jrm.annotations.Config}. */
  public static final String CONFIG = Config.class.getCanonicalName();

  /** The flags of a module config. */
  public static final ClassName CONFIG_FLAG = ClassName.get("io.jrm", "ConfigFlag");

  /** The registration of {@code String} and enum config fields. */
  public static final ClassName FIELD_CONFIGS = ClassName.get("io.jrm.spi", "FieldConfigs");

  /** The simple name that makes an annotation, from any package, mark a field nullable. */
  public static final String NULLABLE_SIMPLE_NAME = "Nullable";

  /** The first parameter of every handler. */
  public static final ClassName CONTEXT = ClassName.get("io.jrm", "Context");

  /** The element type of the second parameter of every handler. */
  public static final ClassName REDIS_STRING = ClassName.get("io.jrm", "RedisString");

  /** The conversions the code generated for typed handler parameters calls. */
  public static final ClassName ARGUMENTS = ClassName.get("io.jrm.spi", "Arguments");

  /** What a handler returns for a simple string reply. */
  public static final ClassName SIMPLE_STRING = ClassName.get("io.jrm", "SimpleString");

  /** The reply of {@code Context.call}, which a handler may return to forward it. */
  public static final ClassName CALL_REPLY = ClassName.get("io.jrm", "CallReply");

  /** What a handler returns for a reply whose kind varies. */
  public static final ClassName REPLY = ClassName.get("io.jrm", "Reply");

  /** Writes a handler's returned value as its reply. */
  public static final ClassName REPLIES = ClassName.get("io.jrm", "Replies");

  /** The interface the generated class implements. */
  public static final ClassName MODULE_DEFINITION = ClassName.get("io.jrm.spi", "ModuleDefinition");

  /** One entry of {@code ModuleDefinition.commands()}. */
  public static final ClassName COMMAND_DEFINITION =
      ClassName.get("io.jrm.spi", "CommandDefinition");

  /** What COMMAND INFO shows of a command, a component of {@code CommandDefinition}. */
  public static final ClassName COMMAND_INFO = ClassName.get("io.jrm", "CommandInfo");

  /** A key spec of a {@code CommandInfo}. */
  public static final ClassName KEY_SPEC = ClassName.get("io.jrm", "KeySpec");

  /** A flag of a {@code KeySpec}. */
  public static final ClassName KEY_FLAG = ClassName.get("io.jrm", "KeyFlag");

  /** An argument of a {@code CommandInfo}. */
  public static final ClassName COMMAND_ARG = ClassName.get("io.jrm", "CommandArg");

  /** The type of a {@code CommandArg}. */
  public static final ClassName ARG_TYPE = ClassName.get("io.jrm", "ArgType");

  /** A flag of a {@code CommandArg}. */
  public static final ClassName ARG_FLAG = ClassName.get("io.jrm", "ArgFlag");

  /** {@code io.jrm.annotations.CommandMetadata}. */
  public static final String COMMAND_METADATA = "io.jrm.annotations.CommandMetadata";

  /** How the runtime propagates a command, a component of {@code CommandDefinition}. */
  public static final ClassName REPLICATION = ClassName.get("io.jrm.spi", "Replication");

  /** The interface each generated {@code JrmType_} class implements. */
  public static final ClassName TYPE_DEFINITION = ClassName.get("io.jrm.spi", "TypeDefinition");

  /** What a {@code @Codec} class implements. */
  public static final ClassName FIELD_CODEC = ClassName.get("io.jrm", "FieldCodec");

  /** Where values are saved to. */
  public static final ClassName RDB_OUTPUT = ClassName.get("io.jrm", "RdbOutput");

  /** Where values are loaded from. */
  public static final ClassName RDB_INPUT = ClassName.get("io.jrm", "RdbInput");

  /** The phase of a data type's module-wide state: before or after the keyspace. */
  public static final ClassName AUX_PHASE = ClassName.get("io.jrm", "AuxPhase");

  /** What a {@code defrag} method moves memory with. */
  public static final ClassName DEFRAG_CONTEXT = ClassName.get("io.jrm", "DefragContext");

  /** The keys of a {@code copy}, {@code freeEffort} or {@code unlink} method. */
  public static final ClassName KEY_OPT_CONTEXT = ClassName.get("io.jrm", "KeyOptContext");

  /** Where {@code aofRewrite} emits commands. */
  public static final ClassName AOF_OUTPUT = ClassName.get("io.jrm", "AofOutput");

  /** What a load of corrupt or too new data throws. */
  public static final ClassName REDIS_EXCEPTION = ClassName.get("io.jrm", "RedisException");

  /** Orders sets and maps by their serialized bytes when the output is canonical (digests). */
  public static final ClassName CANONICAL = ClassName.get("io.jrm.spi", "Canonical");

  /**
   * The JDK 9+ {@code @Generated}, which unlike {@code javax.annotation.Generated} always exists.
   */
  public static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  /** What the generated class's {@code @Generated} names as its generator. */
  public static final String PROCESSOR = ModuleProcessor.class.getName();

  private ClassNames() {}
}
