package io.jrm;

/**
 * The argv of the calls of one reused {@link Context}: the {@code RedisString} wrappers and the
 * arrays handed to commands, re-pointed at each call's strings instead of made anew, so that a
 * command allocates nothing for its arguments.
 *
 * <p>Wrapper {@code i} serves {@code argv[i]} of every call, and each array length has its array
 * (up to {@link #REUSED_COUNT} arguments: calls with more get new ones, since keeping an array per
 * length of a command with thousands of arguments would keep megabytes). A wrapper the command
 * {@link RedisString#retain() retained} is the command's from then on: the next call gets a new one
 * in its place. The command may write into the array it got: the next call fills it again.
 */
final class CommandArguments {
  /** The largest argc served by reused arrays. */
  static final int REUSED_COUNT = 32;

  private static final long[] NO_WORDS = {};

  private final Context context;
  private final RedisString[] wrappers = new RedisString[REUSED_COUNT];

  /** Per argc: the array of argv pointers read from C, and the array handed to the command. */
  private final long[][] words = new long[REUSED_COUNT + 1][];

  private final RedisString[][] strings = new RedisString[REUSED_COUNT + 1][];

  CommandArguments(Context context) {
    this.context = context;
  }

  /** The {@code argc} strings at {@code argv}, for the call the context serves now. */
  RedisString[] wrap(long argv, int argc) {
    if (argc > REUSED_COUNT) {
      return context.wrapArguments(context.api().backend().readWords(argv, argc));
    }
    long[] pointers = words[argc];
    RedisString[] array = strings[argc];
    if (array == null) {
      pointers = argc == 0 ? NO_WORDS : new long[argc];
      array = new RedisString[argc];
      words[argc] = pointers;
      strings[argc] = array;
    }
    if (argc > 0) {
      context.api().backend().readWords(argv, pointers);
    }
    int call = context.call();
    for (int i = 0; i < argc; i++) {
      RedisString wrapper = wrappers[i];
      if (wrapper == null || wrapper.isRetained()) {
        wrapper = new RedisString(context, 0, false);
        wrappers[i] = wrapper;
      }
      wrapper.repoint(pointers[i], call);
      array[i] = wrapper;
    }
    return array;
  }
}
