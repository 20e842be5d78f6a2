package io.jrm.it;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.Reply;
import io.jrm.annotations.RedisCommand;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Commands of the jrmtest module ({@code JRMTEST.RESP3.*}): the RESP3 replies of {@link Context},
 * and RESP3 replies of {@link Context#call} read through {@link CallReply}. Tests live in {@code
 * Resp3IT}.
 */
public final class Resp3Commands {
  private Resp3Commands() {}

  /**
   * JRMTEST.RESP3.REPLY kind [number]: one reply of the kind: attribute (an attribute source=java
   * on the string annotated), postponed-attribute (the same with its length set after, then 7),
   * attribute-throws (an attribute left half-written by an exception), null-array, empty-array,
   * empty-string, string (plain), long-double (the number), verbatim (markdown).
   */
  @RedisCommand(name = "jrmtest.resp3.reply", flags = "readonly fast")
  public static void reply(Context ctx, RedisString[] argv) {
    switch (argv[1].toString()) {
      case "attribute" -> {
        if (ctx.replyWithAttribute(1)) {
          ctx.replyWithString("source");
          ctx.replyWithString("java");
        }
        ctx.replyWithString("annotated");
      }
      case "postponed-attribute" -> {
        if (ctx.replyWithAttribute(Context.POSTPONED_LENGTH)) {
          ctx.replyWithString("a");
          ctx.replyWithLongLong(1);
        }
        ctx.replySetAttributeLength(1); // nothing for a RESP2 client
        ctx.replyWithLongLong(7);
      }
      case "attribute-throws" -> {
        if (ctx.replyWithAttribute(2)) {
          ctx.replyWithString("a");
        }
        throw new IllegalStateException("half an attribute");
      }
      case "null-array" -> ctx.replyWithNullArray();
      case "empty-array" -> ctx.replyWithEmptyArray();
      case "empty-string" -> ctx.replyWithEmptyString();
      case "string" -> ctx.replyWithString("plain");
      case "long-double" -> ctx.replyWithLongDouble(new BigDecimal(argv[2].toString()));
      case "verbatim" -> ctx.replyWithVerbatimString("mkd", "# title");
      default -> throw new RedisException("ERR no such kind");
    }
  }

  /** JRMTEST.RESP3.RET.LONGDOUBLE: 0.1 returned as a BigDecimal, a long double reply. */
  @RedisCommand(name = "jrmtest.resp3.ret.longdouble", flags = "readonly fast")
  public static BigDecimal returnsLongDouble(Context ctx, RedisString[] argv) {
    return new BigDecimal("0.1");
  }

  /**
   * JRMTEST.RESP3.READ flags kind: calls {@code DEBUG PROTOCOL kind} with {@code flags} ({@code 3}
   * for RESP3, {@code 0} the client's protocol, {@code -} none) and replies, as a bulk string, what
   * Java reads of its reply: its type and value, and its attribute first when it has one.
   */
  @RedisCommand(name = "jrmtest.resp3.read", flags = "readonly")
  public static void read(Context ctx, RedisString[] argv) {
    String flags = argv[1].toString().equals("-") ? "" : argv[1].toString();
    try (CallReply reply = ctx.callWithFlags(flags, "DEBUG", "PROTOCOL", argv[2])) {
      ctx.replyWithString(describe(reply));
    }
  }

  /**
   * JRMTEST.RESP3.ATTRIBUTE.ENTRY: entry 0 of the attribute of {@code DEBUG PROTOCOL attrib} (with
   * flag 3), which Redis 7.0 refuses.
   */
  @RedisCommand(name = "jrmtest.resp3.attribute.entry", flags = "readonly")
  public static void attributeEntry(Context ctx, RedisString[] argv) {
    try (CallReply reply = ctx.callWithFlags("3", "DEBUG", "PROTOCOL", "attrib")) {
      ctx.replyWithString(reply.attribute().attributeElement(0).getKey().string());
    }
  }

  /** The type and value of a reply, after its attribute's type, length and protocol bytes. */
  private static String describe(CallReply reply) {
    CallReply attribute = reply.attribute();
    String prefix =
        attribute == null
            ? ""
            : attribute.type()
                + " "
                + attribute.length()
                + " "
                + new String(attribute.proto(), StandardCharsets.UTF_8)
                + "then ";
    return prefix + reply.type() + " " + value(reply);
  }

  private static String value(CallReply reply) {
    return switch (reply.type()) {
      case DOUBLE -> Double.toString(reply.doubleValue());
      case BOOL -> Boolean.toString(reply.bool());
      case BIG_NUMBER -> reply.bigNumber().toString();
      case VERBATIM_STRING -> {
        Reply.Verbatim verbatim = reply.verbatim();
        yield verbatim.format() + ":" + verbatim.text();
      }
      case MAP -> entries(reply, reply::mapElement);
      case SET -> elements(reply, reply::setElement);
      case ARRAY -> elements(reply, reply::arrayElement);
      case INTEGER -> Long.toString(reply.integer());
      case STRING -> reply.string();
      default -> "";
    };
  }

  private static String entries(
      CallReply reply, LongFunction<Map.Entry<CallReply, CallReply>> entry) {
    List<String> entries = new ArrayList<>();
    for (long i = 0; i < reply.length(); i++) {
      Map.Entry<CallReply, CallReply> e = entry.apply(i);
      entries.add(value(e.getKey()) + "=" + describe(e.getValue()));
    }
    return "{" + String.join(", ", entries) + "}";
  }

  private static String elements(CallReply reply, LongFunction<CallReply> element) {
    List<String> elements = new ArrayList<>();
    for (long i = 0; i < reply.length(); i++) {
      elements.add(describe(element.apply(i)));
    }
    return elements.toString();
  }
}
