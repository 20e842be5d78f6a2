package io.jrm.bindinggen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed {@code redis-module-api.txt}: the functions of the Redis Module API in file order,
 * each with the forms JRM calls it in (see the file's header for the syntax).
 */
record ApiDescription(List<Function> functions) {
  private static final Pattern LINE =
      Pattern.compile("([vijdfe]) (\\w+)(?::(\\w+))?\\((.*)\\)( leaf)?");

  /** One {@code RedisModule_<name>} function; {@code doc} is the comment above it, or empty. */
  record Function(String name, String doc, List<Form> forms) {
    /** Whether every form of the function is a leaf (never calls back into Java). */
    boolean leaf() {
      return forms.stream().allMatch(Form::leaf);
    }
  }

  /**
   * One way of calling a function: its fixed parameters, then (for a variadic function) the
   * arguments JRM passes after them. {@code suffix} is empty for the first form.
   */
  record Form(
      String function,
      String suffix,
      char returns,
      List<Param> fixed,
      List<Param> tail,
      boolean leaf) {
    /** The Java method of {@code RedisModuleApi}: the function name, lower-case first, + suffix. */
    String javaName() {
      return Character.toLowerCase(function.charAt(0)) + function.substring(1) + suffix;
    }

    /**
     * The C signature shape: the return letter, {@code _}, the fixed parameters' letters and, for a
     * variadic form, {@code _} and the letters of the variadic arguments ({@code 0} as {@code j}).
     */
    String shape() {
      StringBuilder shape = new StringBuilder().append(returns).append('_');
      fixed.forEach(p -> shape.append(p.shapeLetter()));
      if (!tail.isEmpty()) {
        shape.append('_');
        tail.forEach(p -> shape.append(p.shapeLetter()));
      }
      return shape.toString();
    }

    /** Every parameter the C function receives, fixed then variadic. */
    List<Param> all() {
      List<Param> all = new ArrayList<>(fixed);
      all.addAll(tail);
      return all;
    }
  }

  /** A parameter: its letter and Java name; letter {@code 0} (no name) is a NULL JRM passes. */
  record Param(char letter, String name) {
    char shapeLetter() {
      return letter == '0' ? 'j' : letter;
    }
  }

  /** Reads and checks the description at {@code file}. */
  static ApiDescription read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  static ApiDescription parse(List<String> lines) {
    Map<String, List<Form>> forms = new LinkedHashMap<>();
    Map<String, String> docs = new LinkedHashMap<>();
    StringBuilder comment = new StringBuilder();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.startsWith("#")) {
        comment.append(line.substring(1).strip()).append(' ');
        continue;
      }
      if (line.isEmpty()) {
        comment.setLength(0); // the header, or a comment not above a function
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("line " + (n + 1) + ": cannot read: " + line);
      }
      String name = m.group(2);
      String suffix = m.group(3) == null ? "" : m.group(3);
      if (suffix.isEmpty() == forms.containsKey(name)) {
        throw new IllegalArgumentException(
            "line " + (n + 1) + ": a function's first form has no suffix, its others one each");
      }
      docs.putIfAbsent(name, comment.toString().strip());
      comment.setLength(0);
      List<Param> fixed = new ArrayList<>();
      List<Param> tail = new ArrayList<>();
      List<Param> target = fixed;
      for (String param : m.group(4).isBlank() ? new String[0] : m.group(4).split(",")) {
        String p = param.strip();
        if (p.equals("...")) {
          target = tail;
        } else if (p.equals("0") && target == tail) {
          tail.add(new Param('0', null));
        } else if (p.matches("[ijdfeBLID] \\w+")) {
          target.add(new Param(p.charAt(0), p.substring(2)));
        } else {
          throw new IllegalArgumentException("line " + (n + 1) + ": bad parameter '" + p + "'");
        }
      }
      if (target == tail && tail.isEmpty()) {
        throw new IllegalArgumentException("line " + (n + 1) + ": nothing after ...");
      }
      forms
          .computeIfAbsent(name, k -> new ArrayList<>())
          .add(new Form(name, suffix, m.group(1).charAt(0), fixed, tail, m.group(5) != null));
    }
    List<Function> functions = new ArrayList<>();
    forms.forEach((name, f) -> functions.add(new Function(name, docs.get(name), List.copyOf(f))));
    return new ApiDescription(List.copyOf(functions));
  }

  /** Every form of every function, in file order. */
  List<Form> forms() {
    return functions.stream().flatMap(f -> f.forms().stream()).toList();
  }

  /** The distinct shapes, sorted. */
  TreeSet<String> shapes() {
    TreeSet<String> shapes = new TreeSet<>();
    forms().forEach(f -> shapes.add(f.shape()));
    return shapes;
  }

  /**
   * The shapes of the jni natives: every shape, and the {@link Shape#words() words} shape of each
   * one with arrays (but a long double, which only the natives convert).
   */
  TreeSet<String> jniShapes() {
    TreeSet<String> jni = shapes();
    for (String name : shapes()) {
      Shape shape = new Shape(name);
      if (shape.hasArrays() && !shape.longDouble()) {
        jni.add(shape.words().name());
      }
    }
    return jni;
  }

  /** The shapes some leaf form has (they get a {@code Leaf} variant). */
  TreeSet<String> leafShapes() {
    TreeSet<String> shapes = new TreeSet<>();
    forms().stream().filter(Form::leaf).forEach(f -> shapes.add(f.shape()));
    return shapes;
  }
}
