package io.jrm.internal.binding;

import static io.jrm.internal.binding.CType.DOUBLE;
import static io.jrm.internal.binding.CType.INT;
import static io.jrm.internal.binding.CType.LONG;
import static io.jrm.internal.binding.CType.POINTER;
import static io.jrm.internal.binding.CType.VOID;

import java.util.List;

/**
 * The Redis Module API, described once: each constant is one {@code RedisModule_<name>} function
 * with its C return and parameter types. Every backend binds its calls from this table, and the
 * typed {@link RedisModuleApi} calls through it.
 */
@SuppressWarnings("checkstyle:EnumConstantName") // the constants mirror the C names one to one
public enum ApiFunction {
  // Module set-up. GetApi is found in the first word of the context, the rest through GetApi.
  GetApi(INT, POINTER, POINTER),
  SetModuleAttribs(VOID, POINTER, POINTER, INT, INT),
  IsModuleNameBusy(INT, POINTER),
  CreateCommand(INT, POINTER, POINTER, POINTER, POINTER, INT, INT, INT),
  // Context
  GetSelectedDb(INT, POINTER),
  Milliseconds(LONG),
  Log(VOID, true, POINTER, POINTER, POINTER),
  AutoMemory(VOID, POINTER),
  // Strings
  CreateString(POINTER, POINTER, POINTER, LONG),
  CreateStringFromLongLong(POINTER, POINTER, LONG),
  CreateStringFromString(POINTER, POINTER, POINTER),
  FreeString(VOID, POINTER, POINTER),
  StringPtrLen(POINTER, POINTER, POINTER),
  StringToLongLong(INT, POINTER, POINTER),
  StringToDouble(INT, POINTER, POINTER),
  // Replies
  WrongArity(INT, POINTER),
  ReplyWithLongLong(INT, POINTER, LONG),
  ReplyWithError(INT, POINTER, POINTER),
  ReplyWithSimpleString(INT, POINTER, POINTER),
  ReplyWithArray(INT, POINTER, LONG),
  ReplySetArrayLength(VOID, POINTER, LONG),
  ReplyWithStringBuffer(INT, POINTER, POINTER, LONG),
  ReplyWithString(INT, POINTER, POINTER),
  ReplyWithNull(INT, POINTER),
  ReplyWithDouble(INT, POINTER, DOUBLE),
  ReplyWithCallReply(INT, POINTER, POINTER),
  // Calling Redis
  Call(POINTER, true, POINTER, POINTER, POINTER),
  CallReplyType(INT, POINTER),
  CallReplyLength(LONG, POINTER),
  CallReplyArrayElement(POINTER, POINTER, LONG),
  CallReplyInteger(LONG, POINTER),
  CallReplyStringPtr(POINTER, POINTER, POINTER),
  CallReplyProto(POINTER, POINTER, POINTER),
  CreateStringFromCallReply(POINTER, POINTER),
  FreeCallReply(VOID, POINTER);

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

  /** Whether the function takes further arguments after {@link #parameters()} ({@code ...}). */
  public boolean variadic() {
    return variadic;
  }
}
