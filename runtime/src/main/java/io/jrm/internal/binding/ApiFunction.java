package io.jrm.internal.binding;

import static io.jrm.internal.binding.CType.DOUBLE;
import static io.jrm.internal.binding.CType.FLOAT;
import static io.jrm.internal.binding.CType.INT;
import static io.jrm.internal.binding.CType.LONG;
import static io.jrm.internal.binding.CType.POINTER;
import static io.jrm.internal.binding.CType.VOID;

import java.util.List;

/**
 * The Redis Module API, described once: each constant is one {@code RedisModule_<name>} function of
 * Redis 7.0 with its C return and parameter types, in the order of the Modules API reference. Every
 * backend binds its calls from this table, and {@link RedisModuleApi} calls through it.
 *
 * <p>Four names of the reference are not functions Redis 7.0 exports; Java provides them itself:
 * {@code ZsetAddFlagsToCoreFlags} and {@code ZsetAddFlagsFromCoreFlags} (flag conversions, see
 * {@code io.jrm.ZaddFlag}), {@code FreeCallReply_Rec} ({@code CallReply.close} frees nested
 * replies, as {@code FreeCallReply} does) and {@code LogRaw} ({@code Context.log}).
 */
@SuppressWarnings("checkstyle:EnumConstantName") // the constants mirror the C names one to one
public enum ApiFunction {
  /** Found in the first word of a context rather than through itself. */
  GetApi(INT, POINTER, POINTER),
  Alloc(POINTER, LONG),
  Calloc(POINTER, LONG, LONG),
  Realloc(POINTER, POINTER, LONG),
  Free(VOID, POINTER),
  Strdup(POINTER, POINTER),
  PoolAlloc(POINTER, POINTER, LONG),
  IsKeysPositionRequest(INT, POINTER),
  KeyAtPos(VOID, POINTER, INT),
  CreateCommand(INT, POINTER, POINTER, POINTER, POINTER, INT, INT, INT),
  SetModuleAttribs(VOID, POINTER, POINTER, INT, INT),
  Milliseconds(LONG),
  AutoMemory(VOID, POINTER),
  CreateString(POINTER, POINTER, POINTER, LONG),
  CreateStringPrintf(POINTER, true, POINTER, POINTER),
  CreateStringFromLongLong(POINTER, POINTER, LONG),
  CreateStringFromString(POINTER, POINTER, POINTER),
  FreeString(VOID, POINTER, POINTER),
  RetainString(VOID, POINTER, POINTER),
  StringPtrLen(POINTER, POINTER, POINTER),
  StringToLongLong(INT, POINTER, POINTER),
  StringToDouble(INT, POINTER, POINTER),
  StringCompare(INT, POINTER, POINTER),
  StringAppendBuffer(INT, POINTER, POINTER, POINTER, LONG),
  WrongArity(INT, POINTER),
  ReplyWithLongLong(INT, POINTER, LONG),
  ReplyWithError(INT, POINTER, POINTER),
  ReplyWithSimpleString(INT, POINTER, POINTER),
  ReplyWithArray(INT, POINTER, LONG),
  ReplySetArrayLength(VOID, POINTER, LONG),
  ReplyWithStringBuffer(INT, POINTER, POINTER, LONG),
  ReplyWithString(INT, POINTER, POINTER),
  ReplyWithNull(INT, POINTER),
  ReplyWithCallReply(INT, POINTER, POINTER),
  ReplyWithDouble(INT, POINTER, DOUBLE),
  Replicate(INT, true, POINTER, POINTER, POINTER),
  ReplicateVerbatim(INT, POINTER),
  GetClientId(LONG, POINTER),
  GetSelectedDb(INT, POINTER),
  SelectDb(INT, POINTER, INT),
  OpenKey(POINTER, POINTER, POINTER, INT),
  CloseKey(VOID, POINTER),
  KeyType(INT, POINTER),
  ValueLength(LONG, POINTER),
  DeleteKey(INT, POINTER),
  GetExpire(LONG, POINTER),
  SetExpire(INT, POINTER, LONG),
  StringSet(INT, POINTER, POINTER),
  StringDMA(POINTER, POINTER, POINTER, INT),
  StringTruncate(INT, POINTER, LONG),
  ListPush(INT, POINTER, INT, POINTER),
  ListPop(POINTER, POINTER, INT),
  ZsetAdd(INT, POINTER, DOUBLE, POINTER, POINTER),
  ZsetIncrby(INT, POINTER, DOUBLE, POINTER, POINTER, POINTER),
  ZsetRem(INT, POINTER, POINTER, POINTER),
  ZsetScore(INT, POINTER, POINTER, POINTER),
  ZsetRangeStop(VOID, POINTER),
  ZsetRangeEndReached(INT, POINTER),
  ZsetFirstInScoreRange(INT, POINTER, DOUBLE, DOUBLE, INT, INT),
  ZsetLastInScoreRange(INT, POINTER, DOUBLE, DOUBLE, INT, INT),
  ZsetFirstInLexRange(INT, POINTER, POINTER, POINTER),
  ZsetLastInLexRange(INT, POINTER, POINTER, POINTER),
  ZsetRangeCurrentElement(POINTER, POINTER, POINTER),
  ZsetRangeNext(INT, POINTER),
  ZsetRangePrev(INT, POINTER),
  HashSet(INT, true, POINTER, INT),
  HashGet(INT, true, POINTER, INT),
  FreeCallReply(VOID, POINTER),
  CallReplyType(INT, POINTER),
  CallReplyLength(LONG, POINTER),
  CallReplyArrayElement(POINTER, POINTER, LONG),
  CallReplyInteger(LONG, POINTER),
  CallReplyStringPtr(POINTER, POINTER, POINTER),
  CreateStringFromCallReply(POINTER, POINTER),
  Call(POINTER, true, POINTER, POINTER, POINTER),
  CallReplyProto(POINTER, POINTER, POINTER),
  CreateDataType(POINTER, POINTER, POINTER, INT, POINTER),
  ModuleTypeSetValue(INT, POINTER, POINTER, POINTER),
  ModuleTypeGetType(POINTER, POINTER),
  ModuleTypeGetValue(POINTER, POINTER),
  SaveUnsigned(VOID, POINTER, LONG),
  LoadUnsigned(LONG, POINTER),
  SaveSigned(VOID, POINTER, LONG),
  LoadSigned(LONG, POINTER),
  SaveString(VOID, POINTER, POINTER),
  SaveStringBuffer(VOID, POINTER, POINTER, LONG),
  LoadString(POINTER, POINTER),
  LoadStringBuffer(POINTER, POINTER, POINTER),
  SaveDouble(VOID, POINTER, DOUBLE),
  LoadDouble(DOUBLE, POINTER),
  SaveFloat(VOID, POINTER, FLOAT),
  LoadFloat(FLOAT, POINTER),
  DigestAddStringBuffer(VOID, POINTER, POINTER, LONG),
  DigestAddLongLong(VOID, POINTER, LONG),
  DigestEndSequence(VOID, POINTER),
  EmitAOF(VOID, true, POINTER, POINTER, POINTER),
  Log(VOID, true, POINTER, POINTER, POINTER),
  LogIOError(VOID, true, POINTER, POINTER, POINTER),
  BlockClient(POINTER, POINTER, POINTER, POINTER, POINTER, LONG),
  UnblockClient(INT, POINTER, POINTER),
  AbortBlock(INT, POINTER),
  IsBlockedReplyRequest(INT, POINTER),
  IsBlockedTimeoutRequest(INT, POINTER),
  GetBlockedClientPrivateData(POINTER, POINTER),
  GetThreadSafeContext(POINTER, POINTER),
  FreeThreadSafeContext(VOID, POINTER),
  ThreadSafeContextLock(VOID, POINTER),
  ThreadSafeContextUnlock(VOID, POINTER),
  // Beyond the reference: how a timeout callback finds its blocked client.
  GetBlockedClientHandle(POINTER, POINTER),
  // Beyond the reference: how a module with data types reads corrupt RDB data without a panic.
  SetModuleOptions(VOID, POINTER, INT),
  IsIOError(INT, POINTER),
  // Beyond the reference: whether the caller is in MULTI, a script, a replica or loading.
  GetContextFlags(INT, POINTER),
  // Beyond the reference: the module's INFO section (the Java heap; the stub registers the
  // callback).
  InfoAddSection(INT, POINTER, POINTER),
  InfoAddFieldLongLong(INT, POINTER, POINTER, LONG);

