package io.jrm.internal.binding.ffm;

import io.jrm.internal.binding.ApiFunction;
import java.util.EnumSet;
import java.util.Set;

/**
 * The API functions a downcall may make as a leaf: ones that return soon and never run Java before
 * they return. The ffm backend links them with {@code Linker.Option.critical}, which skips the
 * thread's state change around the call: a critical call that reached Java (a data type's free
 * callback when a write frees a value, a command run by {@code Call}) would crash the JVM, and one
 * that blocked ({@code ThreadSafeContextLock}) would stall every garbage collection.
 *
 * <p>Left out on purpose: {@code OpenKey} (it deletes an expired key, whose module value's free
 * callback is Java), {@code DeleteKey}, {@code StringSet} and {@code ModuleTypeSetValue} (they free
 * the old value), {@code Call}, blocking and thread-safe context functions, and the load-time ones
 * (no gain).
 */
public final class LeafFunctions {
  private static final Set<ApiFunction> LEAVES =
      EnumSet.of(
          ApiFunction.Alloc,
          ApiFunction.Calloc,
          ApiFunction.Realloc,
          ApiFunction.Free,
          ApiFunction.Strdup,
          ApiFunction.PoolAlloc,
          ApiFunction.IsKeysPositionRequest,
          ApiFunction.KeyAtPos,
          ApiFunction.Milliseconds,
          ApiFunction.AutoMemory,
          ApiFunction.CreateString,
          ApiFunction.CreateStringFromLongLong,
          ApiFunction.CreateStringFromString,
          ApiFunction.FreeString,
          ApiFunction.RetainString,
          ApiFunction.StringPtrLen,
          ApiFunction.StringToLongLong,
          ApiFunction.StringToDouble,
          ApiFunction.StringCompare,
          ApiFunction.StringAppendBuffer,
          ApiFunction.WrongArity,
          ApiFunction.ReplyWithLongLong,
          ApiFunction.ReplyWithError,
          ApiFunction.ReplyWithSimpleString,
          ApiFunction.ReplyWithArray,
          ApiFunction.ReplySetArrayLength,
          ApiFunction.ReplyWithStringBuffer,
          ApiFunction.ReplyWithString,
          ApiFunction.ReplyWithNull,
          ApiFunction.ReplyWithCallReply,
          ApiFunction.ReplyWithDouble,
          ApiFunction.ReplicateVerbatim,
          ApiFunction.GetClientId,
          ApiFunction.GetSelectedDb,
          ApiFunction.CloseKey,
          ApiFunction.KeyType,
          ApiFunction.ValueLength,
          ApiFunction.GetExpire,
          ApiFunction.SetExpire,
          ApiFunction.StringDMA,
          ApiFunction.StringTruncate,
          ApiFunction.ListPush,
          ApiFunction.ListPop,
          ApiFunction.ZsetAdd,
          ApiFunction.ZsetIncrby,
          ApiFunction.ZsetRem,
          ApiFunction.ZsetScore,
          ApiFunction.ZsetRangeStop,
          ApiFunction.ZsetRangeEndReached,
          ApiFunction.ZsetFirstInScoreRange,
          ApiFunction.ZsetLastInScoreRange,
          ApiFunction.ZsetFirstInLexRange,
          ApiFunction.ZsetLastInLexRange,
          ApiFunction.ZsetRangeCurrentElement,
          ApiFunction.ZsetRangeNext,
          ApiFunction.ZsetRangePrev,
          ApiFunction.FreeCallReply,
          ApiFunction.CallReplyType,
          ApiFunction.CallReplyLength,
          ApiFunction.CallReplyArrayElement,
          ApiFunction.CallReplyInteger,
          ApiFunction.CallReplyStringPtr,
          ApiFunction.CreateStringFromCallReply,
          ApiFunction.CallReplyProto,
          ApiFunction.ModuleTypeGetType,
          ApiFunction.ModuleTypeGetValue,
          ApiFunction.SaveUnsigned,
          ApiFunction.LoadUnsigned,
          ApiFunction.SaveSigned,
          ApiFunction.LoadSigned,
          ApiFunction.SaveString,
          ApiFunction.SaveStringBuffer,
          ApiFunction.LoadString,
          ApiFunction.LoadStringBuffer,
          ApiFunction.SaveDouble,
          ApiFunction.LoadDouble,
          ApiFunction.SaveFloat,
          ApiFunction.LoadFloat,
          ApiFunction.DigestAddStringBuffer,
          ApiFunction.DigestAddLongLong,
          ApiFunction.DigestEndSequence,
          ApiFunction.IsBlockedReplyRequest,
          ApiFunction.IsBlockedTimeoutRequest,
          ApiFunction.GetBlockedClientPrivateData,
          ApiFunction.GetBlockedClientHandle,
          ApiFunction.IsIOError,
          ApiFunction.GetContextFlags,
          ApiFunction.InfoAddSection,
          ApiFunction.InfoAddFieldLongLong);

  private LeafFunctions() {}

  /** Whether {@code function} may be linked as a critical (leaf) downcall. */
  public static boolean isLeaf(ApiFunction function) {
    return LEAVES.contains(function);
  }
}
