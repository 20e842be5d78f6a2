package io.jrm;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One argument of a command as {@code COMMAND DOCS} shows it ({@code RedisModuleCommandArg}).
 * Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * CommandArg.of("count", ArgType.INTEGER).token("LIMIT").since("6.2.0").flags(ArgFlag.OPTIONAL)
 * }</pre>
 */
public final class CommandArg {
  final String name;
  final ArgType type;
  final int keySpecIndex;
  final @Nullable String token;
  final @Nullable String summary;
  final @Nullable String since;
  final int flags;
  final @Nullable String deprecatedSince;
  final List<CommandArg> subargs;

  private CommandArg(
      String name,
      ArgType type,
      int keySpecIndex,
      @Nullable String token,
      @Nullable String summary,
      @Nullable String since,
      int flags,
      @Nullable String deprecatedSince,
      List<CommandArg> subargs) {
    this.name = name;
    this.type = type;
    this.keySpecIndex = keySpecIndex;
    this.token = token;
    this.summary = summary;
    this.since = since;
    this.flags = flags;
    this.deprecatedSince = deprecatedSince;
    this.subargs = subargs;
  }

  /**
   * An argument.
   *
   * @param name its name
   * @param type its type; {@link ArgType#ONEOF} and {@link ArgType#BLOCK} need {@link #subargs}
   * @return the argument, required, with key spec index 0 for a {@link ArgType#KEY}
   */
  public static CommandArg of(String name, ArgType type) {
    return new CommandArg(
        Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(type, "type"),
        0,
        null,
        null,
        null,
        0,
        null,
        List.of());
  }

  /**
   * Sets the key spec of a {@link ArgType#KEY}.
   *
   * @param index the zero-based index of the key spec in {@link CommandInfo.Builder#keySpec}'s
   *     order
   * @return the changed copy
   */
  public CommandArg keySpecIndex(int index) {
    return new CommandArg(
        name, type, index, token, summary, since, flags, deprecatedSince, subargs);
  }

  /**
   * Sets the token that comes before the value (the value itself for {@link ArgType#PURE_TOKEN}).
   *
   * @param token the token, such as {@code LIMIT}
   * @return the changed copy
   */
  public CommandArg token(String token) {
    return new CommandArg(
        name, type, keySpecIndex, token, summary, since, flags, deprecatedSince, subargs);
  }

  /**
   * Sets the summary.
   *
   * @param summary one line
   * @return the changed copy
   */
  public CommandArg summary(String summary) {
    return new CommandArg(
        name, type, keySpecIndex, token, summary, since, flags, deprecatedSince, subargs);
  }

  /**
   * Sets the version that added the argument.
   *
   * @param since a version of the module, such as {@code 1.2.0}
   * @return the changed copy
   */
  public CommandArg since(String since) {
    return new CommandArg(
        name, type, keySpecIndex, token, summary, since, flags, deprecatedSince, subargs);
  }

  /**
   * Sets the version that deprecated the argument.
   *
   * @param deprecatedSince a version of the module
   * @return the changed copy
   */
  public CommandArg deprecatedSince(String deprecatedSince) {
    return new CommandArg(
        name, type, keySpecIndex, token, summary, since, flags, deprecatedSince, subargs);
  }

  /**
   * Sets the flags.
   *
   * @param flags the flags, none for a required argument given once
   * @return the changed copy
   */
  public CommandArg flags(ArgFlag... flags) {
    int bits = 0;
    for (ArgFlag flag : flags) {
      bits |= flag.bit();
    }
    return new CommandArg(
        name, type, keySpecIndex, token, summary, since, bits, deprecatedSince, subargs);
  }

  /**
   * Sets the sub-arguments of a {@link ArgType#ONEOF} or {@link ArgType#BLOCK}.
   *
   * @param subargs the sub-arguments, in order
   * @return the changed copy
   */
  public CommandArg subargs(CommandArg... subargs) {
    return new CommandArg(
        name, type, keySpecIndex, token, summary, since, flags, deprecatedSince, List.of(subargs));
  }
}
