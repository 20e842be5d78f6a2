package io.jrm.internal.binding;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The thin binding: one method per Redis Module API function, named and typed as in C. Handles and
 * pointers are {@code long} addresses; {@code const char *} parameters are byte arrays ({@link
 * #cString} for NUL-terminated ones); out-parameters are one-element arrays the function fills. It
 * adds no behaviour: {@code io.jrm.Context} and its friends build the idiomatic API on it. One
 * instance per module, bound at load time.
 */
@SuppressWarnings("checkstyle:ParameterName") // parameter names follow the C prototypes
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

  /** The backend the functions are bound with, for reading and writing native memory. */
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

  /** Copies {@code length[0]} bytes at {@code pointer}, as returned with a length out-parameter. */
  public byte[] copyOut(long pointer, long[] length) {
    return pointer == 0 ? null : backend.readBytes(pointer, Math.toIntExact(length[0]));
  }

  /** The fixed arguments followed by the variadic ones. */
  private static Object[] variadic(Object[] rest, Object... fixed) {
    Object[] all = new Object[fixed.length + rest.length];
    System.arraycopy(fixed, 0, all, 0, fixed.length);
    System.arraycopy(rest, 0, all, fixed.length, rest.length);
    return all;
  }

  public long alloc(long bytes) {
    return fn(ApiFunction.Alloc).invokeLong(bytes);
  }

  public long calloc(long nmemb, long size) {
    return fn(ApiFunction.Calloc).invokeLong(nmemb, size);
  }

  public long realloc(long ptr, long bytes) {
    return fn(ApiFunction.Realloc).invokeLong(ptr, bytes);
  }

  public void free(long ptr) {
    fn(ApiFunction.Free).invokeVoid(ptr);
  }

  public long strdup(byte[] str) {
    return fn(ApiFunction.Strdup).invokeLong(str);
  }

  public long poolAlloc(long ctx, long bytes) {
    return fn(ApiFunction.PoolAlloc).invokeLong(ctx, bytes);
  }

  public int isKeysPositionRequest(long ctx) {
    return fn(ApiFunction.IsKeysPositionRequest).invokeInt(ctx);
  }

  public void keyAtPos(long ctx, int pos) {
    fn(ApiFunction.KeyAtPos).invokeVoid(ctx, pos);
  }

  public int createCommand(
      long ctx,
      byte[] name,
      long cmdfunc,
      byte[] strflags,
      int firstkey,
      int lastkey,
      int keystep) {
    return fn(ApiFunction.CreateCommand)
        .invokeInt(ctx, name, cmdfunc, strflags, firstkey, lastkey, keystep);
  }

  public void setModuleAttribs(long ctx, byte[] name, int ver, int apiver) {
    fn(ApiFunction.SetModuleAttribs).invokeVoid(ctx, name, ver, apiver);
  }

  public long milliseconds() {
    return fn(ApiFunction.Milliseconds).invokeLong();
  }

  public void autoMemory(long ctx) {
    fn(ApiFunction.AutoMemory).invokeVoid(ctx);
  }

  public long createString(long ctx, byte[] ptr, long len) {
    return fn(ApiFunction.CreateString).invokeLong(ctx, ptr, len);
  }

  public long createStringPrintf(long ctx, byte[] fmt, Object... args) {
    return fn(ApiFunction.CreateStringPrintf).invokeLong(variadic(args, ctx, fmt));
  }

  public long createStringFromLongLong(long ctx, long ll) {
    return fn(ApiFunction.CreateStringFromLongLong).invokeLong(ctx, ll);
  }

  public long createStringFromString(long ctx, long str) {
    return fn(ApiFunction.CreateStringFromString).invokeLong(ctx, str);
  }

  public void freeString(long ctx, long str) {
    fn(ApiFunction.FreeString).invokeVoid(ctx, str);
  }

  public void retainString(long ctx, long str) {
    fn(ApiFunction.RetainString).invokeVoid(ctx, str);
  }

  public long stringPtrLen(long str, long[] len) {
    return fn(ApiFunction.StringPtrLen).invokeLong(str, len);
  }

  public int stringToLongLong(long str, long[] ll) {
    return fn(ApiFunction.StringToLongLong).invokeInt(str, ll);
  }

  public int stringToDouble(long str, double[] d) {
    return fn(ApiFunction.StringToDouble).invokeInt(str, d);
  }

  public int stringCompare(long a, long b) {
    return fn(ApiFunction.StringCompare).invokeInt(a, b);
  }

  public int stringAppendBuffer(long ctx, long str, byte[] buf, long len) {
    return fn(ApiFunction.StringAppendBuffer).invokeInt(ctx, str, buf, len);
  }

  public int wrongArity(long ctx) {
    return fn(ApiFunction.WrongArity).invokeInt(ctx);
  }

  public int replyWithLongLong(long ctx, long ll) {
    return fn(ApiFunction.ReplyWithLongLong).invokeInt(ctx, ll);
  }

  public int replyWithError(long ctx, byte[] err) {
    return fn(ApiFunction.ReplyWithError).invokeInt(ctx, err);
  }

  public int replyWithSimpleString(long ctx, byte[] msg) {
    return fn(ApiFunction.ReplyWithSimpleString).invokeInt(ctx, msg);
  }

  public int replyWithArray(long ctx, long len) {
    return fn(ApiFunction.ReplyWithArray).invokeInt(ctx, len);
  }

  public void replySetArrayLength(long ctx, long len) {
    fn(ApiFunction.ReplySetArrayLength).invokeVoid(ctx, len);
  }

  public int replyWithStringBuffer(long ctx, byte[] buf, long len) {
    return fn(ApiFunction.ReplyWithStringBuffer).invokeInt(ctx, buf, len);
  }

  public int replyWithString(long ctx, long str) {
    return fn(ApiFunction.ReplyWithString).invokeInt(ctx, str);
  }

  public int replyWithNull(long ctx) {
    return fn(ApiFunction.ReplyWithNull).invokeInt(ctx);
  }

  public int replyWithCallReply(long ctx, long reply) {
    return fn(ApiFunction.ReplyWithCallReply).invokeInt(ctx, reply);
  }

  public int replyWithDouble(long ctx, double d) {
    return fn(ApiFunction.ReplyWithDouble).invokeInt(ctx, d);
  }

  public int replicate(long ctx, byte[] cmdname, byte[] fmt, Object... args) {
    return fn(ApiFunction.Replicate).invokeInt(variadic(args, ctx, cmdname, fmt));
  }

  public int replicateVerbatim(long ctx) {
    return fn(ApiFunction.ReplicateVerbatim).invokeInt(ctx);
  }

  public long getClientId(long ctx) {
    return fn(ApiFunction.GetClientId).invokeLong(ctx);
  }

  public int getSelectedDb(long ctx) {
    return fn(ApiFunction.GetSelectedDb).invokeInt(ctx);
  }

  public int selectDb(long ctx, int newid) {
    return fn(ApiFunction.SelectDb).invokeInt(ctx, newid);
  }

  public long openKey(long ctx, long keyname, int mode) {
    return fn(ApiFunction.OpenKey).invokeLong(ctx, keyname, mode);
  }

  public void closeKey(long kp) {
    fn(ApiFunction.CloseKey).invokeVoid(kp);
  }

  public int keyType(long kp) {
    return fn(ApiFunction.KeyType).invokeInt(kp);
  }

  public long valueLength(long kp) {
    return fn(ApiFunction.ValueLength).invokeLong(kp);
  }

  public int deleteKey(long key) {
    return fn(ApiFunction.DeleteKey).invokeInt(key);
  }

  public long getExpire(long key) {
    return fn(ApiFunction.GetExpire).invokeLong(key);
  }

  public int setExpire(long key, long expire) {
    return fn(ApiFunction.SetExpire).invokeInt(key, expire);
  }

  public int stringSet(long key, long str) {
    return fn(ApiFunction.StringSet).invokeInt(key, str);
  }

  public long stringDMA(long key, long[] len, int mode) {
    return fn(ApiFunction.StringDMA).invokeLong(key, len, mode);
  }

  public int stringTruncate(long key, long newlen) {
    return fn(ApiFunction.StringTruncate).invokeInt(key, newlen);
  }

  public int listPush(long kp, int where, long ele) {
    return fn(ApiFunction.ListPush).invokeInt(kp, where, ele);
  }

  public long listPop(long key, int where) {
    return fn(ApiFunction.ListPop).invokeLong(key, where);
  }

  public int zsetAdd(long key, double score, long ele, int[] flagsptr) {
    return fn(ApiFunction.ZsetAdd).invokeInt(key, score, ele, flagsptr);
  }

  public int zsetIncrby(long key, double score, long ele, int[] flagsptr, double[] newscore) {
    return fn(ApiFunction.ZsetIncrby).invokeInt(key, score, ele, flagsptr, newscore);
  }

  public int zsetRem(long key, long ele, int[] deleted) {
    return fn(ApiFunction.ZsetRem).invokeInt(key, ele, deleted);
  }

  public int zsetScore(long key, long ele, double[] score) {
    return fn(ApiFunction.ZsetScore).invokeInt(key, ele, score);
  }

  public void zsetRangeStop(long key) {
    fn(ApiFunction.ZsetRangeStop).invokeVoid(key);
  }

  public int zsetRangeEndReached(long key) {
    return fn(ApiFunction.ZsetRangeEndReached).invokeInt(key);
  }

  public int zsetFirstInScoreRange(long key, double min, double max, int minex, int maxex) {
    return fn(ApiFunction.ZsetFirstInScoreRange).invokeInt(key, min, max, minex, maxex);
  }

  public int zsetLastInScoreRange(long key, double min, double max, int minex, int maxex) {
    return fn(ApiFunction.ZsetLastInScoreRange).invokeInt(key, min, max, minex, maxex);
  }

  public int zsetFirstInLexRange(long key, long min, long max) {
    return fn(ApiFunction.ZsetFirstInLexRange).invokeInt(key, min, max);
  }

  public int zsetLastInLexRange(long key, long min, long max) {
    return fn(ApiFunction.ZsetLastInLexRange).invokeInt(key, min, max);
  }

  public long zsetRangeCurrentElement(long key, double[] score) {
    return fn(ApiFunction.ZsetRangeCurrentElement).invokeLong(key, score);
  }

  public int zsetRangeNext(long key) {
    return fn(ApiFunction.ZsetRangeNext).invokeInt(key);
  }

  public int zsetRangePrev(long key) {
    return fn(ApiFunction.ZsetRangePrev).invokeInt(key);
  }

  public int hashSet(long key, int flags, Object... args) {
    return fn(ApiFunction.HashSet).invokeInt(variadic(args, key, flags));
  }

  public int hashGet(long key, int flags, Object... args) {
    return fn(ApiFunction.HashGet).invokeInt(variadic(args, key, flags));
  }

  public void freeCallReply(long reply) {
    fn(ApiFunction.FreeCallReply).invokeVoid(reply);
  }

  public int callReplyType(long reply) {
    return fn(ApiFunction.CallReplyType).invokeInt(reply);
  }

  public long callReplyLength(long reply) {
    return fn(ApiFunction.CallReplyLength).invokeLong(reply);
  }

  public long callReplyArrayElement(long reply, long idx) {
    return fn(ApiFunction.CallReplyArrayElement).invokeLong(reply, idx);
  }

  public long callReplyInteger(long reply) {
    return fn(ApiFunction.CallReplyInteger).invokeLong(reply);
  }

  public long callReplyStringPtr(long reply, long[] len) {
    return fn(ApiFunction.CallReplyStringPtr).invokeLong(reply, len);
  }

  public long createStringFromCallReply(long reply) {
    return fn(ApiFunction.CreateStringFromCallReply).invokeLong(reply);
  }

  public long call(long ctx, byte[] cmdname, byte[] fmt, Object... args) {
    return fn(ApiFunction.Call).invokeLong(variadic(args, ctx, cmdname, fmt));
  }

  public long callReplyProto(long reply, long[] len) {
    return fn(ApiFunction.CallReplyProto).invokeLong(reply, len);
  }

  public long createDataType(long ctx, byte[] name, int encver, long typemethods) {
    return fn(ApiFunction.CreateDataType).invokeLong(ctx, name, encver, typemethods);
  }

  public int moduleTypeSetValue(long key, long mt, long value) {
    return fn(ApiFunction.ModuleTypeSetValue).invokeInt(key, mt, value);
  }

  public long moduleTypeGetType(long key) {
    return fn(ApiFunction.ModuleTypeGetType).invokeLong(key);
  }

  public long moduleTypeGetValue(long key) {
    return fn(ApiFunction.ModuleTypeGetValue).invokeLong(key);
  }

  public void saveUnsigned(long io, long value) {
    fn(ApiFunction.SaveUnsigned).invokeVoid(io, value);
  }

  public long loadUnsigned(long io) {
    return fn(ApiFunction.LoadUnsigned).invokeLong(io);
  }

  public void saveSigned(long io, long value) {
    fn(ApiFunction.SaveSigned).invokeVoid(io, value);
  }

  public long loadSigned(long io) {
    return fn(ApiFunction.LoadSigned).invokeLong(io);
  }

  public void saveString(long io, long s) {
    fn(ApiFunction.SaveString).invokeVoid(io, s);
  }

  public void saveStringBuffer(long io, byte[] str, long len) {
    fn(ApiFunction.SaveStringBuffer).invokeVoid(io, str, len);
  }

  public long loadString(long io) {
    return fn(ApiFunction.LoadString).invokeLong(io);
  }

  public long loadStringBuffer(long io, long[] lenptr) {
    return fn(ApiFunction.LoadStringBuffer).invokeLong(io, lenptr);
  }

  public void saveDouble(long io, double value) {
    fn(ApiFunction.SaveDouble).invokeVoid(io, value);
  }

  public double loadDouble(long io) {
    return fn(ApiFunction.LoadDouble).invokeDouble(io);
  }

  public void saveFloat(long io, float value) {
    fn(ApiFunction.SaveFloat).invokeVoid(io, value);
  }

  public float loadFloat(long io) {
    return fn(ApiFunction.LoadFloat).invokeFloat(io);
  }

  public void digestAddStringBuffer(long md, byte[] ele, long len) {
    fn(ApiFunction.DigestAddStringBuffer).invokeVoid(md, ele, len);
  }

  public void digestAddLongLong(long md, long ele) {
    fn(ApiFunction.DigestAddLongLong).invokeVoid(md, ele);
  }

  public void digestEndSequence(long md) {
    fn(ApiFunction.DigestEndSequence).invokeVoid(md);
  }

  public void emitAOF(long io, byte[] cmdname, byte[] fmt, Object... args) {
    fn(ApiFunction.EmitAOF).invokeVoid(variadic(args, io, cmdname, fmt));
  }

  public void log(long ctx, byte[] level, byte[] fmt, Object... args) {
    fn(ApiFunction.Log).invokeVoid(variadic(args, ctx, level, fmt));
  }

  public void logIOError(long io, byte[] levelstr, byte[] fmt, Object... args) {
    fn(ApiFunction.LogIOError).invokeVoid(variadic(args, io, levelstr, fmt));
  }

  public long blockClient(
      long ctx, long replyCallback, long timeoutCallback, long freePrivdata, long timeoutMs) {
    return fn(ApiFunction.BlockClient)
        .invokeLong(ctx, replyCallback, timeoutCallback, freePrivdata, timeoutMs);
  }

  public int unblockClient(long bc, long privdata) {
    return fn(ApiFunction.UnblockClient).invokeInt(bc, privdata);
  }

  public int abortBlock(long bc) {
    return fn(ApiFunction.AbortBlock).invokeInt(bc);
  }

  public int isBlockedReplyRequest(long ctx) {
    return fn(ApiFunction.IsBlockedReplyRequest).invokeInt(ctx);
  }

  public int isBlockedTimeoutRequest(long ctx) {
    return fn(ApiFunction.IsBlockedTimeoutRequest).invokeInt(ctx);
  }

  public long getBlockedClientPrivateData(long ctx) {
    return fn(ApiFunction.GetBlockedClientPrivateData).invokeLong(ctx);
  }

  public long getThreadSafeContext(long bc) {
    return fn(ApiFunction.GetThreadSafeContext).invokeLong(bc);
  }

  public void freeThreadSafeContext(long ctx) {
    fn(ApiFunction.FreeThreadSafeContext).invokeVoid(ctx);
  }

  public void threadSafeContextLock(long ctx) {
    fn(ApiFunction.ThreadSafeContextLock).invokeVoid(ctx);
  }

  public void threadSafeContextUnlock(long ctx) {
    fn(ApiFunction.ThreadSafeContextUnlock).invokeVoid(ctx);
  }

  public long getBlockedClientHandle(long ctx) {
    return fn(ApiFunction.GetBlockedClientHandle).invokeLong(ctx);
  }

  public void setModuleOptions(long ctx, int options) {
    fn(ApiFunction.SetModuleOptions).invokeVoid(ctx, options);
  }

  public int isIOError(long io) {
    return fn(ApiFunction.IsIOError).invokeInt(io);
  }

  public int getContextFlags(long ctx) {
    return fn(ApiFunction.GetContextFlags).invokeInt(ctx);
  }

  public int infoAddSection(long infoCtx, byte[] name) {
    return fn(ApiFunction.InfoAddSection).invokeInt(infoCtx, name);
  }

  public int infoAddFieldLongLong(long infoCtx, byte[] field, long value) {
    return fn(ApiFunction.InfoAddFieldLongLong).invokeInt(infoCtx, field, value);
  }
}
