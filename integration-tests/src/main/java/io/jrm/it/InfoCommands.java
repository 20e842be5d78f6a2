package io.jrm.it;

import io.jrm.Context;
import io.jrm.InfoContext;
import io.jrm.InfoFunction;
import io.jrm.RedisString;
import io.jrm.ServerInfo;
import io.jrm.annotations.RedisCommand;
import java.util.Optional;

/**
 * Commands of the jrmtest module ({@code JRMTEST.INFO.*}) for {@code InfoIT}: the module's own INFO
 * sections, set by a command so that a test can change them, and reading INFO from Java.
 */
public final class InfoCommands {
  /** An InfoContext kept past its INFO, which must refuse to be used. */
  private static InfoContext kept;

  private InfoCommands() {}

  /** Every kind of field, in the sections {@code jrmtest}, {@code jrmtest_numbers}, a dict. */
  private static final InfoFunction EVERY_FIELD =
      info -> {
        if (info.addSection("")) {
          info.addField("text", "hello").addField("name", new StringBuilder("x").toString());
        }
        info.addSection("numbers");
        info.addField("signed", -2)
            .addFieldUnsigned("unsigned", -2)
            .addField("double", 3.5)
            .beginDictField("db0")
            .addField("keys", 3)
            .addField("expires", 1)
            .endDictField();
        kept = info;
      };

  /**
   * JRMTEST.INFO.SET mode: the module's INFO function: {@code fields} (every kind), {@code throws}
   * (one field, then an exception), {@code early} (a field before any section), {@code string} (a
   * RedisString field), {@code none}.
   */
  @RedisCommand(name = "jrmtest.info.set", flags = "readonly")
  public static String set(Context ctx, String mode) {
    ctx.registerInfoFunc(
        switch (mode) {
          case "fields" -> EVERY_FIELD;
          case "throws" ->
              info -> {
                info.addSection("partial");
                info.addField("before", 1);
                throw new IllegalStateException("info boom");
              };
          case "early" -> info -> info.addField("early", 1);
          case "string" -> {
            // An INFO function has no Context to create strings: it uses one kept from a command.
            RedisString value = ctx.createString("from-a-RedisString").retain();
            yield info -> {
              info.addSection("copy");
              info.addField("value", value);
            };
          }
          default -> null;
        });
    return "OK";
  }

  /** JRMTEST.INFO.KEPT: uses the InfoContext of the last INFO after it returned. */
  @RedisCommand(name = "jrmtest.info.kept", flags = "readonly")
  public static String useKept(Context ctx) {
    kept.addField("late", 1);
    return "used";
  }

  /**
   * JRMTEST.INFO.GET kind section field: the field of INFO section read from Java as {@code kind}
   * ({@code c} text, {@code s} RedisString, {@code i} signed, {@code u} unsigned, {@code d}
   * double); null when absent.
   */
  @RedisCommand(name = "jrmtest.info.get", flags = "readonly")
  public static void get(Context ctx, String kind, String section, String field) {
    try (ServerInfo info = ctx.serverInfo(section)) {
      switch (kind) {
        case "c" -> reply(ctx, info.get(field));
        case "s" -> {
          Optional<RedisString> value = info.getString(field);
          reply(ctx, value.map(RedisString::toString));
          value.ifPresent(RedisString::close);
        }
        case "i" -> reply(ctx, info.getLong(field).stream().boxed().findFirst());
        case "u" ->
            reply(
                ctx,
                info.getUnsignedLong(field).stream().mapToObj(Long::toUnsignedString).findFirst());
        case "d" -> reply(ctx, info.getDouble(field).stream().boxed().findFirst());
        default -> ctx.replyWithError("ERR kind is c, s, i, u or d");
      }
    }
  }

  private static void reply(Context ctx, Optional<?> value) {
    if (value.isEmpty()) {
      ctx.replyWithNull();
    } else {
      ctx.replyWithString(value.get().toString());
    }
  }
}
