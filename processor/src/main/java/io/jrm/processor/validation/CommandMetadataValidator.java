package io.jrm.processor.validation;

import io.jrm.processor.ClassNames;
import io.jrm.processor.ErrorReporter;
import io.jrm.processor.model.CommandArguments;
import io.jrm.processor.model.CommandMetadataModel;
import io.jrm.processor.model.CommandMetadataModel.ArgModel;
import io.jrm.processor.model.CommandMetadataModel.KeySpecModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;

/**
 * Checks a command's {@code @CommandMetadata} as Redis's {@code SetCommandInfo} would (key spec
 * flags and the combination of begin search and find keys), so that a module Redis would refuse at
 * load fails to compile, and adds the arity of typed parameters.
 */
final class CommandMetadataValidator {
  /** The flag names COMMAND INFO shows, and the {@code io.jrm.KeyFlag} constant of each. */
  private static final Map<String, String> FLAGS =
      Map.ofEntries(
          Map.entry("RO", "RO"),
          Map.entry("RW", "RW"),
          Map.entry("OW", "OW"),
          Map.entry("RM", "RM"),
          Map.entry("access", "ACCESS"),
          Map.entry("update", "UPDATE"),
          Map.entry("insert", "INSERT"),
          Map.entry("delete", "DELETE"),
          Map.entry("not_key", "NOT_KEY"),
          Map.entry("incomplete", "INCOMPLETE"),
          Map.entry("variable_flags", "VARIABLE_FLAGS"));

  /** The argument types COMMAND DOCS shows that need no sub-arguments, and their ArgType. */
  private static final Map<String, String> ARG_TYPES =
      Map.ofEntries(
          Map.entry("string", "STRING"),
          Map.entry("integer", "INTEGER"),
          Map.entry("double", "DOUBLE"),
          Map.entry("key", "KEY"),
          Map.entry("pattern", "PATTERN"),
          Map.entry("unix-time", "UNIX_TIME"),
          Map.entry("pure-token", "PURE_TOKEN"));

  /** The boolean members of an argument, in C's bit order, and their ArgFlag. */
  private static final List<List<String>> ARG_FLAGS =
      List.of(
          List.of("optional", "OPTIONAL"),
          List.of("multiple", "MULTIPLE"),
          List.of("multipleToken", "MULTIPLE_TOKEN"));

  private static final List<String> ACCESS_FLAGS = List.of("RO", "RW", "OW", "RM");
  private static final List<String> WRITE_FLAGS = List.of("INSERT", "UPDATE", "DELETE");

  private final Elements elements;
  private final ErrorReporter reporter;

