package io.jrm.conformance.infotest;

import io.jrm.Context;
import io.jrm.InfoContext;
import io.jrm.RedisString;
import io.jrm.ServerInfo;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The port of Redis's tests/modules/infotest.c, for units moduleapi/infotest and moduleapi/infra:
 * INFO sections of every field kind, and commands that read INFO fields. Its crash-report section
 * has no port: JRM runs no Java while Redis writes a crash report.
 */
@RedisModule(name = "infotest")
public final class InfoTestModule {
  private InfoTestModule() {}

  /** Registers the INFO sections; the arguments (the unit passes {@code log-key 0}) are unused. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    ctx.registerInfoFunc(InfoTestModule::info);
  }

  private static void info(InfoContext info) {
    info.addSection("");
    info.addField("global", -2).addFieldUnsigned("uglobal", -2);

    info.addSection("Spanish");
    info.addField("uno", "one").addField("dos", 2);

    info.addSection("Italian");
    info.addField("due", 2).addField("tre", 3.3);

    info.addSection("keyspace");
    info.beginDictField("db0").addField("keys", 3).addField("expires", 1).endDictField();

    info.addSection("unsafe");
    info.beginDictField("unsafe:field").addField("value", 1).endDictField();
  }

  /** INFO.GETS section field: the field as a Redis string. */
  @RedisCommand(name = "info.gets")
  public static void gets(Context ctx, RedisString[] argv) {
    get(ctx, argv, 's');
  }

  /** INFO.GETC section field: the field as C text. */
  @RedisCommand(name = "info.getc")
  public static void getc(Context ctx, RedisString[] argv) {
    get(ctx, argv, 'c');
  }

  /** INFO.GETI section field: the field as a signed integer. */
  @RedisCommand(name = "info.geti")
  public static void geti(Context ctx, RedisString[] argv) {
    get(ctx, argv, 'i');
  }

  /** INFO.GETU section field: the field as an unsigned integer, replied as a signed one. */
  @RedisCommand(name = "info.getu")
  public static void getu(Context ctx, RedisString[] argv) {
    get(ctx, argv, 'u');
  }

  /** INFO.GETD section field: the field as a double. */
  @RedisCommand(name = "info.getd")
  public static void getd(Context ctx, RedisString[] argv) {
    get(ctx, argv, 'd');
  }

  private static void get(Context ctx, RedisString[] argv, char kind) {
    if (argv.length != 3 && argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    String field = argv[2].toString();
    try (ServerInfo info = ctx.serverInfo(argv[1].toString())) {
      boolean found =
          switch (kind) {
            case 'i' -> reply(ctx, info.getLong(field));
            case 'u' -> reply(ctx, info.getUnsignedLong(field));
            case 'd' -> {
              OptionalDouble value = info.getDouble(field);
              value.ifPresent(ctx::replyWithDouble);
              yield value.isPresent();
            }
            case 'c' -> {
              // The C module sends no reply at all for a missing field here; JRM replies once.
              Optional<String> value = info.get(field);
              value.ifPresent(ctx::replyWithString);
              yield value.isPresent();
            }
            default -> {
              Optional<RedisString> value = info.getString(field);
              value.ifPresent(
                  str -> {
                    ctx.replyWithString(str);
                    str.close();
                  });
              yield value.isPresent();
            }
          };
      if (!found) {
        ctx.replyWithError("not found");
      }
    }
  }

  private static boolean reply(Context ctx, OptionalLong value) {
    value.ifPresent(ctx::replyWithLongLong);
    return value.isPresent();
  }
}
