package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.RedisModuleApi;
import io.jrm.internal.types.SnapshotReader;
import io.jrm.internal.types.SnapshotSize;
import io.jrm.internal.types.SnapshotWriter;
import io.jrm.spi.TypeDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The module's data types and the values stored in keys, between Redis's type callbacks (C, in the
 * stub) and the generated {@link TypeDefinition}s. Runs in Redis's main thread, or under its lock.
 *
 * <p>Redis holds, for each value, a small native struct ({@code JavaValue} in the stub): the handle
 * of the Java object here, its type, and its serialized form. A forked child (BGSAVE, BGREWRITEAOF,
 * full sync) cannot run Java, so it writes values from that serialized form with pure C. Values are
 * serialized in the parent between commands ({@link #serializeSome}, from {@link
 * SerializationTimer}) and, for what is left, just before each fork ({@link #beforeFork}), and only
 * those that may have changed since: values created, loaded, or fetched through a key.
 *
 * <p>Methods that touch the registry are synchronized: Redis may free values from a background
 * thread ({@code FLUSHALL ASYNC}).
 */
final class DataTypes {
  // Layout of the stub's JavaValue struct: six 64-bit words. StubAbiTest checks these layouts.
  private static final int HANDLE = 0;
  private static final int TYPE = 8;
  private static final int RDB = 16;
  private static final int RDB_LENGTH = 24;
  private static final int AOF = 32;
  private static final int AOF_LENGTH = 40;
  private static final int VALUE_SIZE = 48;

  // Layout of the stub's type table: per type, a 16-byte NUL-terminated name, an encver word, and
  // per AuxPhase the aux_save output prepared for a forked child (a pointer and its length).
  private static final int TYPE_ENTRY_SIZE = 56;
  private static final int TYPE_ENCVER = 16;
  private static final int TYPE_AUX = 24;
  private static final int AUX_FORM_SIZE = 16;

  // RedisModuleTypeMethods of version 4, in 64-bit words: version, rdb_load, then rdb_save,
  // aof_rewrite, mem_usage, digest, free (FIRST_METHOD_WORD to FREE_WORD, the stub's methods in
  // that order), aux_load, aux_save, aux_save_triggers (an int, padded), free_effort, unlink, copy,
  // defrag, mem_usage2, free_effort2, unlink2, copy2. JRM sets the *2 methods, which get the keys.
  private static final int METHODS_VERSION = 4;
  private static final int METHOD_WORDS = 18;
  private static final int FIRST_METHOD_WORD = 2;
  private static final int FREE_WORD = 6;
  private static final int AUX_LOAD_WORD = 7;
  private static final int AUX_SAVE_WORD = 8;
  private static final int AUX_SAVE_TRIGGERS_WORD = 9;
  private static final int FREE_EFFORT2_WORD = 15;
  private static final int UNLINK2_WORD = 16;
  private static final int DEFRAG_WORD = 13;
  private static final int COPY2_WORD = 17;

  // The stub's version-4 methods, in the order ModuleEntry hands them over.
  private static final int COPY_METHOD = 0;
  private static final int FREE_EFFORT_METHOD = 1;
  private static final int UNLINK_METHOD = 2;

  // In register's defragMethods: the stub's defrag of JRM's part, and that plus the type's method.
  private static final int DEFRAG_FORMS = 0;
  private static final int DEFRAG_WITH_METHOD = 1;

  /** Redis keeps encvers in 10 bits. */
  private static final int MAX_ENCVER = 1023;

  /**
   * Suffix of the command a rewritten AOF rebuilds values with, when the type has no aofRewrite.
   */
  static final String RESTORE_COMMAND = ".jrm-restore";

  private final RedisModuleApi api;
  private final NativeBackend memory;
  private final String moduleName;
  private final List<TypeDefinition<?>> definitions;
  private final ModuleType[] types;

  /** Per type, the {@link AuxPhase} bits its auxSave is called for: 0 for a type without aux. */
  private final int[] auxTriggers;

  /** The stub's type table, where {@link #beforeFork} leaves each type's aux forms. */
  private final long typeTable;

  private final Map<Class<?>, Integer> indexByClass = new HashMap<>();
  private final Map<String, Integer> indexByName = new HashMap<>();
  private final List<Slot> slots = new ArrayList<>();
  private final ArrayDeque<Integer> freeHandles = new ArrayDeque<>();
  private final List<Slot> dirty = new ArrayList<>();

  /** How far {@link #serializeSome} went in {@link #dirty}: the values before are serialized. */
  private int drained;

  /**
   * What a fork may find left to serialize, in nanoseconds of serialization: the part of the fork
   * pause that is JRM's, which {@link #serializeToForkBudget} keeps under it however fast values
   * are written. About what the fork itself costs Redis at a million small values.
   */
  static final long FORK_BUDGET_NANOS = 2_000_000;

  /**
   * Nanoseconds one value took to serialize lately (a moving average over the timer's firings and
   * the serializations after commands): a few µs for a small value, tens after a fork, when the
   * first write to each page of native memory takes a copy-on-write fault.
   */
  private long nanosPerValue = 4_000;

  /** The values {@link #FORK_BUDGET_NANOS} serializes at {@link #nanosPerValue}. */
  private volatile int forkBudgetValues = (int) (FORK_BUDGET_NANOS / nanosPerValue);

  /** Values whose AOF commands are missing, to record when a rewrite would use them. */
  private final List<Slot> commandsMissing = new ArrayList<>();

  /**
   * Values freed while in {@link #dirty} or {@link #commandsMissing}: once they are half of those
   * lists, both drop their freed entries, so that creating and deleting values between forks (or
   * with no fork at all) does not grow them.
   */
  private int freedWhilePending;

  /** The bytes of every value's serialized forms in native memory (INFO's snapshot_bytes). */
  private long snapshotBytes;

  /**
   * The client-less contexts of the type callbacks, reused call after call (as commands reuse
   * theirs): loading an RDB file or a RESTORE makes one callback per value.
   */
  private final ContextStack scopes;

  /** The writer {@link #serialize} reuses value after value; null while it is in use. */
  private SnapshotWriter spareWriter = new SnapshotWriter(false);

  /**
   * Slots by value: one object must not be stored in two keys, its changes would go unseen. The
   * slot rather than its handle, which would cost a boxed Integer per value (16 of the ~80 bytes of
   * bookkeeping per value at a million values). Only the values commands have had in hand ({@link
   * Slot#tracked}): a value loaded from an RDB file, a RESTORE or a COPY enters at its first {@link
   * #get}, since no command can pass on an object it never had. Putting every loaded value in took
   * a quarter of the startup load of a million values (4.8 s instead of 3.7 on Java 17).
   */
  private final Map<Object, Slot> slotsByValue = new IdentityHashMap<>();

  /** One value Redis holds: the Java object and its native struct. */
  private static final class Slot {
    Object value;
    int type;
    long pointer;
    boolean dirty;

    /** Created or fetched through a key opened for writing since it was last serialized. */
    boolean written;

    /** The hash of its serialized form, to tell whether a value only read has changed. */
    int snapshotHash;

    /** Its type writes its own AOF commands, and none are recorded for its current content. */
    boolean commandsMissing;

    /** In {@link #slotsByValue}. */
    boolean tracked;
  }

  private DataTypes(
      RedisModuleApi api, String moduleName, List<TypeDefinition<?>> definitions, long typeTable) {
    this.api = api;
    this.memory = api.backend();
    this.scopes = new ContextStack(api);
    this.moduleName = moduleName;
    this.definitions = definitions;
    this.types = new ModuleType[definitions.size()];
    this.auxTriggers = new int[definitions.size()];
    this.typeTable = typeTable;
  }

  /**
   * Registers each type with Redis ({@code CreateDataType}): {@code loaders[i]} is the stub's
   * rdb_load of type {@code i}; {@code methods} its other type callbacks in struct order, from
   * rdb_save to free; {@code keyMethods} its copy2, free_effort2 and unlink2; {@code defragMethods}
   * its two defrag functions; {@code auxSavers} and {@code auxLoaders} the addresses of the stub's
   * arrays of aux_save and aux_load trampolines, one per type; {@code typeTable} the stub's table
   * of names and encvers, filled here for its C code. A type that declares aux gets aux_load,
   * aux_save and its triggers, asked here: types register after the module's {@code @OnLoad}, so
   * that the triggers may depend on its arguments. Every type gets copy2 (a type without its own
   * copy is copied through its encoding); free_effort2 and unlink2 only a type that declares them,
   * so that other values cost no upcall on UNLINK; defrag is the stub's C alone unless the type
   * declares {@code defrag}, so that active defrag of other values costs no upcall either.
   */
  static DataTypes register(
      RedisModuleApi api,
      long ctx,
      String moduleName,
      List<TypeDefinition<?>> definitions,
      long[] loaders,
      long[] methods,
      long[] keyMethods,
      long[] defragMethods,
      long auxSavers,
      long auxLoaders,
      long typeTable) {
    DataTypes registry = new DataTypes(api, moduleName, definitions, typeTable);
    for (int i = 0; i < definitions.size(); i++) {
      TypeDefinition<?> definition = definitions.get(i);
      long struct = api.calloc(METHOD_WORDS, Long.BYTES);
      try {
        registry.memory.writeWord(struct, METHODS_VERSION);
        registry.memory.writeWord(struct + Long.BYTES, loaders[i]);
        for (int m = 0; m < methods.length; m++) {
          registry.memory.writeWord(
              struct + (m + (long) FIRST_METHOD_WORD) * Long.BYTES, methods[m]);
        }
        registry.memory.writeWord(struct + COPY2_WORD * Long.BYTES, keyMethods[COPY_METHOD]);
        if (definition.hasFreeEffort()) {
          registry.memory.writeWord(
              struct + FREE_EFFORT2_WORD * Long.BYTES, keyMethods[FREE_EFFORT_METHOD]);
        }
        if (definition.hasUnlink()) {
          registry.memory.writeWord(struct + UNLINK2_WORD * Long.BYTES, keyMethods[UNLINK_METHOD]);
        }
        registry.memory.writeWord(
            struct + DEFRAG_WORD * Long.BYTES,
            defragMethods[definition.hasDefrag() ? DEFRAG_WITH_METHOD : DEFRAG_FORMS]);
        if (definition.hasAux()) {
          long trampoline = (long) i * Long.BYTES;
          registry.auxTriggers[i] = FlagBits.of(definition.auxSaveTriggers());
          registry.memory.writeWord(
              struct + AUX_LOAD_WORD * Long.BYTES,
              registry.memory.readWord(auxLoaders + trampoline));
          registry.memory.writeWord(
              struct + AUX_SAVE_WORD * Long.BYTES,
              registry.memory.readWord(auxSavers + trampoline));
          registry.memory.writeWord(
              struct + AUX_SAVE_TRIGGERS_WORD * Long.BYTES, registry.auxTriggers[i]);
        }
        long type =
            api.createDataType(ctx, cString(definition.name()), definition.encver(), struct);
        if (type == 0) {
          throw new IllegalStateException(
              "Redis refused data type "
                  + definition.name()
                  + ": another module has registered that name");
        }
        registry.types[i] = new ModuleType(definition.name(), definition.encver(), type);
      } finally {
        api.free(struct);
      }
      long entry = typeTable + (long) i * TYPE_ENTRY_SIZE;
      registry.memory.writeBytes(entry, cString(definition.name()));
      registry.memory.writeWord(entry + TYPE_ENCVER, definition.encver());
      registry.indexByClass.put(definition.type(), i);
      registry.indexByName.put(definition.name(), i);
    }
    return registry;
  }

  // Keys

  /** The type of the value in {@code key}, null when the key holds none of this module's. */
  ModuleType typeOf(long key) {
    long type = api.moduleTypeGetType(key);
    for (ModuleType candidate : types) {
      if (candidate.pointer() == type) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * The value of {@code type} in {@code key}: null for an empty key; WRONGTYPE for another type. A
   * value fetched to write may change: it is serialized again before the next fork. So is a value
   * fetched to read, which its caller may change in place all the same: the next fork then logs
   * that it changed, and writes it as it is.
   */
  synchronized <T> T get(long key, Class<T> type, boolean forWrite) {
    int index = indexOf(type);
    // The type first: a value of this type answers with one downcall less (an empty key or
    // another type has none of a module type).
    if (api.moduleTypeGetType(key) != types[index].pointer()) {
      if (api.keyType(key) == KeyType.EMPTY.ordinal()) {
        return null;
      }
      throw new RedisException(Key.WRONGTYPE);
    }
    Slot slot = slot(api.moduleTypeGetValue(key));
    markDirty(slot, forWrite); // even a value read may be changed in place: the next fork checks
    track(slot);
    return type.cast(slot.value);
  }

  /** Stores {@code value} in {@code key} ({@code ModuleTypeSetValue}), replacing what it held. */
  synchronized void set(long key, Object value) {
    int index = indexOf(value.getClass());
    Slot stored = slotsByValue.get(value);
    if (stored != null) {
      if (api.moduleTypeGetType(key) == types[index].pointer()
          && slot(api.moduleTypeGetValue(key)) == stored) {
        markDirty(stored, true); // stored again where it is: it may have changed
        return;
      }
      throw new IllegalArgumentException(
          "this "
              + value.getClass().getSimpleName()
              + " is already stored in another key: store a copy");
    }
    long pointer = newValue(index, value);
    track(slot(pointer));
    if (api.moduleTypeSetValue(key, types[index].pointer(), pointer) != Context.OK) {
      release(pointer);
      throw new RedisException("ERR the key is not open for writing");
    }
  }

  /**
   * Replaces the value of {@code key}, which holds one of {@code value}'s type, without freeing the
   * old one ({@code ModuleTypeReplaceValue}): the old object is returned, in no key any more, free
   * to be stored in another.
   */
  synchronized <T> T replace(long key, T value) {
    int index = indexOf(value.getClass());
    if (slotsByValue.containsKey(value)) {
      throw new IllegalArgumentException(
          "this " + value.getClass().getSimpleName() + " is already stored in a key: store a copy");
    }
    if (api.moduleTypeGetType(key) != types[index].pointer()) {
      throw new RedisException(
          api.keyType(key) == KeyType.EMPTY.ordinal()
              ? "ERR the key holds no value to replace"
              : Key.WRONGTYPE);
    }
    long pointer = newValue(index, value);
    track(slot(pointer));
    long[] old = new long[1];
    if (api.moduleTypeReplaceValue(key, types[index].pointer(), pointer, old) != Context.OK) {
      release(pointer);
      throw new RedisException("ERR the key is not open for writing");
    }
    @SuppressWarnings("unchecked") // the key held a value of T's data type
    T previous = (T) slot(old[0]).value;
    release(old[0]);
    return previous;
  }

  /**
   * {@code value}'s RDB encoding as a string ({@code SaveDataTypeToString}), which Redis writes
   * through the type's rdb_save: from the serialized form when it is current, else from Java.
   */
  synchronized long saveToString(long ctx, Object value) {
    int index = indexOf(value.getClass());
    Slot stored = slotsByValue.get(value);
    long pointer;
    if (stored != null) {
      pointer = stored.pointer;
    } else {
      Slot slot = newSlot(index, value); // for the call only: rdb_save finds values by struct
      markDirty(slot, true); // written by Java, it has no serialized form
      pointer = slot.pointer;
    }
    try {
      return api.saveDataTypeToString(ctx, pointer, types[index].pointer());
    } finally {
      if (stored == null) {
        release(pointer);
      }
    }
  }

  /**
   * A value of {@code type} loaded from {@code str} as written with {@code encver} ({@code
   * LoadDataTypeFromStringEncver}) through the type's rdb_load, in no key; null when the data is
   * corrupt or ends early (the load logged why).
   */
  synchronized <T> @Nullable T loadFromString(long str, Class<T> type, int encver) {
    int index = indexOf(type);
    long pointer = api.loadDataTypeFromStringEncver(str, types[index].pointer(), encver);
    if (pointer == 0) {
      return null;
    }
    Object value = slot(pointer).value;
    release(pointer);
    return type.cast(value);
  }

  private int indexOf(Class<?> type) {
    Integer index = indexByClass.get(type);
    if (index == null) {
      throw new IllegalArgumentException(
          type.getName() + " is not a @DataType of module " + moduleName);
    }
    return index;
  }

  /** A new value, to be serialized before the next fork. */
  private long newValue(int type, Object value) {
    Slot slot = newSlot(type, value);
    markDirty(slot, true);
    return slot.pointer;
  }

  // newSlot and slot run under the lock their callers hold: a second, nested monitor entry on
  // every command that reads a value would cost for nothing.
  private Slot newSlot(int type, Object value) {
    Slot slot = new Slot();
    slot.value = value;
    slot.type = type;
    slot.pointer = api.calloc(1, VALUE_SIZE);
    int handle;
    if (freeHandles.isEmpty()) {
      handle = slots.size();
      slots.add(slot);
    } else {
      handle = freeHandles.pop();
      slots.set(handle, slot);
    }
    memory.writeWord(slot.pointer + HANDLE, handle);
    memory.writeWord(slot.pointer + TYPE, type);
    if (definitions.get(type).rewritesAof()) {
      markCommandsMissing(slot);
    }
    return slot;
  }

  private Slot slot(long pointer) {
    return slots.get((int) memory.readWord(pointer + HANDLE));
  }

  /** Enters {@code slot} in {@link #slotsByValue}, once its object is in a command's hands. */
  private void track(Slot slot) {
    if (!slot.tracked) {
      slot.tracked = true;
      slotsByValue.put(slot.value, slot);
    }
  }

  /** Removes, in place, the slots of {@code list} that were freed or no longer wait. */
  private static void removeDone(List<Slot> list, Predicate<Slot> waiting) {
    int kept = 0;
    for (Slot slot : list) {
      if (slot.value != null && waiting.test(slot)) {
        list.set(kept++, slot);
      }
    }
    list.subList(kept, list.size()).clear();
  }

  /**
   * Marks {@code slot} for serialization at the next fork; {@code written}: it may have changed.
   */
  private void markDirty(Slot slot, boolean written) {
    if (!slot.dirty) {
      slot.dirty = true;
      dirty.add(slot);
    }
    slot.written |= written;
  }

  @SuppressWarnings("unchecked")
  private TypeDefinition<Object> definition(Slot slot) {
    return (TypeDefinition<Object>) definitions.get(slot.type);
  }

  // Redis's type callbacks, in the parent process

  /**
   * rdb_load: a new value of type {@code type}, already serialized for the next fork, or 0 (the
   * load fails) after a LogIOError line.
   */
  synchronized long rdbLoad(int type, long io, int encver) {
    RedisIO input = new RedisIO(scopes.enter(0), io);
    try {
      Slot slot = newSlot(type, definitions.get(type).load(input, encver));
      serializeLoaded(slot);
      return slot.pointer;
    } catch (Throwable t) {
      logLoadFailure(input, "a value", type, t);
      return 0;
    } finally {
      scopes.exit();
    }
  }

  /** The LogIOError line of a load that failed: {@code what} of type {@code type}, and why. */
  private void logLoadFailure(RedisIO input, String what, int type, Throwable failure) {
    input.logIoError(
        LogLevel.WARNING,
        "JRM: cannot load "
            + what
            + " of type "
            + definitions.get(type).name()
            + ": "
            + RedisException.oneLine(withHeapHint(failure)));
  }

  /**
   * Serializes a value just loaded, while loading anyway: otherwise the first fork after a restart
   * or a full sync would pause to serialize every value. A value whose serialized form does not fit
   * in the Java heap beside it still loads; it stays dirty, for the next fork to try again (and
   * fail, with a log line, if the heap is still too small).
   */
  private void serializeLoaded(Slot slot) {
    try {
      byte[] bytes = serialize(slot, false);
      storeSnapshot(slot, bytes, Arrays.hashCode(bytes));
    } catch (OutOfMemoryError e) {
      markDirty(slot, true);
    }
  }

  /**
   * rdb_save in the parent (SAVE, DEBUG RELOAD, DUMP, shutdown): true when the value's serialized
   * form is current, for the stub to write it with its C replay, as a forked child does: one upcall
   * per value, no Java work, no downcall per element. That is every value not fetched since its
   * form was made (loaded, restored, or prepared for a fork). A value that may have changed is
   * written here directly, element by element, which costs less than serializing it first; it stays
   * waiting for the next fork, which serializes it.
   */
  synchronized boolean rdbSave(long io, long pointer) {
    Slot slot = slot(pointer);
    if (!slot.dirty) {
      return true;
    }
    RedisIO output = new RedisIO(scopes.enter(0), io);
    try {
      definition(slot).save(slot.value, output);
    } finally {
      scopes.exit();
    }
    return false;
  }

  /** aof_rewrite in the parent: the type's own commands, or a restore from the RDB encoding. */
  synchronized void aofRewrite(long io, long key, long pointer) {
    Slot slot = slot(pointer);
    TypeDefinition<Object> definition = definition(slot);
    Context scope = scopes.enter(0);
    try {
      RedisIO output = new RedisIO(scope, io);
      RedisString keyName = new RedisString(scope, key, false);
      if (definition.rewritesAof()) {
        definition.rewriteAof(slot.value, keyName, output);
      } else {
        output.emit(
            moduleName + RESTORE_COMMAND,
            keyName,
            definition.name(),
            (long) definition.encver(),
            serialize(slot, false));
      }
    } finally {
      scopes.exit();
    }
  }

  /**
   * mem_usage: the value's native struct and the snapshots prepared for forks, plus its encoded
   * size, counted without a buffer, as an estimate of its Java objects. A type that counts itself
   * ({@code memUsage}) gets the struct plus its own count, without the snapshots: those come and go
   * as JRM serializes values between commands, and the figure should depend on the value alone.
   */
  synchronized long memUsage(long pointer) {
    Slot slot = slot(pointer);
    if (definition(slot).hasMemUsage()) {
      return VALUE_SIZE + definition(slot).memUsage(slot.value);
    }
    long snapshot = memory.readWord(pointer + RDB_LENGTH) + memory.readWord(pointer + AOF_LENGTH);
    SnapshotSize encoded = new SnapshotSize();
    definition(slot).save(slot.value, encoded);
    return VALUE_SIZE + snapshot + encoded.bytes();
  }

  /** digest: the canonical encoding, so that equal content digests equally. */
  synchronized void digest(long digest, long pointer) {
    Digest output = new Digest(scopes.enter(0), digest);
    try {
      output.addStringBuffer(serialize(slot(pointer), true));
      output.endSequence();
    } finally {
      scopes.exit();
    }
  }

  /**
   * free: Redis drops the value. JRM's part goes first, under the lock; then the class's {@code
   * free}, outside it: on Redis's lazy-free thread it may take its time without holding up the main
   * thread's commands, and it no longer sees the value in the registry. JRM's own temporary structs
   * (a value saved to a string, the old value of a replace, a refused set) go through {@link
   * #release} alone: Redis does not free those values, their Java objects live on.
   */
  void free(long pointer) {
    Object value;
    TypeDefinition<Object> definition;
    synchronized (this) {
      Slot slot = slot(pointer);
      value = slot.value;
      definition = definition(slot);
      release(pointer);
    }
    if (definition.hasFree()) {
      definition.free(value);
    }
  }

  /** Drops the value's bookkeeping and native struct, without the class's {@code free}. */
  private void release(long pointer) {
    int handle = (int) memory.readWord(pointer + HANDLE);
    Slot slot = slots.get(handle);
    if (slot.tracked) {
      slotsByValue.remove(slot.value);
    }
    if (slot.dirty || slot.commandsMissing) {
      freedWhilePending++;
    }
    slot.value = null;
    slot.dirty = false;
    slot.commandsMissing = false;
    slots.set(handle, null);
    freeHandles.push(handle);
    if (freedWhilePending > (dirty.size() + commandsMissing.size()) / 2) {
      removeDone(dirty, pending -> pending.dirty);
      removeDone(commandsMissing, pending -> pending.commandsMissing);
      freedWhilePending = 0;
      drained = 0; // the list moved: serializeSome starts again over what is left
    }
    snapshotBytes -= memory.readWord(pointer + RDB_LENGTH) + memory.readWord(pointer + AOF_LENGTH);
    api.free(memory.readWord(pointer + RDB));
    api.free(memory.readWord(pointer + AOF));
    api.free(pointer);
  }

  /**
   * copy2 (COPY): a new value for the destination key, from the type's {@code copy}, or else
   * decoded from the value's encoding; 0 (COPY fails) when the type's copy refuses.
   */
  synchronized long copy(long keys, long pointer) {
    Slot slot = slot(pointer);
    TypeDefinition<Object> definition = definition(slot);
    Context scope = scopes.enter(0);
    try {
      Object copy;
      if (definition.copies()) {
        copy = definition.copy(slot.value, new KeyOptContext(scope, keys));
      } else {
        SnapshotReader input = new SnapshotReader(serialize(slot, false), scope);
        copy = definition.load(input, definition.encver());
      }
      if (copy == null) {
        return 0;
      }
      if (copy == slot.value || slotsByValue.containsKey(copy)) {
        throw new IllegalStateException(
            definition.name() + " copy returned a value stored in a key: return a new object");
      }
      return newValue(slot.type, copy);
    } finally {
      scopes.exit();
    }
  }

  /** free_effort2: the type's {@code freeEffort}. */
  synchronized long freeEffort(long keys, long pointer) {
    Slot slot = slot(pointer);
    try {
      return definition(slot).freeEffort(slot.value, new KeyOptContext(scopes.enter(0), keys));
    } finally {
      scopes.exit();
    }
  }

  /** defrag: the type's {@code defrag}; whether it stopped early and wants another call. */
  synchronized boolean defrag(long defragCtx, long pointer) {
    Slot slot = slot(pointer);
    try {
      return definition(slot).defrag(slot.value, new DefragContext(scopes.enter(0), defragCtx));
    } finally {
      scopes.exit();
    }
  }

  /** unlink2: the type's {@code unlink}. */
  synchronized void unlink(long keys, long pointer) {
    Slot slot = slot(pointer);
    try {
      definition(slot).unlink(slot.value, new KeyOptContext(scopes.enter(0), keys));
    } finally {
      scopes.exit();
    }
  }

  /**
   * Serializes every value that may have changed since the last fork into its native struct, where
   * a forked child's C code finds it. Runs in the parent, just before Redis forks.
   *
   * <p>A value that cannot be serialized (its code throws, the Java heap is full) loses its
   * serialized form rather than keep the previous fork's, and stays dirty for the next fork: a
   * child finding a value without one fails the whole save, rewrite or sync, where the previous
   * form would have written stale data as if it were current. If this method throws, the stub fails
   * the child the same way, and the values it did not reach stay dirty.
   *
   * <p>Types with their own {@code aofRewrite} also get their commands recorded, but only when a
   * rewrite child would write commands (no RDB preamble): then for every value whose commands are
   * missing. Otherwise a changed value drops its old commands, and they are recorded at the first
   * fork that needs them; a child finding none rebuilds the value from its RDB encoding.
   *
   * @param rewritesAofAsCommands whether an AOF rewrite would write commands ({@code
   *     aof-use-rdb-preamble no}; BGREWRITEAOF rewrites even while AOF is off), which the stub
   *     reads outside the fork
   */
  synchronized void beforeFork(boolean rewritesAofAsCommands) {
    int failures = 0;
    Throwable firstFailure = null;
    String changedThroughRead = null;
    for (Slot slot : dirty) {
      if (slot.value == null || !slot.dirty) {
        continue; // freed since it was marked, or serialized between commands since
      }
      try {
        if (serializeChanged(slot)) {
          changedThroughRead = definition(slot).name();
        }
      } catch (Throwable t) {
        drop(slot.pointer + RDB);
        failures++;
        if (firstFailure == null) {
          firstFailure = t;
        }
      }
    }
    drained = 0;
    removeDone(dirty, slot -> slot.dirty);
    if (freedWhilePending > 0) {
      removeDone(commandsMissing, slot -> slot.commandsMissing);
      freedWhilePending = 0;
    }
    if (failures > 0) {
      warn(
          failures
              + " value(s) could not be serialized for this fork, so a BGSAVE, AOF rewrite or"
              + " full sync it starts fails; they are tried again at the next fork. First failure: "
              + withHeapHint(firstFailure));
    }
    if (changedThroughRead != null) {
      warnChangedThroughRead(changedThroughRead);
    }
    prepareAux();
    if (rewritesAofAsCommands) {
      for (Slot slot : commandsMissing) {
        if (slot.value != null && slot.commandsMissing) {
          slot.commandsMissing = false;
          try {
            store(slot.pointer + AOF, aofCommands(slot, definition(slot)));
          } catch (Throwable t) {
            drop(slot.pointer + AOF);
            warn(
                "aofRewrite of "
                    + definition(slot).name()
                    + " failed, so the rewrite restores"
                    + " the value from its RDB encoding: "
                    + t);
          }
        }
      }
      commandsMissing.clear();
    }
  }

  /**
   * Serializes values waiting for the next fork, from the event loop between commands, until {@code
   * budgetNanos} have passed: a fork then finds at most what was written since the last call,
   * instead of every value written since the last fork. A value that fails here stays waiting, for
   * the fork to try again and report.
   *
   * @return whether values are still waiting
   */
  synchronized boolean serializeSome(long budgetNanos) {
    serializeQueued(budgetNanos, 0);
    if (drained < dirty.size()) {
      return true;
    }
    removeDone(dirty, slot -> slot.dirty); // only the values that failed stay
    drained = 0;
    return false;
  }

  /**
   * Whether more values may wait than a fork should find ({@link #FORK_BUDGET_NANOS}). Read after
   * every command, so it takes no lock: an upper bound (values freed or serialized since they were
   * queued still count), and a lazy-free thread freeing values meanwhile only makes it smaller.
   */
  boolean overForkBudget() {
    return dirty.size() - drained > forkBudgetValues;
  }

  /**
   * Serializes waiting values until half of what a fork may find is left: called between commands
   * when writes come faster than the timer serializes, so that they, not the next fork, pay for
   * their serialization (as a C type's writes pay for writing its own memory), in steps of about
   * half the budget.
   */
  synchronized void serializeToForkBudget() {
    serializeQueued(Long.MAX_VALUE / 2, forkBudgetValues / 2);
  }

  /**
   * Serializes the queue's values in order until {@code budgetNanos} have passed or only {@code
   * left} entries are left. A value that fails here stays waiting, for the fork to try again and
   * report.
   */
  private void serializeQueued(long budgetNanos, int left) {
    long start = System.nanoTime();
    long deadline = start + budgetNanos;
    int serialized = 0;
    String changedThroughRead = null;
    while (dirty.size() - drained > left && System.nanoTime() - deadline < 0) {
      Slot slot = dirty.get(drained++);
      if (slot.value == null || !slot.dirty) {
        continue;
      }
      serialized++;
      try {
        if (serializeChanged(slot)) {
          changedThroughRead = definition(slot).name();
        }
      } catch (Throwable t) {
        // left dirty: the fork serializes it again, and reports a failure it cannot get past
      }
    }
    measured(serialized, System.nanoTime() - start);
    if (changedThroughRead != null) {
      warnChangedThroughRead(changedThroughRead);
    }
  }

  /** Updates {@link #nanosPerValue} with {@code values} serialized in {@code nanos}. */
  private void measured(int values, long nanos) {
    if (values >= 8) {
      nanosPerValue = Math.max(100, (3 * nanosPerValue + nanos / values) / 4);
      forkBudgetValues = (int) Math.max(16, FORK_BUDGET_NANOS / nanosPerValue);
    }
  }

  /**
   * Serializes a value that may have changed into its native struct (dropping its recorded AOF
   * commands, which are recorded again when needed) and marks it clean.
   *
   * @return whether it was only fetched to read and has changed all the same
   */
  private boolean serializeChanged(Slot slot) {
    if (definition(slot).rewritesAof()) {
      drop(slot.pointer + AOF);
      markCommandsMissing(slot);
    }
    byte[] bytes = serialize(slot, false);
    int hash = Arrays.hashCode(bytes);
    boolean changedThroughRead = !slot.written && hash != slot.snapshotHash;
    storeSnapshot(slot, bytes, hash);
    slot.dirty = false;
    return changedThroughRead;
  }

  private void warnChangedThroughRead(String typeName) {
    warn(
        "a "
            + typeName
            + " value fetched through a key opened for reading was changed"
            + " in place; it is saved as it is now, but change values only through keys opened for"
            + " writing (Context.writeKey), so that replicas and the AOF see the change");
  }

  /** The failure, and what to change when it is the Java heap that was too small. */
  private static String withHeapHint(Throwable failure) {
    return failure
        + (failure instanceof OutOfMemoryError
            ? " (the Java heap is too small for the data: raise jrm.xmx)"
            : "");
  }

  /** Stores the serialized form of {@code slot}, whose hash is {@code hash}. */
  private void storeSnapshot(Slot slot, byte[] bytes, int hash) {
    store(slot.pointer + RDB, bytes);
    slot.snapshotHash = hash;
    slot.written = false;
  }

  private void warn(String message) {
    api.log(
        0,
        cString(LogLevel.WARNING.redisName()),
        cString("%s"),
        cString("JRM: " + moduleName + ": " + RedisException.oneLine(message)));
  }

  private void markCommandsMissing(Slot slot) {
    if (!slot.commandsMissing) {
      slot.commandsMissing = true;
      commandsMissing.add(slot);
    }
  }

  /** Frees the native buffer whose pointer is at {@code field}, leaving NULL and length 0. */
  private void drop(long field) {
    snapshotBytes -= memory.readWord(field + Long.BYTES);
    freeBuffer(field);
  }

  /** {@link #drop} without counting: for aux forms. */
  private void freeBuffer(long field) {
    long buffer = memory.readWord(field);
    if (buffer != 0) {
      api.free(buffer);
      memory.writeWord(field, 0);
      memory.writeWord(field + Long.BYTES, 0);
    }
  }

  /** Replaces the native buffer whose pointer is at {@code field} (length in the next word). */
  private void store(long field, byte[] bytes) {
    snapshotBytes += bytes.length - memory.readWord(field + Long.BYTES);
    write(field, bytes);
  }

  /**
   * {@link #store} without counting the bytes in {@code snapshot_bytes}: aux forms are no value's.
   */
  private void write(long field, byte[] bytes) {
    long buffer = api.realloc(memory.readWord(field), Math.max(bytes.length, 1));
    memory.writeWord(field, buffer); // at once: realloc may have freed the old buffer
    memory.writeBytes(buffer, bytes);
    memory.writeWord(field + Long.BYTES, bytes.length);
  }

  /**
   * The value's RDB stream; with {@code canonical}, the form digests use, without format version
   * (nothing reads it back).
   */
  private byte[] serialize(Slot slot, boolean canonical) {
    SnapshotWriter out = spareWriter != null ? spareWriter : new SnapshotWriter(canonical);
    spareWriter = null; // a type's save reaching here again gets a writer of its own
    try {
      out.clear(canonical);
      if (!canonical) {
        out.saveFormatVersion();
      }
      definition(slot).save(slot.value, out);
      return out.toByteArray();
    } finally {
      spareWriter = out;
    }
  }

  /**
   * Stands for the key in recorded AOF commands (the child substitutes the key it is writing): no
   * real key name is likely to hold these bytes.
   */
  private static final byte[] KEY_PLACEHOLDER =
      "\0jrm:key-being-rewritten\0".getBytes(StandardCharsets.UTF_8);

  /** The type's own AOF commands for the value, with the key name left to the child. */
  private byte[] aofCommands(Slot slot, TypeDefinition<Object> definition) {
    SnapshotWriter out = new SnapshotWriter(false);
    Context scope = new Context(api, 0);
    try (RedisString key = scope.createString(KEY_PLACEHOLDER)) {
      definition.rewriteAof(
          slot.value,
          key,
          (command, args) -> {
            byte[][] arguments = new byte[args.length + 1][];
            arguments[0] = command.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < args.length; i++) {
              byte[] argument = bytesOf(args[i]);
              if (Arrays.equals(argument, KEY_PLACEHOLDER)) {
                arguments[i + 1] = null;
              } else if (contains(argument, KEY_PLACEHOLDER)) {
                throw new IllegalStateException(
                    "aofRewrite of "
                        + definition.name()
                        + " passes an argument made from the key name: pass the key itself");
              } else {
                arguments[i + 1] = argument;
              }
            }
            out.command(arguments);
          });
    } finally {
      scope.deactivate();
    }
    return out.toByteArray();
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] bytesOf(Object arg) {
    if (arg instanceof RedisString str) {
      return str.bytes();
    }
    if (arg instanceof byte[] bytes) {
      return bytes;
    }
    return String.valueOf(arg).getBytes(StandardCharsets.UTF_8);
  }

  // Module-wide state in the RDB: aux_save and aux_load

  /**
   * Records, in the stub's type table, what each type's auxSave writes for each phase it is
   * triggered for, where a forked child replays it (it cannot run Java). A type whose auxSave
   * throws is left without that form: the child then fails the save, as for a value that could not
   * be serialized.
   */
  private void prepareAux() {
    for (int i = 0; i < definitions.size(); i++) {
      for (AuxPhase phase : AuxPhase.values()) {
        if ((auxTriggers[i] & (1 << phase.ordinal())) == 0) {
          continue;
        }
        long field = auxField(i, phase);
        try {
          SnapshotWriter out = new SnapshotWriter(false);
          out.saveFormatVersion();
          definitions.get(i).auxSave(out, phase);
          write(field, out.toByteArray());
        } catch (Throwable t) {
          freeBuffer(field);
          warn(
              "auxSave of "
                  + definitions.get(i).name()
                  + " ("
                  + phase
                  + ") failed before a fork, so a BGSAVE, AOF rewrite or full sync it starts fails: "
                  + withHeapHint(t));
        }
      }
    }
  }

  /** Where the type table holds the aux form of {@code type} for {@code phase}. */
  private long auxField(int type, AuxPhase phase) {
    return typeTable + (long) type * TYPE_ENTRY_SIZE + TYPE_AUX + phase.ordinal() * AUX_FORM_SIZE;
  }

  /**
   * aux_save in the parent (SAVE, DEBUG RELOAD, shutdown): the type's auxSave writes to Redis
   * directly. {@code when} is Redis's {@code REDISMODULE_AUX_*} bit.
   */
  synchronized void auxSave(int type, long io, int when) {
    RedisIO output = new RedisIO(scopes.enter(0), io);
    try {
      definitions.get(type).auxSave(output, phaseOf(when));
    } finally {
      scopes.exit();
    }
  }

  /**
   * aux_load (startup, DEBUG RELOAD, a replica's full sync): whether the type's auxLoad read its
   * state; false after a LogIOError line, which fails the load of the file.
   */
  synchronized boolean auxLoad(int type, long io, int encver, int when) {
    RedisIO input = new RedisIO(scopes.enter(0), io);
    try {
      definitions.get(type).auxLoad(input, encver, phaseOf(when));
      return true;
    } catch (Throwable t) {
      logLoadFailure(input, "the module-wide state", type, t);
      return false;
    } finally {
      scopes.exit();
    }
  }

  private static AuxPhase phaseOf(int when) {
    return FlagBits.set(AuxPhase.class, when).iterator().next();
  }

  // What INFO's jrm section reports (RuntimeReport)

  /** The values Redis holds. */
  synchronized int valueCount() {
    return slots.size() - freeHandles.size();
  }

  /** The bytes of the serialized forms held in native memory for forks. */
  synchronized long snapshotBytes() {
    return snapshotBytes;
  }

  /**
   * The values waiting to be serialized, by the timer or the next fork: those that may have
   * changed.
   */
  synchronized int pendingValues() {
    int pending = 0;
    for (Slot slot : dirty) {
      if (slot.value != null && slot.dirty) {
        pending++;
      }
    }
    return pending;
  }

  /** The restore command: {@code <module>.jrm-restore key type encver encoding}. */
  void restore(Context ctx, RedisString[] argv) {
    if (argv.length != 5) {
      ctx.wrongArity();
      return;
    }
    RestorePermission.require(ctx, argv[1], moduleName + RESTORE_COMMAND);
    Integer type = indexByName.get(argv[2].toString());
    if (type == null) {
      throw new RedisException("ERR no data type " + argv[2] + " in module " + moduleName);
    }
    long encver = argv[3].toLongLong();
    if (encver < 0 || encver > MAX_ENCVER) {
      throw new RedisException("ERR encver must be 0 to " + MAX_ENCVER + ", got " + encver);
    }
    SnapshotReader input = new SnapshotReader(argv[4].bytes(), ctx);
    Object value = definitions.get(type).load(input, (int) encver);
    if (!input.exhausted()) {
      throw new RedisException("ERR corrupt serialized value: bytes left over");
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.WRITE)) {
      set(key.pointer(), value);
    }
    ctx.replyWithSimpleString("OK");
    ctx.replicateVerbatim();
  }
}
