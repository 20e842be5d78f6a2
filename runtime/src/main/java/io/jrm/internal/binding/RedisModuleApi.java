package io.jrm.internal.binding;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The thin binding: one typed method per Redis Module API function, named as in C, handles as
 * {@code long} addresses. It adds no behaviour; {@link io.jrm.Context} and friends build the
 * idiomatic API on it. One instance per module, bound at load time.
 */
public final class RedisModuleApi {
  private static final int OK = 0;

  private final NativeBackend backend;
  private final Map<ApiFunction, NativeFunction> functions;

  private RedisModuleApi(NativeBackend backend, Map<ApiFunction, NativeFunction> functions) {
    this.backend = backend;
    this.functions = functions;
  }

  /**
   * Binds every function of {@link ApiFunction} that this Redis provides, through the {@code
   * RedisModule_GetApi} pointer stored in the first word of {@code ctx} (as {@code
   * RedisModule_Init} does in C).
   */
  public static RedisModuleApi bind(NativeBackend backend, long ctx) {
    NativeFunction getApi = backend.bind(ApiFunction.GetApi, backend.readWord(ctx));
    Map<ApiFunction, NativeFunction> functions = new EnumMap<>(ApiFunction.class);
    functions.put(ApiFunction.GetApi, getApi);
    long[] target = new long[1];
    for (ApiFunction function : ApiFunction.values()) {
      if (function != ApiFunction.GetApi
          && getApi.invokeInt(cString(function.symbol()), target) == OK
          && target[0] != 0) {
        functions.put(function, backend.bind(function, target[0]));
      }
    }
    return new RedisModuleApi(backend, functions);
  }

  /** The backend the functions are bound with, for reading native memory. */
  public NativeBackend backend() {
    return backend;
  }

  /** Whether this Redis provides {@code function}. */
  public boolean has(ApiFunction function) {
    return functions.containsKey(function);
  }

  private NativeFunction fn(ApiFunction function) {
    NativeFunction bound = functions.get(function);
    if (bound == null) {
      throw new UnsupportedOperationException(
          function.symbol() + " is not available in this version of Redis");
    }
    return bound;
  }

