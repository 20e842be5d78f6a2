package io.jrm.conformance.mallocsize;

import io.jrm.Context;
import io.jrm.NativeBuffer;
import io.jrm.RadixDict;
import io.jrm.RdbInput;
import io.jrm.RdbOutput;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The type {@code allocsize} of Redis's tests/modules/mallocsize.c (C's udt_t): raw bytes in
 * Redis's allocator, a retained string, or a dictionary of retained strings. MEMORY USAGE counts
 * what each holds through Redis's allocator (MallocSize, MallocSizeString), and {@link #free}
 * releases it when Redis frees the value.
 *
 * <p>One difference from C: C's rdb_load reads half of the dictionary's pairs (its loop steps by
 * two over the pair count) and leaves the rest unread; this one reads every pair it saved.
 */
@DataType(name = "allocsize", encver = 0)
public final class AllocSizeValue {
  /** C's sizeof(udt_t): the kind (an enum, padded to a word) and a union of two words. */
  private static final long UDT_SIZE = 3L * Long.BYTES;

  /** C's udt_type_t, saved as its ordinal. */
  private enum Kind {
    RAW,
    STRING,
    DICT
  }

  private final Kind kind;
  private final @Nullable NativeBuffer raw;
  private final @Nullable RedisString string;
  private final @Nullable RadixDict<RedisString> dict;

  private AllocSizeValue(
      Kind kind,
      @Nullable NativeBuffer raw,
      @Nullable RedisString string,
      @Nullable RadixDict<RedisString> dict) {
    this.kind = kind;
    this.raw = raw;
    this.string = string;
    this.dict = dict;
  }

  /** {@code length} bytes of Redis's allocator, left as they come (MALLOCSIZE.SETRAW). */
  static AllocSizeValue raw(Context ctx, long length) {
    return new AllocSizeValue(Kind.RAW, ctx.alloc(length), null, null);
  }

  /** {@code string}, retained (MALLOCSIZE.SETSTR). */
  static AllocSizeValue string(RedisString string) {
    return new AllocSizeValue(Kind.STRING, null, string.retain(), null);
  }

  /**
   * A dictionary of the pairs {@code fieldsAndValues[from..]}, each value retained; a field given
   * twice keeps its first value, as C's DictSet (MALLOCSIZE.SETDICT).
   */
  static AllocSizeValue dict(Context ctx, RedisString[] fieldsAndValues, int from) {
    RadixDict<RedisString> dict = RadixDict.create(ctx);
    for (int i = from; i + 1 < fieldsAndValues.length; i += 2) {
      if (dict.putIfAbsent(fieldsAndValues[i].bytes(), fieldsAndValues[i + 1])) {
        fieldsAndValues[i + 1].retain();
      }
    }
    return new AllocSizeValue(Kind.DICT, null, null, dict);
  }

  /** The kind, then the bytes, the string, or the pair count and each field and value. */
  public void rdbSave(RdbOutput out) {
    out.saveUnsigned(kind.ordinal());
    switch (kind) {
      case RAW -> {
        NativeBuffer buffer = Objects.requireNonNull(raw);
        out.saveStringBuffer(buffer.read(0, Math.toIntExact(buffer.size())));
      }
      case STRING -> out.saveString(Objects.requireNonNull(string));
      case DICT -> {
        List<Map.Entry<byte[], RedisString>> entries = entries();
        out.saveUnsigned(entries.size());
        for (Map.Entry<byte[], RedisString> entry : entries) {
          out.saveStringBuffer(entry.getKey());
          out.saveString(entry.getValue());
        }
      }
    }
  }

  /** Reads what {@link #rdbSave} wrote, into memory of Redis's allocator as C does. */
  public static AllocSizeValue rdbLoad(RdbInput in, int encver) {
    if (encver != 0) {
      throw new RedisException("ERR allocsize encver " + encver + " is not 0");
    }
    Context ctx = Objects.requireNonNull(in.context(), "a load with a context");
    long kind = in.loadUnsigned();
    if (kind == Kind.RAW.ordinal()) {
      byte[] bytes = in.loadStringBuffer();
      AllocSizeValue value = raw(ctx, bytes.length);
      Objects.requireNonNull(value.raw).write(0, bytes);
      return value;
    }
    if (kind == Kind.STRING.ordinal()) {
      return string(in.loadString());
    }
    if (kind == Kind.DICT.ordinal()) {
      long pairs = in.loadUnsigned();
      RadixDict<RedisString> dict = RadixDict.create(ctx);
      for (long i = 0; i < pairs; i++) {
        byte[] field = in.loadStringBuffer();
        RedisString value = in.loadString();
        if (dict.putIfAbsent(field, value)) {
          value.retain();
        } else {
          value.close(); // a field saved twice: the first value stays, as setdict kept it
        }
      }
      return new AllocSizeValue(Kind.DICT, null, null, dict);
    }
    throw new RedisException("ERR allocsize kind " + kind + " is not 0, 1 or 2");
  }

  /**
   * C's udt_mem_usage: the struct, plus the allocation of the bytes or of the string, or for a
   * dictionary each field's length and each value's allocation.
   */
  public long memUsage() {
    return UDT_SIZE
        + switch (kind) {
          case RAW -> Objects.requireNonNull(raw).mallocSize();
          case STRING -> Objects.requireNonNull(string).mallocSize();
          case DICT -> {
            long size = 0;
            for (Map.Entry<byte[], RedisString> entry : entries()) {
              size += entry.getKey().length + entry.getValue().mallocSize();
            }
            yield size;
          }
        };
  }

  /** C's udt_free: gives the bytes, the string, or the values and the dictionary back to Redis. */
  public void free() {
    switch (kind) {
      case RAW -> Objects.requireNonNull(raw).close();
      case STRING -> Objects.requireNonNull(string).close();
      case DICT -> {
        RadixDict<RedisString> entries = Objects.requireNonNull(dict);
        for (Map.Entry<byte[], RedisString> entry : entries()) {
          entry.getValue().close();
        }
        entries.close();
      }
    }
  }

  /** The dictionary's pairs in key order. */
  private List<Map.Entry<byte[], RedisString>> entries() {
    RadixDict<RedisString> entries = Objects.requireNonNull(dict);
    List<Map.Entry<byte[], RedisString>> all = new ArrayList<>();
    for (Map.Entry<byte[], RedisString> entry = entries.firstEntry();
        entry != null;
        entry = entries.higherEntry(entry.getKey())) {
      all.add(entry);
    }
    return all;
  }
}
