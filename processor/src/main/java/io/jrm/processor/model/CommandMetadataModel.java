package io.jrm.processor.model;

import java.util.List;

/**
 * What the generated code sends with {@code SetCommandInfo} for one command: the validated
 * {@code @CommandMetadata} and the arity of typed parameters. Empty strings are left out.
 *
 * @param summary the summary
 * @param complexity the complexity
 * @param since the version that added the command
 * @param tips space-separated tips
 * @param arity the arity, 0 to keep Redis's
 * @param history pairs of since and changes, oldest first
 * @param keySpecs the key specs, in order
 * @param args the arguments, in order
 */
public record CommandMetadataModel(
    String summary,
    String complexity,
    String since,
    String tips,
    int arity,
    List<String[]> history,
    List<KeySpecModel> keySpecs,
    List<ArgModel> args) {

  /** {@return whether there is nothing to send} */
  public boolean isEmpty() {
    return summary.isEmpty()
        && complexity.isEmpty()
        && since.isEmpty()
        && tips.isEmpty()
        && arity == 0
        && history.isEmpty()
        && keySpecs.isEmpty()
        && args.isEmpty();
  }

  /**
   * One validated {@code @KeySpec}, as the calls of {@code io.jrm.KeySpec} that make it.
   *
   * @param flags the names of the {@code KeyFlag} constants
   * @param notes the notes, empty for none
   * @param index the begin index, 0 when by keyword or unknown
   * @param keyword the begin keyword, empty when not by keyword
   * @param startFrom with a keyword, where its search starts
   * @param find {@code one}, {@code range}, {@code keyNum} or {@code unknown}
   * @param findArguments the three arguments of {@code range} or {@code keyNum}
   */
  public record KeySpecModel(
      List<String> flags,
      String notes,
      int index,
      String keyword,
      int startFrom,
      String find,
      int[] findArguments) {}

  /**
   * One validated {@code @CommandMetadata.Arg}.
   *
   * @param name the name
   * @param type the name of its {@code io.jrm.ArgType} constant
   * @param keySpecIndex the key spec of a key
   * @param token the token, empty for none
   * @param summary the summary, empty for none
   * @param since the version that added it, empty for none
   * @param deprecatedSince the version that deprecated it, empty for none
   * @param flags the names of its {@code io.jrm.ArgFlag} constants
   */
  public record ArgModel(
      String name,
      String type,
      int keySpecIndex,
      String token,
      String summary,
      String since,
      String deprecatedSince,
      List<String> flags) {}
}