  private final CType returns;
  private final boolean variadic;
  private final List<CType> parameters;

  ApiFunction(CType returns, CType... parameters) {
    this(returns, false, parameters);
  }

  ApiFunction(CType returns, boolean variadic, CType... parameters) {
    this.returns = returns;
    this.variadic = variadic;
    this.parameters = List.of(parameters);
  }

  /** The name {@code RedisModule_GetApi} knows the function by. */
  public String symbol() {
    return "RedisModule_" + name();
  }

  /** The C return type. */
  public CType returns() {
    return returns;
  }

  /** The fixed C parameter types. */
  public List<CType> parameters() {
    return parameters;
  }

  /**
   * The C signature shape that backends bind a non-variadic function by: the return type, {@code
   * _}, then each parameter ({@code i} int, {@code j} 64-bit integer or pointer, {@code d} double,
   * {@code f} float, {@code v} void), as {@code i_jj} for {@code int f(void *, long long)}.
   */
  public String shape() {
    StringBuilder shape = new StringBuilder().append(letter(returns)).append('_');
    parameters.forEach(parameter -> shape.append(letter(parameter)));
    return shape.toString();
  }

  private static char letter(CType type) {
    return switch (type) {
      case VOID -> 'v';
      case INT -> 'i';
      case LONG, POINTER -> 'j';
      case DOUBLE -> 'd';
      case FLOAT -> 'f';
    };
  }

  /** Whether the function takes further arguments after {@link #parameters()} ({@code ...}). */
  public boolean variadic() {
    return variadic;
  }
}
