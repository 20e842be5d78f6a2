package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.NativeBackend;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The fields of INFO as Redis would answer it, read by the module ({@code
 * RedisModule_GetServerInfo}), made by {@link Context#serverInfo}. Close it ({@code
 * FreeServerInfo}), with try-with-resources; it belongs to its call, like a {@link CallReply}.
 *
 * <pre>{@code
 * try (ServerInfo info = ctx.serverInfo("replication")) {
 *   String role = info.get("role").orElse("?");
 * }
 * }</pre>
 */
public final class ServerInfo implements AutoCloseable {
  private static final int OK = 0;

  private final Context context;
  private final int call;
  private long pointer;

  ServerInfo(Context context, long pointer) {
    this.context = context;
    this.call = context.call();
    this.pointer = pointer;
  }

  private long pointer() {
    context.checkCall(call);
    if (pointer == 0) {
      throw new IllegalStateException("this ServerInfo was closed");
    }
    return pointer;
  }

  /**
   * The field's text ({@code ServerInfoGetFieldC}), empty when INFO had no such field.
   *
   * @param field the field's name
   * @return its text, or empty
   */
  public Optional<String> get(String field) {
    long text = context.api().serverInfoGetFieldC(pointer(), cString(field));
    return text == 0 ? Optional.empty() : Optional.of(readCString(context.api().backend(), text));
  }

  /**
   * The field as a new {@link RedisString} ({@code ServerInfoGetField}), to close like any created
   * string; empty when INFO had no such field.
   *
   * @param field the field's name
   * @return its value, or empty
   */
  public Optional<RedisString> getString(String field) {
    long data = pointer();
    long str = context.api().serverInfoGetField(context.pointer(), data, cString(field));
    return str == 0 ? Optional.empty() : Optional.of(new RedisString(context, str, true));
  }

  /**
   * The field as a signed integer ({@code ServerInfoGetFieldSigned}): empty if absent or not one.
   *
   * @param field the field's name
   * @return its value, or empty
   */
  public OptionalLong getLong(String field) {
    int[] error = new int[1];
    long value = context.api().serverInfoGetFieldSigned(pointer(), cString(field), error);
    return error[0] == OK ? OptionalLong.of(value) : OptionalLong.empty();
  }

  /**
   * The field as an unsigned integer ({@code ServerInfoGetFieldUnsigned}), its 64 bits in a long
   * (see {@link Long#toUnsignedString}): empty if absent or not one.
   *
   * @param field the field's name
   * @return its 64 bits, or empty
   */
  public OptionalLong getUnsignedLong(String field) {
    int[] error = new int[1];
    long value = context.api().serverInfoGetFieldUnsigned(pointer(), cString(field), error);
    return error[0] == OK ? OptionalLong.of(value) : OptionalLong.empty();
  }

  /**
   * The field as a double ({@code ServerInfoGetFieldDouble}): empty if absent or not a number.
   *
   * @param field the field's name
   * @return its value, or empty
   */
  public OptionalDouble getDouble(String field) {
    int[] error = new int[1];
    double value = context.api().serverInfoGetFieldDouble(pointer(), cString(field), error);
    return error[0] == OK ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /** Frees the fields ({@code FreeServerInfo}); closing twice does nothing. */
  @Override
  public void close() {
    if (pointer != 0) {
      context.api().freeServerInfo(context.pointer(), pointer());
      pointer = 0;
    }
  }

  /**
   * The NUL-terminated UTF-8 text at {@code address}, read a whole aligned word at a time: an
   * aligned word never crosses into a page the string does not reach.
   */
  static String readCString(NativeBackend memory, long address) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    long word = address & ~7L;
    int skip = (int) (address - word);
    while (true) {
      long bytes = memory.readWord(word);
      for (int i = skip; i < Long.BYTES; i++) {
        int b = (int) (bytes >>> (8 * i)) & 0xff; // little-endian, as on every Linux JRM runs on
        if (b == 0) {
          return text.toString(StandardCharsets.UTF_8);
        }
        text.write(b);
      }
      word += Long.BYTES;
      skip = 0;
    }
  }
}
