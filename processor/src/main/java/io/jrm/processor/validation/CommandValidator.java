package io.jrm.processor.validation;

import com.palantir.javapoet.ClassName;
import io.jrm.processor.ClassNames;
import io.jrm.processor.ErrorReporter;
import io.jrm.processor.model.CommandMetadataModel;
import io.jrm.processor.model.CommandModel;
import io.jrm.processor.model.HandlerRef;
import io.jrm.processor.validation.ParameterValidator.KeyRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the {@code @RedisCommand} methods of a compilation: names, flags, key positions and
 * handler signatures, and that no two commands share a name.
 */
public final class CommandValidator {
  private static final String VALID_FLAGS = String.join(", ", CommandFlags.VALID);

  private final Elements elements;
  private final ErrorReporter reporter;
  private final HandlerValidator handlers;
  private final ParameterValidator parameters;
  private final ReturnTypeValidator returnTypes;
  private final CommandMetadataValidator metadata;

  /** Creates a validator reporting to {@code reporter}. */
  public CommandValidator(Elements elements, Types types, ErrorReporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
    this.handlers = new HandlerValidator(reporter);
    this.parameters = new ParameterValidator(reporter);
    this.returnTypes = new ReturnTypeValidator(elements, types, reporter);
    this.metadata = new CommandMetadataValidator(elements, reporter);
  }

  /**
   * Validates every method and returns the models of the valid ones. The caller generates only if
   * the reporter counted no error, so a partial list is never generated.
   */
  public List<CommandModel> validate(List<ExecutableElement> methods) {
    List<CommandModel> commands = new ArrayList<>();
    Map<String, ExecutableElement> byName = new HashMap<>();
    for (ExecutableElement method : methods) {
      AnnotationValues annotation =
          AnnotationValues.of(method, ClassNames.REDIS_COMMAND, elements).orElseThrow();
      int errorsBefore = reporter.errorCount();
      String name = annotation.string("name");
      if (validateName(method, annotation, name)) {
        ExecutableElement previous = byName.putIfAbsent(name.toLowerCase(Locale.ROOT), method);
        if (previous != null) {
          reporter.error(
              method,
              annotation.mirror(),
              annotation.explicit("name"),
              "The command name \""
                  + name
                  + "\" is already used by "
                  + HandlerValidator.describe(previous)
                  + "; Redis command names ignore case, so give each command a different name.");
        }
      }
      List<String> flagList = validateFlags(method, annotation);
      String flags = String.join(" ", flagList);
      String replication = replication(method, annotation, flagList);
      handlers.validateExceptParameters(method, "@RedisCommand", "argv");
      Optional<ParameterValidator.Validated> arguments = parameters.validate(method);
      Optional<KeyRange> derived = arguments.flatMap(ParameterValidator.Validated::keys);
      KeyPositions keys =
          derived.map(k -> derivedKeys(method, annotation, k)).orElse(KeyPositions.of(annotation));
      validateKeys(method, annotation, keys);
      boolean returnsReply = returnTypes.validate(method);
      CommandMetadataModel info =
          metadata.validate(method, arguments.map(ParameterValidator.Validated::arguments));
      if (reporter.errorCount() == errorsBefore) {
        commands.add(
            new CommandModel(
                name,
                flags,
                keys.firstKey(),
                keys.lastKey(),
                keys.keyStep(),
                new HandlerRef(
                    ClassName.get((TypeElement) method.getEnclosingElement()),
                    method.getSimpleName().toString()),
                arguments.orElseThrow().arguments(),
                returnsReply,
                replication,
                info));
      }
    }
    for (Map.Entry<String, ExecutableElement> command : byName.entrySet()) {
      int bar = command.getKey().indexOf('|');
      ExecutableElement container = bar < 0 ? null : byName.get(command.getKey().substring(0, bar));
      if (container != null) {
        reporter.error(
            container,
            "The command "
                + command.getKey().substring(0, bar)
                + " has subcommands, so it is a container without a handler of its own: Redis"
                + " refuses subcommands of a command that has one. Remove this @RedisCommand.");
      }
    }
    return commands;
  }

  private boolean validateName(ExecutableElement method, AnnotationValues annotation, String name) {
    if (name.isEmpty()) {
      reporter.error(
          method,
          annotation.mirror(),
          annotation.explicit("name"),
          "The command name is empty; give the name clients type, for example"
              + " @RedisCommand(name = \"mymodule.get\").");
      return false;
    }
    if (name.codePoints().anyMatch(Character::isWhitespace)) {
      reporter.error(
          method,
          annotation.mirror(),
          annotation.explicit("name"),
          "The command name \""
              + name
              + "\" contains whitespace; a command name is a single word,"
              + " for example \""
              + name.strip().replaceAll("\\s+", ".")
              + "\".");
      return false;
    }
    int bar = name.indexOf('|');
    if (bar >= 0 && (bar == 0 || bar == name.length() - 1 || name.indexOf('|', bar + 1) >= 0)) {
      reporter.error(
          method,
          annotation.mirror(),
          annotation.explicit("name"),
          "The subcommand name \""
              + name
              + "\" is not container|subcommand; Redis allows one level of subcommands.");
      return false;
    }
    return true;
  }

