package io.jrm.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A validated module: everything both generators need, and nothing from javax.lang.model, so that
 * generation cannot report errors or depend on the round it runs in.
 *
 * @param name the module name, as in {@code @RedisModule(name)}
 * @param version the module version
 * @param moduleClass the {@code @RedisModule} class
 * @param commands the commands, ordered by lowercased name: the position in this list is the
 *     command's dispatch index, so it must not depend on the order javac happens to see sources in
 * @param onLoad the {@code @OnLoad} method, if any
 * @param types the data types, ordered by type name: the position in this list is the type's index
 *     in {@code types()} and in the C stub
 * @param configs the {@code @Config} fields, in the order Redis registers them
 */
public record ModuleModel(
    String name,
    int version,
    ClassName moduleClass,
    List<CommandModel> commands,
    Optional<HandlerRef> onLoad,
    List<TypeModel> types,
    List<ConfigModel> configs) {

  /** Name prefix of the generated class, followed by the module class's simple name(s). */
  public static final String DEFINITION_PREFIX = "JrmModule_";

  /** Copies and sorts {@code commands} and {@code types}. */
  public ModuleModel {
    commands = commands.stream().sorted(Comparator.comparing(CommandModel::sortKey)).toList();
    types = types.stream().sorted(Comparator.comparing(TypeModel::name)).toList();
  }

  /**
   * The generated class: {@code JrmModule_Foo} next to {@code Foo}. A nested module class {@code
   * Outer.Foo} gives {@code JrmModule_Outer_Foo}, so two nested classes named alike in one package
   * cannot collide.
   */
  public ClassName definitionClass() {
    return ClassName.get(
        moduleClass.packageName(), DEFINITION_PREFIX + String.join("_", moduleClass.simpleNames()));
  }
}
