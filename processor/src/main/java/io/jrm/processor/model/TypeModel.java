package io.jrm.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * A validated {@code @DataType} class.
 *
 * @param name the 9-character type name
 * @param encver the encoding version written
 * @param encoding how a value is written and read
 * @param upgrade whether the class declares {@code upgrade(int)}, run after loading older data
 * @param validateLoaded whether the class declares {@code validateLoaded()}, run after every load
 * @param aofRewrite whether the class declares {@code aofRewrite(AofOutput, RedisString)}
 * @param copy whether the class declares {@code copy(KeyOptContext)}, which COPY calls (without it,
 *     COPY copies through the encoding)
 * @param freeEffort whether the class declares {@code freeEffort(KeyOptContext)}
 * @param unlink whether the class declares {@code unlink(KeyOptContext)}
 * @param defrag whether the class declares {@code defrag(DefragContext)}, run by active defrag
 * @param memUsage whether the class declares {@code memUsage()}, which MEMORY USAGE reports
 * @param aux whether the class declares the static {@code auxSave} and {@code auxLoad}
 * @param auxSaveTriggers whether it also declares the static {@code auxSaveTriggers()}
 * @param free whether the class declares {@code free()}, run when Redis frees a value
 */
public record TypeModel(
    String name,
    int encver,
    ClassEncoding encoding,
    boolean upgrade,
    boolean validateLoaded,
    boolean aofRewrite,
    boolean copy,
    boolean freeEffort,
    boolean unlink,
    boolean defrag,
    boolean memUsage,
    boolean aux,
    boolean auxSaveTriggers,
    boolean free) {
  /** Name prefix of the generated {@code TypeDefinition}. */
  public static final String DEFINITION_PREFIX = "JrmType_";

  /** The data type class. */
  public ClassName typeClass() {
    return encoding.type();
  }

  /** The generated {@code TypeDefinition}: {@code JrmType_Foo} next to {@code Foo}. */
  public ClassName definitionClass() {
    return ClassEncoding.generatedName(encoding.type(), DEFINITION_PREFIX);
  }
}