  /** The positions the @KeyName parameters make, which the annotation must then not repeat. */
  private KeyPositions derivedKeys(
      ExecutableElement method, AnnotationValues annotation, KeyRange derived) {
    for (String member : List.of("firstKey", "lastKey", "keyStep")) {
      if (annotation.explicit(member) != null) {
        keyError(
            method,
            annotation,
            member,
            member
                + " is derived from the @KeyName parameters, so it must not be written as well; remove"
                + " it from @RedisCommand.");
      }
    }
    return new KeyPositions(derived.firstKey(), derived.lastKey(), derived.keyStep());
  }

  private List<String> validateFlags(ExecutableElement method, AnnotationValues annotation) {
    List<String> flags = CommandFlags.split(annotation.string("flags"));
    for (String flag : flags) {
      if (!CommandFlags.isValid(flag)) {
        reporter.error(
            method,
            annotation.mirror(),
            annotation.explicit("flags"),
            "Unknown command flag \"" + flag + "\"; the valid flags are: " + VALID_FLAGS + ".");
      }
    }
    if (flags.contains("write") && flags.contains("readonly")) {
      reporter.error(
          method,
          annotation.mirror(),
          annotation.explicit("flags"),
          "The flags \"write\" and \"readonly\" contradict each other: keep \"write\" if the"
              + " command may modify the data set, \"readonly\" if it only reads.");
    }
    return flags;
  }

  /**
   * The runtime's {@code Replication} for {@code replicate}: {@code DEFAULT} is {@code VERBATIM}
   * for a {@code write} command, so that its writes reach replicas and the AOF without a call to
   * forget, and {@code MANUAL} for any other, which changes nothing a replica needs.
   */
  private String replication(
      ExecutableElement method, AnnotationValues annotation, List<String> flags) {
    String declared = annotation.enumConstant("replicate");
    boolean writes = flags.contains("write");
    if (declared.equals("DEFAULT")) {
      return writes ? "VERBATIM" : "MANUAL";
    }
    if (declared.equals("VERBATIM") && !writes && !flags.contains("may-replicate")) {
      reporter.error(
          method,
          annotation.mirror(),
          annotation.explicit("replicate"),
          "replicate = VERBATIM propagates a command that modifies the data set, but the flags"
              + " have neither \"write\" nor \"may-replicate\"; add \"write\" to the flags, or"
              + " remove replicate if the command changes nothing.");
    }
    return declared;
  }

  /**
   * The key positions a command declares. With {@code firstKey} set, an omitted {@code lastKey}
   * means one key ({@code firstKey}) and an omitted {@code keyStep} means 1, as a user reading
   * {@code firstKey = 1} expects; the annotation's defaults of 0 stand for "no keys".
   */
  private record KeyPositions(int firstKey, int lastKey, int keyStep) {
    static KeyPositions of(AnnotationValues annotation) {
      int firstKey = annotation.integer("firstKey");
      boolean keys = firstKey > 0;
      int lastKey =
          keys && annotation.explicit("lastKey") == null ? firstKey : annotation.integer("lastKey");
      int keyStep =
          keys && annotation.explicit("keyStep") == null ? 1 : annotation.integer("keyStep");
      return new KeyPositions(firstKey, lastKey, keyStep);
    }
  }

  private void validateKeys(
      ExecutableElement method, AnnotationValues annotation, KeyPositions keys) {
    int firstKey = keys.firstKey();
    int lastKey = keys.lastKey();
    int keyStep = keys.keyStep();
    if (firstKey < 0) {
      keyError(
          method,
          annotation,
          "firstKey",
          "firstKey is "
              + firstKey
              + " but must be 0 when the command takes no keys, or the"
              + " 1-based index of the first key argument.");
    } else if (firstKey == 0) {
      if (lastKey != 0 || keyStep != 0) {
        keyError(
            method,
            annotation,
            lastKey != 0 ? "lastKey" : "keyStep",
            "firstKey is 0, meaning the command takes no keys, so lastKey and keyStep must be 0"
                + " too; set firstKey to the index of the first key, or remove lastKey and"
                + " keyStep.");
      }
    } else {
      if (keyStep <= 0) {
        keyError(
            method,
            annotation,
            "keyStep",
            "keyStep is "
                + keyStep
                + " but must be 1 or more when the command takes keys: 1 for"
                + " k1 k2 k3, 2 for k1 v1 k2 v2.");
      }
      if (lastKey >= 0 && lastKey < firstKey) {
        keyError(
            method,
            annotation,
            "lastKey",
            "lastKey is "
                + lastKey
                + " but must not be before firstKey ("
                + firstKey
                + "); use"
                + " the index of the last key, or a negative index counted from the end (-1 is"
                + " the last argument).");
      }
    }
  }

  private void keyError(
      ExecutableElement method, AnnotationValues annotation, String member, String message) {
    AnnotationValue value = annotation.explicit(member);
    reporter.error(method, annotation.mirror(), value, message);
  }
}
