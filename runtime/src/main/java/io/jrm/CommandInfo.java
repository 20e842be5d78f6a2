package io.jrm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@code COMMAND INFO} and {@code COMMAND DOCS} show of a command ({@code
 * RedisModuleCommandInfo}): summary, complexity, since, history, tips, arity, key specs and
 * arguments. Given to {@link Command#setCommandInfo} in {@code @OnLoad}, or written by the
 * processor from {@code @CommandDocs} and {@code @KeySpec} annotations (with the arity of typed
 * parameters). Unset fields keep what Redis has (arity and key positions of {@code @RedisCommand}).
 *
 * <pre>{@code
 * ctx.command("my.set").orElseThrow().setCommandInfo(CommandInfo.builder()
 *     .summary("Sets a value").since("1.0.0").arity(3)
 *     .keySpec(KeySpec.index(1).flags(KeyFlag.OW, KeyFlag.UPDATE))
 *     .arg(CommandArg.of("key", ArgType.KEY))
 *     .arg(CommandArg.of("value", ArgType.STRING))
 *     .build());
 * }</pre>
 */
public final class CommandInfo {
  final @Nullable String summary;
  final @Nullable String complexity;
  final @Nullable String since;
  final List<History> history;
  final @Nullable String tips;
  final int arity;
  final List<KeySpec> keySpecs;
  final List<CommandArg> args;

  private CommandInfo(Builder builder) {
    summary = builder.summary;
    complexity = builder.complexity;
    since = builder.since;
    history = List.copyOf(builder.history);
    tips = builder.tips;
    arity = builder.arity;
    keySpecs = List.copyOf(builder.keySpecs);
    args = List.copyOf(builder.args);
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A change of the command in a version of the module.
   *
   * @param since the version
   * @param changes what changed
   */
  public record History(String since, String changes) {
    /**
     * Checks that both are given, as Redis requires.
     *
     * @param since the version
     * @param changes what changed
     */
    public History {
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(changes, "changes");
    }
  }

  /** Collects a {@link CommandInfo}; every setter returns this builder. */
  public static final class Builder {
    private @Nullable String summary;
    private @Nullable String complexity;
    private @Nullable String since;
    private final List<History> history = new ArrayList<>();
    private @Nullable String tips;
    private int arity;
    private final List<KeySpec> keySpecs = new ArrayList<>();
    private final List<CommandArg> args = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the summary.
     *
     * @param summary one line
     * @return this builder
     */
    public Builder summary(String summary) {
      this.summary = summary;
      return this;
    }

    /**
     * Sets the complexity.
     *
     * @param complexity such as {@code O(1)}
     * @return this builder
     */
    public Builder complexity(String complexity) {
      this.complexity = complexity;
      return this;
    }

    /**
     * Sets the version of the module that added the command.
     *
     * @param since such as {@code 1.0.0}
     * @return this builder
     */
    public Builder since(String since) {
      this.since = since;
      return this;
    }

    /**
     * Adds a history entry.
     *
     * @param since the version of the module
     * @param changes what changed
     * @return this builder
     */
    public Builder history(String since, String changes) {
      history.add(new History(since, changes));
      return this;
    }

    /**
     * Sets the tips for clients.
     *
     * @param tips space-separated, such as {@code nondeterministic_output}
     * @return this builder
     */
    public Builder tips(String tips) {
      this.tips = tips;
      return this;
    }

    /**
     * Sets the arity.
     *
     * @param arity N for exactly N arguments with the name, -N for at least N; 0 keeps Redis's
     * @return this builder
     */
    public Builder arity(int arity) {
      this.arity = arity;
      return this;
    }

    /**
     * Adds a key spec; with any, Redis derives the legacy first, last and step from them.
     *
     * @param keySpec the spec, index 0 the first added
     * @return this builder
     */
    public Builder keySpec(KeySpec keySpec) {
      keySpecs.add(Objects.requireNonNull(keySpec, "keySpec"));
      return this;
    }

    /**
     * Adds an argument.
     *
     * @param arg the argument, after those added before
     * @return this builder
     */
    public Builder arg(CommandArg arg) {
      args.add(Objects.requireNonNull(arg, "arg"));
      return this;
    }

    /** {@return the info} */
    public CommandInfo build() {
      return new CommandInfo(this);
    }
  }
}
