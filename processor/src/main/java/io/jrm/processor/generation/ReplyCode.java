package io.jrm.processor.generation;

import com.palantir.javapoet.CodeBlock;
import io.jrm.processor.ClassNames;

/**
 * What wraps a handler's call in the generated dispatch: nothing for a void handler, which replies
 * through its Context; {@code Replies.write(ctx, call)} for one that returns its reply, where the
 * Java compiler picks the overload of the declared return type (a primitive, String, byte[]... get
 * their own; lists, maps and {@code Reply} the one that looks at the value).
 */
final class ReplyCode {
  private ReplyCode() {}

  /** The statement that runs {@code call} and sends its reply. */
  static CodeBlock reply(CodeBlock call, boolean returnsReply) {
    return returnsReply ? CodeBlock.of("$T.write(ctx, $L)", ClassNames.REPLIES, call) : call;
  }
}