  /** A NUL-terminated UTF-8 copy of {@code s}, for {@code const char *} parameters. */
  public static byte[] cString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    byte[] terminated = new byte[utf8.length + 1];
    System.arraycopy(utf8, 0, terminated, 0, utf8.length);
    return terminated;
  }

  /** Copies the bytes of a pointer and length a function returned; null stays null. */
  private byte[] bytes(long pointer, long[] length) {
    return pointer == 0 ? null : backend.readBytes(pointer, Math.toIntExact(length[0]));
  }

  // Module set-up

  public int isModuleNameBusy(String name) {
    return fn(ApiFunction.IsModuleNameBusy).invokeInt(cString(name));
  }

  public void setModuleAttribs(long ctx, String name, int version, int apiVersion) {
    fn(ApiFunction.SetModuleAttribs).invokeVoid(ctx, cString(name), version, apiVersion);
  }

  public int createCommand(
      long ctx, String name, long cmdfunc, String flags, int firstKey, int lastKey, int keyStep) {
    return fn(ApiFunction.CreateCommand)
        .invokeInt(ctx, cString(name), cmdfunc, cString(flags), firstKey, lastKey, keyStep);
  }

  // Context

  public int getSelectedDb(long ctx) {
    return fn(ApiFunction.GetSelectedDb).invokeInt(ctx);
  }

  public long milliseconds() {
    return fn(ApiFunction.Milliseconds).invokeLong();
  }

  /** {@code RedisModule_Log(ctx, level, "%s", message)}: the message is never a format. */
  public void log(long ctx, String level, String message) {
    fn(ApiFunction.Log).invokeVoid(ctx, cString(level), cString("%s"), cString(message));
  }

  public void autoMemory(long ctx) {
    fn(ApiFunction.AutoMemory).invokeVoid(ctx);
  }

  // Strings

  public long createString(long ctx, byte[] bytes) {
    return fn(ApiFunction.CreateString).invokeLong(ctx, bytes, (long) bytes.length);
  }

  public long createStringFromLongLong(long ctx, long value) {
    return fn(ApiFunction.CreateStringFromLongLong).invokeLong(ctx, value);
  }

  public long createStringFromString(long ctx, long str) {
    return fn(ApiFunction.CreateStringFromString).invokeLong(ctx, str);
  }

  public void freeString(long ctx, long str) {
    fn(ApiFunction.FreeString).invokeVoid(ctx, str);
  }

  /** {@code StringPtrLen}, with the bytes copied out. */
  public byte[] stringPtrLen(long str) {
    long[] length = new long[1];
    return bytes(fn(ApiFunction.StringPtrLen).invokeLong(str, length), length);
  }

  /** {@code StringToLongLong}: the value in {@code out[0]}, {@code REDISMODULE_OK} or not. */
  public int stringToLongLong(long str, long[] out) {
    return fn(ApiFunction.StringToLongLong).invokeInt(str, out);
  }

  /** {@code StringToDouble}: the value in {@code out[0]}, {@code REDISMODULE_OK} or not. */
  public int stringToDouble(long str, double[] out) {
    return fn(ApiFunction.StringToDouble).invokeInt(str, out);
  }

  // Replies

  public int wrongArity(long ctx) {
    return fn(ApiFunction.WrongArity).invokeInt(ctx);
  }

  public int replyWithLongLong(long ctx, long value) {
    return fn(ApiFunction.ReplyWithLongLong).invokeInt(ctx, value);
  }

  public int replyWithError(long ctx, String error) {
    return fn(ApiFunction.ReplyWithError).invokeInt(ctx, cString(error));
  }

  public int replyWithSimpleString(long ctx, String message) {
    return fn(ApiFunction.ReplyWithSimpleString).invokeInt(ctx, cString(message));
  }

  public int replyWithArray(long ctx, long length) {
    return fn(ApiFunction.ReplyWithArray).invokeInt(ctx, length);
  }

  public void replySetArrayLength(long ctx, long length) {
    fn(ApiFunction.ReplySetArrayLength).invokeVoid(ctx, length);
  }

  public int replyWithStringBuffer(long ctx, byte[] buffer) {
    return fn(ApiFunction.ReplyWithStringBuffer).invokeInt(ctx, buffer, (long) buffer.length);
  }

  public int replyWithString(long ctx, long str) {
    return fn(ApiFunction.ReplyWithString).invokeInt(ctx, str);
  }

  public int replyWithNull(long ctx) {
    return fn(ApiFunction.ReplyWithNull).invokeInt(ctx);
  }

  public int replyWithDouble(long ctx, double value) {
    return fn(ApiFunction.ReplyWithDouble).invokeInt(ctx, value);
  }

  public int replyWithCallReply(long ctx, long reply) {
    return fn(ApiFunction.ReplyWithCallReply).invokeInt(ctx, reply);
  }

  // Calling Redis

  /**
   * {@code RedisModule_Call(ctx, command, format, args...)}; {@code args} are already in the
   * form the format asks for ({@code Long} for {@code l}, {@code byte[]} and length for {@code b},
   * handle for {@code s}).
   */
  public long call(long ctx, String command, String format, Object... args) {
    Object[] all = new Object[args.length + 3];
    all[0] = ctx;
    all[1] = cString(command);
    all[2] = cString(format);
    System.arraycopy(args, 0, all, 3, args.length);
    return fn(ApiFunction.Call).invokeLong(all);
  }

  public int callReplyType(long reply) {
    return fn(ApiFunction.CallReplyType).invokeInt(reply);
  }

  public long callReplyLength(long reply) {
    return fn(ApiFunction.CallReplyLength).invokeLong(reply);
  }

  public long callReplyArrayElement(long reply, long index) {
    return fn(ApiFunction.CallReplyArrayElement).invokeLong(reply, index);
  }

  public long callReplyInteger(long reply) {
    return fn(ApiFunction.CallReplyInteger).invokeLong(reply);
  }

  /** {@code CallReplyStringPtr}, with the bytes copied out; null if the reply is no string. */
  public byte[] callReplyStringPtr(long reply) {
    long[] length = new long[1];
    return bytes(fn(ApiFunction.CallReplyStringPtr).invokeLong(reply, length), length);
  }

  /** {@code CallReplyProto}: the reply in the RESP protocol, copied out. */
  public byte[] callReplyProto(long reply) {
    long[] length = new long[1];
    return bytes(fn(ApiFunction.CallReplyProto).invokeLong(reply, length), length);
  }

  public long createStringFromCallReply(long reply) {
    return fn(ApiFunction.CreateStringFromCallReply).invokeLong(reply);
  }

  public void freeCallReply(long reply) {
    fn(ApiFunction.FreeCallReply).invokeVoid(reply);
  }
}