  CommandMetadataValidator(Elements elements, ErrorReporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /** The metadata to send; empty when there is none, errors reported. */
  CommandMetadataModel validate(ExecutableElement method, Optional<CommandArguments> arguments) {
    boolean typed = arguments.map(a -> !a.raw()).orElse(false);
    int derivedArity = typed ? arguments.orElseThrow().arity() : 0;
    Optional<AnnotationValues> found =
        AnnotationValues.of(method, ClassNames.COMMAND_METADATA, elements);
    if (found.isEmpty()) {
      return new CommandMetadataModel(
          "", "", "", "", derivedArity, List.of(), List.of(), List.of());
    }
    AnnotationValues metadata = found.get();
    int arity = metadata.integer("arity");
    if (typed && metadata.explicit("arity") != null) {
      reporter.error(
          method,
          metadata.mirror(),
          metadata.explicit("arity"),
          "arity is derived from the typed parameters (" + derivedArity + "); remove it.");
    }
    List<String[]> history = new ArrayList<>();
    for (AnnotationValues entry : metadata.annotations("history", elements)) {
      history.add(new String[] {entry.string("since"), entry.string("changes")});
    }
    List<KeySpecModel> keySpecs = new ArrayList<>();
    for (AnnotationValues spec : metadata.annotations("keySpecs", elements)) {
      keySpecs.add(keySpec(method, spec));
    }
    List<ArgModel> args = new ArrayList<>();
    for (AnnotationValues arg : metadata.annotations("args", elements)) {
      args.add(arg(method, arg, keySpecs.size()));
    }
    return new CommandMetadataModel(
        metadata.string("summary"),
        metadata.string("complexity"),
        metadata.string("since"),
        metadata.string("tips"),
        typed ? derivedArity : arity,
        history,
        keySpecs,
        args);
  }

  private ArgModel arg(ExecutableElement method, AnnotationValues arg, int keySpecs) {
    String type = ARG_TYPES.get(arg.string("type"));
    if (type == null) {
      error(
          method,
          arg,
          "type",
          "Unknown argument type \""
              + arg.string("type")
              + "\"; the types are "
              + String.join(", ", ARG_TYPES.keySet())
              + " (oneof and block, which have sub-arguments, are set with CommandInfo in"
              + " @OnLoad).");
    }
    String token = arg.string("token");
    if ("PURE_TOKEN".equals(type) && token.isEmpty()) {
      error(method, arg, "type", "A pure-token argument needs its token.");
    }
    int keySpecIndex = arg.integer("keySpecIndex");
    if ("KEY".equals(type) && (keySpecIndex < 0 || keySpecIndex >= keySpecs)) {
      error(
          method,
          arg,
          "keySpecIndex",
          "A key argument's keySpecIndex names one of the " + keySpecs + " keySpecs (0-based).");
    }
    List<String> flags = new ArrayList<>();
    for (List<String> flag : ARG_FLAGS) {
      if (arg.bool(flag.get(0))) {
        flags.add(flag.get(1));
      }
    }
    return new ArgModel(
        arg.string("name"),
        type == null ? "STRING" : type,
        keySpecIndex,
        token,
        arg.string("summary"),
        arg.string("since"),
        arg.string("deprecatedSince"),
        flags);
  }

  private KeySpecModel keySpec(ExecutableElement method, AnnotationValues spec) {
    List<String> flags = new ArrayList<>();
    for (String word : CommandFlags.split(spec.string("flags"))) {
      String constant = FLAGS.get(word);
      if (constant == null) {
        error(
            method,
            spec,
            "flags",
            "Unknown key spec flag \""
                + word
                + "\"; the flags are "
                + String.join(", ", FLAGS.keySet())
                + ".");
      } else {
        flags.add(constant);
      }
    }
    if (flags.stream().filter(ACCESS_FLAGS::contains).count() != 1) {
      error(method, spec, "flags", "A key spec needs exactly one of the flags RO, RW, OW, RM.");
    }
    if (flags.stream().filter(WRITE_FLAGS::contains).count() > 1) {
      error(
          method,
          spec,
          "flags",
          "The key spec flags insert, update and delete exclude each other.");
    }
    int index = spec.integer("index");
    String keyword = spec.string("keyword");
    if (index < 0) {
      error(
          method,
          spec,
          "index",
          "A key spec's index is 1 or more (argv[1] is the first argument).");
    }
    if (index > 0 && !keyword.isEmpty()) {
      error(method, spec, "keyword", "A key spec begins at an index or after a keyword, not both.");
    }
    boolean range = spec.explicit("lastKey") != null || spec.explicit("limit") != null;
    boolean keyNum = spec.explicit("keyNumIndex") != null || spec.explicit("firstKey") != null;
    boolean unknown = spec.bool("unknownKeys");
    if ((range ? 1 : 0) + (keyNum ? 1 : 0) + (unknown ? 1 : 0) > 1) {
      error(
          method,
          spec,
          "unknownKeys",
          "A key spec finds its keys by a range (lastKey, limit), a count (keyNumIndex, firstKey) or not at all (unknownKeys): choose one.");
    }
    if (keyNum && spec.integer("keyNumIndex") < 0) {
      error(method, spec, "keyNumIndex", "keyNumIndex is needed with firstKey, and is 0 or more.");
    }
    if (spec.integer("keyStep") < 1) {
      error(method, spec, "keyStep", "keyStep is 1 or more.");
    }
    String find;
    int[] arguments;
    if (keyNum) {
      find = "keyNum";
      arguments =
          new int[] {
            spec.integer("keyNumIndex"), spec.integer("firstKey"), spec.integer("keyStep")
          };
    } else if (unknown) {
      find = "unknown";
      arguments = new int[0];
    } else if (range || spec.explicit("keyStep") != null) {
      find = "range";
      arguments =
          new int[] {spec.integer("lastKey"), spec.integer("keyStep"), spec.integer("limit")};
    } else {
      find = "one";
      arguments = new int[0];
    }
    return new KeySpecModel(
        flags, spec.string("notes"), index, keyword, spec.integer("startFrom"), find, arguments);
  }

  private void error(
      ExecutableElement method, AnnotationValues spec, String member, String message) {
    reporter.error(method, spec.mirror(), spec.explicit(member), message);
  }
}
