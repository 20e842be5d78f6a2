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

/**
 * The module's data types and the values stored in keys, between Redis's type callbacks (C, in the
 * stub) and the generated {@link TypeDefinition}s. Runs in Redis's main thread, or under its lock.
 *
 * <p>Redis holds, for each value, a small native struct ({@code JavaValue} in the stub): the handle
 * of the Java object here, its type, and its serialized form. A forked child (BGSAVE, BGREWRITEAOF,
 * full sync) cannot run Java, so it writes values from that serialized form with pure C. Values are
 * serialized in the parent just before each fork ({@link #beforeFork}), and only those that may
 * have changed since the previous fork: values created, loaded, or fetched through a key opened for
 * writing.
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

  // Layout of the stub's type table: per type, a 16-byte NUL-terminated name and an encver word.
  private static final int TYPE_ENTRY_SIZE = 24;
  private static final int TYPE_ENCVER = 16;

  // RedisModuleTypeMethods of version 1: version, rdb_load, rdb_save, aof_rewrite, mem_usage,
  // digest, free.
  private static final int METHODS_VERSION = 1;
  private static final int METHOD_WORDS = 7;

  /** {@code REDISMODULE_OPTIONS_HANDLE_IO_ERRORS}. */
  private static final int HANDLE_IO_ERRORS = 1;

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
  private final Map<Class<?>, Integer> indexByClass = new HashMap<>();
  private final Map<String, Integer> indexByName = new HashMap<>();
  private final List<Slot> slots = new ArrayList<>();
  private final ArrayDeque<Integer> freeHandles = new ArrayDeque<>();
  private final List<Slot> dirty = new ArrayList<>();

  /** Values whose AOF commands are missing, to record when a rewrite would use them. */
  private final List<Slot> commandsMissing = new ArrayList<>();
  /** A context without client, for reading the AOF configuration before forks. */
  private ThreadSafeContext configuration;

  /** Handles by value: one object must not be stored in two keys, its changes would go unseen. */
  private final Map<Object, Integer> handles = new IdentityHashMap<>();

  /** One value Redis holds: the Java object and its native struct. */
  private static final class Slot {
    Object value;
    int type;
    long pointer;
    boolean dirty;
    /** Its type writes its own AOF commands, and none are recorded for its current content. */
    boolean commandsMissing;
  }

  private DataTypes(RedisModuleApi api, String moduleName, List<TypeDefinition<?>> definitions) {
    this.api = api;
    this.memory = api.backend();
    this.moduleName = moduleName;
    this.definitions = definitions;
    this.types = new ModuleType[definitions.size()];
  }

  /**
   * Registers each type with Redis ({@code CreateDataType}): {@code loaders[i]} is the stub's
   * rdb_load of type {@code i}; {@code methods} its other type callbacks in struct order; {@code
   * typeTable} the stub's table of names and encvers, filled here for its C code.
   */
  static DataTypes register(
      RedisModuleApi api,
      long ctx,
      String moduleName,
      List<TypeDefinition<?>> definitions,
      long[] loaders,
      long[] methods,
      long typeTable) {
    DataTypes registry = new DataTypes(api, moduleName, definitions);
    // Corrupt RDB data then fails the load of the value (RDB file, RESTORE, replication) with
    // a log line, where Redis would otherwise stop the server.
    api.setModuleOptions(ctx, HANDLE_IO_ERRORS);
    for (int i = 0; i < definitions.size(); i++) {
      TypeDefinition<?> definition = definitions.get(i);
      long struct = api.calloc(METHOD_WORDS, Long.BYTES);
      try {
        registry.memory.writeWord(struct, METHODS_VERSION);
        registry.memory.writeWord(struct + Long.BYTES, loaders[i]);
        for (int m = 0; m < methods.length; m++) {
          registry.memory.writeWord(struct + (m + 2L) * Long.BYTES, methods[m]);
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
   * value fetched to write may change: it is serialized again before the next fork.
   */
  synchronized <T> T get(long key, Class<T> type, boolean forWrite) {
    if (api.keyType(key) == KeyType.EMPTY.ordinal()) {
      return null;
    }
    int index = indexOf(type);
    if (api.moduleTypeGetType(key) != types[index].pointer()) {
      throw new RedisException(Key.WRONGTYPE);
    }
    Slot slot = slot(api.moduleTypeGetValue(key));
    if (forWrite) {
      markDirty(slot);
    }
    return type.cast(slot.value);
  }

  /** Stores {@code value} in {@code key} ({@code ModuleTypeSetValue}), replacing what it held. */
  synchronized void set(long key, Object value) {
    int index = indexOf(value.getClass());
    Integer stored = handles.get(value);
    if (stored != null) {
      if (api.moduleTypeGetType(key) == types[index].pointer()
          && slot(api.moduleTypeGetValue(key)) == slots.get(stored)) {
        markDirty(slots.get(stored)); // stored again where it is: it may have changed
        return;
      }
      throw new IllegalArgumentException(
          "this "
              + value.getClass().getSimpleName()
              + " is already stored in another key: store a copy");
    }
    long pointer = newValue(index, value);
    if (api.moduleTypeSetValue(key, types[index].pointer(), pointer) != Context.OK) {
      freeValue(pointer);
      throw new RedisException("ERR the key is not open for writing");
    }
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
    markDirty(slot);
    return slot.pointer;
  }

  private synchronized Slot newSlot(int type, Object value) {
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
    handles.put(value, handle);
    memory.writeWord(slot.pointer + HANDLE, handle);
    memory.writeWord(slot.pointer + TYPE, type);
    if (definitions.get(type).rewritesAof()) {
      markCommandsMissing(slot);
    }
    return slot;
  }

  private synchronized Slot slot(long pointer) {
    return slots.get((int) memory.readWord(pointer + HANDLE));
  }

  private void markDirty(Slot slot) {
    if (!slot.dirty) {
      slot.dirty = true;
      dirty.add(slot);
    }
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
    Context scope = new Context(api, 0);
    RedisIO input = new RedisIO(scope, io);
    try {
      Slot slot = newSlot(type, definitions.get(type).load(input, encver));
      // Serialized now, while loading anyway: otherwise the first fork after a restart or a full
      // sync would pause to serialize every value.
      store(slot.pointer + RDB, serialize(slot, false));
      return slot.pointer;
    } catch (Throwable t) {
      input.logIOError(
          LogLevel.WARNING,
          "JRM: cannot load a value of type "
              + definitions.get(type).name()
              + ": "
              + RedisException.oneLine(t.toString()));
      return 0;
    } finally {
      scope.deactivate();
    }
  }

  /** rdb_save in the parent (SAVE, DEBUG RELOAD, DUMP, shutdown): Java writes directly. */
  synchronized void rdbSave(long io, long pointer) {
    Slot slot = slot(pointer);
    Context scope = new Context(api, 0);
    try {
      definition(slot).save(slot.value, new RedisIO(scope, io));
    } finally {
      scope.deactivate();
    }
  }

  /** aof_rewrite in the parent: the type's own commands, or a restore from the RDB encoding. */
  synchronized void aofRewrite(long io, long key, long pointer) {
    Slot slot = slot(pointer);
    TypeDefinition<Object> definition = definition(slot);
    Context scope = new Context(api, 0);
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
      scope.deactivate();
    }
  }

  /**
   * mem_usage: the value's native struct and the snapshots prepared for forks, plus its encoded
   * size, counted without a buffer, as an estimate of its Java objects.
   */
  synchronized long memUsage(long pointer) {
    Slot slot = slot(pointer);
    long snapshot = memory.readWord(pointer + RDB_LENGTH) + memory.readWord(pointer + AOF_LENGTH);
    SnapshotSize encoded = new SnapshotSize();
    definition(slot).save(slot.value, encoded);
    return VALUE_SIZE + snapshot + encoded.bytes();
  }

  /** digest: the canonical encoding, so that equal content digests equally. */
  synchronized void digest(long digest, long pointer) {
    Digest output = new Digest(api, digest);
    output.addStringBuffer(serialize(slot(pointer), true));
    output.endSequence();
  }

  /** free: Redis drops the value. */
  synchronized void freeValue(long pointer) {
    int handle = (int) memory.readWord(pointer + HANDLE);
    Slot slot = slots.get(handle);
    handles.remove(slot.value);
    slot.value = null;
    slot.dirty = false;
    slot.commandsMissing = false;
    slots.set(handle, null);
    freeHandles.push(handle);
    api.free(memory.readWord(pointer + RDB));
    api.free(memory.readWord(pointer + AOF));
    api.free(pointer);
  }

  /**
   * Serializes every value that may have changed since the last fork into its native struct, where
   * a forked child's C code finds it. Runs in the parent, just before Redis forks.
   *
   * <p>Types with their own {@code aofRewrite} also get their commands recorded, but only when a
   * rewrite child would write commands (no RDB preamble): then for every value whose commands are
   * missing. Otherwise a changed value drops its old commands, and they are recorded at the first
   * fork that needs them; a child finding none rebuilds the value from its RDB encoding.
   */
  synchronized void beforeFork() {
    boolean commands =
        (!dirty.isEmpty() || !commandsMissing.isEmpty()) && rewritesAofAsCommands();
    for (Slot slot : dirty) {
      if (slot.value == null || !slot.dirty) {
        continue; // freed since it was marked
      }
      slot.dirty = false;
      try {
        store(slot.pointer + RDB, serialize(slot, false));
      } catch (RuntimeException e) {
        warn("a " + definition(slot).name() + " value cannot be serialized, so the fork writes"
            + " it as it was at the previous fork: " + e);
      }
      if (definition(slot).rewritesAof()) {
        drop(slot.pointer + AOF);
        markCommandsMissing(slot);
      }
    }
    dirty.clear();
    if (commands) {
      for (Slot slot : commandsMissing) {
        if (slot.value != null && slot.commandsMissing) {
          slot.commandsMissing = false;
          try {
            store(slot.pointer + AOF, aofCommands(slot, definition(slot)));
          } catch (RuntimeException e) {
            warn("aofRewrite of " + definition(slot).name() + " failed, so the rewrite restores"
                + " the value from its RDB encoding: " + e);
          }
        }
      }
      commandsMissing.clear();
    }
  }

  private void warn(String message) {
    api.log(0, cString(LogLevel.WARNING.redisName()), cString("%s"),
        (Object) cString("JRM: " + moduleName + ": " + RedisException.oneLine(message)));
  }

  private void markCommandsMissing(Slot slot) {
    if (!slot.commandsMissing) {
      slot.commandsMissing = true;
      commandsMissing.add(slot);
    }
  }

  /**
   * Whether an AOF rewrite would write commands rather than an RDB preamble; BGREWRITEAOF rewrites
   * even while AOF is off.
   */
  private boolean rewritesAofAsCommands() {
    if (configuration == null) {
      configuration = ThreadSafeContext.create(api, 0);
    }
    // The main thread runs this, inside fork(): it already holds what the lock would give.
    try (CallReply reply =
        configuration.context().call("CONFIG", "GET", "aof-use-rdb-preamble")) {
      return reply.length() == 2 && "no".equals(reply.element(1).string());
    }
  }

  /** Frees the native buffer whose pointer is at {@code field}, leaving NULL and length 0. */
  private void drop(long field) {
    long buffer = memory.readWord(field);
    if (buffer != 0) {
      api.free(buffer);
      memory.writeWord(field, 0);
      memory.writeWord(field + Long.BYTES, 0);
    }
  }

  /** Replaces the native buffer whose pointer is at {@code field} (length in the next word). */
  private void store(long field, byte[] bytes) {
    long buffer = api.realloc(memory.readWord(field), Math.max(bytes.length, 1));
    memory.writeBytes(buffer, bytes);
    memory.writeWord(field, buffer);
    memory.writeWord(field + Long.BYTES, bytes.length);
  }

  private byte[] serialize(Slot slot, boolean canonical) {
    SnapshotWriter out = new SnapshotWriter(canonical);
    definition(slot).save(slot.value, out);
    return out.toByteArray();
  }

  /**
   * Stands for the key in recorded AOF commands (the child substitutes the key it is writing):
   * no real key name is likely to hold these bytes.
   */
  private static final byte[] KEY_PLACEHOLDER = "\0jrm:key-being-rewritten\0".getBytes(StandardCharsets.UTF_8);

  /** The type's own AOF commands for the value, with the key name left to the child. */
  private byte[] aofCommands(Slot slot, TypeDefinition<Object> definition) {
    SnapshotWriter out = new SnapshotWriter(false);
    Context scope = new Context(api, 0);
    try (RedisString key = scope.createString(KEY_PLACEHOLDER)) {
      definition.rewriteAof(slot.value, key, (command, args) -> {
        byte[][] arguments = new byte[args.length + 1][];
        arguments[0] = command.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < args.length; i++) {
          byte[] argument = bytesOf(args[i]);
          if (Arrays.equals(argument, KEY_PLACEHOLDER)) {
            arguments[i + 1] = null;
          } else if (contains(argument, KEY_PLACEHOLDER)) {
            throw new IllegalStateException("aofRewrite of " + definition.name()
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
    SnapshotReader input = new SnapshotReader(argv[4].bytes(), ctx::createString);
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
