package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The module's configs ({@code RegisterBoolConfig} and the others). Redis holds each config's
 * handle (its index here plus one, never an address) as privdata and passes it to the stub's
 * trampolines, which call {@link ModuleEntry#configGet}, {@code configSet} and {@code configApply}:
 * values cross as one long (a boolean as 0 or 1, an enum's int, a number, a string's {@code
 * RedisModuleString} pointer). Main thread only: Redis registers, reads and sets configs there.
 */
final class ModuleConfigs {
  private static final int OK = 0;
  // Indexes into the stub's callback functions (callback_functions in module_stub.c).
  static final int GET_INT_CALLBACK = 10;
  static final int GET_NUMERIC_CALLBACK = 11;
  static final int GET_STRING_CALLBACK = 12;
  static final int SET_INT_CALLBACK = 13;
  static final int SET_NUMERIC_CALLBACK = 14;
  static final int SET_STRING_CALLBACK = 15;
  static final int APPLY_CALLBACK = 16;

  private static final List<Registered<?>> configs = new ArrayList<>();

  /** Whether LoadConfigs has run. */
  private static boolean loaded;

  private ModuleConfigs() {}

  /** How a config's values cross to and from Redis as one long. */
  private interface Conversion<T> {
    T fromRedis(RedisModuleApi api, long value);

    long toRedis(RedisModuleApi api, T value);
  }

  private static final Conversion<Boolean> BOOL =
      new Conversion<>() {
        @Override
        public Boolean fromRedis(RedisModuleApi api, long value) {
          return value != 0;
        }

        @Override
        public long toRedis(RedisModuleApi api, Boolean value) {
          return value ? 1 : 0;
        }
      };

  private static final Conversion<Long> NUMERIC =
      new Conversion<>() {
        @Override
        public Long fromRedis(RedisModuleApi api, long value) {
          return value;
        }

        @Override
        public long toRedis(RedisModuleApi api, Long value) {
          return value;
        }
      };

  private static final Conversion<Integer> ENUM =
      new Conversion<>() {
        @Override
        public Integer fromRedis(RedisModuleApi api, long value) {
          return (int) value;
        }

        @Override
        public long toRedis(RedisModuleApi api, Integer value) {
          return value;
        }
      };

  /** A string crosses as a RedisModuleString Redis only reads: a new one per get (see shown). */
  private static final Conversion<byte[]> STRING =
      new Conversion<>() {
        @Override
        public byte[] fromRedis(RedisModuleApi api, long value) {
          long[] length = new long[1];
          return api.copyOut(api.stringPtrLen(value, length), length);
        }

        @Override
        public long toRedis(RedisModuleApi api, byte[] value) {
          return api.createString(0, value, value.length);
        }
      };

  /** One registered config. */
  private static final class Registered<T> {
    final String name;
    final Conversion<T> conversion;
    final ConfigGetter<T> getter;
    final ConfigSetter<T> setter;
    final @Nullable ConfigApply apply;

    /** The string last handed to Redis by a string config's get, 0 for none: Java frees it. */
    long shown;

    Registered(
        String name,
        Conversion<T> conversion,
        ConfigGetter<T> getter,
        ConfigSetter<T> setter,
        @Nullable ConfigApply apply) {
      this.name = name;
      this.conversion = conversion;
      this.getter = getter;
      this.setter = setter;
      this.apply = apply;
    }

    long get(RedisModuleApi api) {
      T value = getter.get(name);
      if (value == null) {
        throw new NullPointerException("the getter of config " + name + " returned null");
      }
      long redis = conversion.toRedis(api, value);
      if (conversion == STRING) {
        // Redis reads the returned string before it asks again: the previous one is done with.
        release(api);
        shown = redis;
      }
      return redis;
    }

    void set(RedisModuleApi api, long value) throws Exception {
      setter.set(name, conversion.fromRedis(api, value));
    }

    void release(RedisModuleApi api) {
      if (shown != 0) {
        api.freeString(0, shown);
        shown = 0;
      }
    }
  }

  static void registerBool(
      Context ctx,
      String name,
      boolean defaultValue,
      Set<ConfigFlag> flags,
      ConfigGetter<Boolean> getter,
      ConfigSetter<Boolean> setter,
      @Nullable ConfigApply apply) {
    long handle = add(name, BOOL, getter, setter, apply, flags, Set.of());
    check(
        ctx.api()
            .registerBoolConfig(
                ctx.pointer(),
                cString(name),
                defaultValue ? 1 : 0,
                ConfigFlag.mask(flags),
                callback(GET_INT_CALLBACK),
                callback(SET_INT_CALLBACK),
                applyCallback(apply),
                handle),
        name);
  }

  static void registerNumeric(
      Context ctx,
      String name,
      long defaultValue,
      Set<ConfigFlag> flags,
      long min,
      long max,
      ConfigGetter<Long> getter,
      ConfigSetter<Long> setter,
      @Nullable ConfigApply apply) {
    if (min > max || defaultValue < min || defaultValue > max) {
      throw new IllegalArgumentException(
          "config "
              + name
              + ": the default "
              + defaultValue
              + " is not in ["
              + min
              + ", "
              + max
              + "]");
    }
    long handle = add(name, NUMERIC, getter, setter, apply, flags, Set.of(ConfigFlag.MEMORY));
    check(
        ctx.api()
            .registerNumericConfig(
                ctx.pointer(),
                cString(name),
                defaultValue,
                ConfigFlag.mask(flags),
                min,
                max,
                callback(GET_NUMERIC_CALLBACK),
                callback(SET_NUMERIC_CALLBACK),
                applyCallback(apply),
                handle),
        name);
  }

  static void registerString(
      Context ctx,
      String name,
      byte @Nullable [] defaultValue,
      Set<ConfigFlag> flags,
      ConfigGetter<byte[]> getter,
      ConfigSetter<byte[]> setter,
      @Nullable ConfigApply apply) {
    long handle = add(name, STRING, getter, setter, apply, flags, Set.of());
    // Redis copies the default as a C string: it ends at its first NUL.
    byte[] value =
        defaultValue == null ? null : Arrays.copyOf(defaultValue, defaultValue.length + 1);
    check(
        ctx.api()
            .registerStringConfig(
                ctx.pointer(),
                cString(name),
                value,
                ConfigFlag.mask(flags),
                callback(GET_STRING_CALLBACK),
                callback(SET_STRING_CALLBACK),
                applyCallback(apply),
                handle),
        name);
  }

  static void registerEnum(
      Context ctx,
      String name,
      int defaultValue,
      Set<ConfigFlag> flags,
      Map<String, Integer> values,
      ConfigGetter<Integer> getter,
      ConfigSetter<Integer> setter,
      @Nullable ConfigApply apply) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("enum config " + name + " needs at least one value");
    }
    long handle = add(name, ENUM, getter, setter, apply, flags, Set.of(ConfigFlag.BITFLAGS));
    RedisModuleApi api = ctx.api();
    // Redis copies the names and numbers: C strings and arrays that live for the call only.
    ByteBuffer names =
        ByteBuffer.allocate(values.size() * Long.BYTES).order(ByteOrder.nativeOrder());
    ByteBuffer numbers =
        ByteBuffer.allocate(values.size() * Integer.BYTES).order(ByteOrder.nativeOrder());
    List<Long> copies = new ArrayList<>();
    try {
      for (Map.Entry<String, Integer> value : values.entrySet()) {
        long copy = api.strdup(cString(value.getKey()));
        copies.add(copy);
        names.putLong(copy);
        numbers.putInt(value.getValue());
      }
      check(
          api.registerEnumConfig(
              ctx.pointer(),
              cString(name),
              defaultValue,
              ConfigFlag.mask(flags),
              names.array(),
              numbers.array(),
              values.size(),
              callback(GET_INT_CALLBACK),
              callback(SET_INT_CALLBACK),
              applyCallback(apply),
              handle),
          name);
    } finally {
      copies.forEach(api::free);
    }
  }

  /** Runs the module's configs' setters with their load values ({@code LoadConfigs}). */
  static void load(Context ctx) {
    loaded = true;
    if (ctx.api().loadConfigs(ctx.pointer()) != OK) {
      throw new IllegalStateException(
          "LoadConfigs failed: Redis refused a value of the module's configs (its log says which)");
    }
  }

  /** {@return whether the module has registered a config} */
  static boolean registered() {
    return !configs.isEmpty();
  }

  /** {@return whether {@link #load} has run} */
  static boolean loaded() {
    return loaded;
  }

  private static <T> long add(
      String name,
      Conversion<T> conversion,
      ConfigGetter<T> getter,
      ConfigSetter<T> setter,
      @Nullable ConfigApply apply,
      Set<ConfigFlag> flags,
      Set<ConfigFlag> typeFlags) {
    if (getter == null || setter == null) {
      throw new NullPointerException("config " + name + " needs a getter and a setter");
    }
    for (ConfigFlag flag : Set.of(ConfigFlag.MEMORY, ConfigFlag.BITFLAGS)) {
      if (flags.contains(flag) && !typeFlags.contains(flag)) {
        throw new IllegalArgumentException(
            "config "
                + name
                + ": "
                + flag
                + " is for "
                + (flag == ConfigFlag.MEMORY ? "numeric" : "enum")
                + " configs only");
      }
    }
    configs.add(new Registered<>(name, conversion, getter, setter, apply));
    return configs.size();
  }

  /** A refused registration: the name is taken or invalid, or it is not OnLoad any more. */
  private static void check(int rc, String name) {
    if (rc != OK) {
      configs.remove(configs.size() - 1);
      throw new IllegalArgumentException(
          "Redis refused config "
              + name
              + ": its name is taken or not valid (letters, digits, '-' and '_'), its flags are"
              + " refused, or this is not the module's OnLoad");
    }
  }

  private static long callback(int index) {
    return ModuleEntry.callbacks()[index];
  }

  private static long applyCallback(@Nullable ConfigApply apply) {
    return apply == null ? 0 : callback(APPLY_CALLBACK);
  }

  private static Registered<?> config(long handle) {
    return configs.get((int) handle - 1);
  }

  /** The name of the config of {@code handle}, for a log line. */
  static String name(long handle) {
    return config(handle).name;
  }

  static long get(RedisModuleApi api, long handle) {
    return config(handle).get(api);
  }

  static void set(RedisModuleApi api, long handle, long value) throws Exception {
    config(handle).set(api, value);
  }

  static void apply(Context ctx, long handle) throws Exception {
    ConfigApply apply = config(handle).apply;
    if (apply != null) {
      apply.apply(ctx);
    }
  }

  /** Frees what Java handed to Redis and forgets the configs: the module unloads. */
  static void release(RedisModuleApi api) {
    configs.forEach(config -> config.release(api));
    configs.clear();
  }
}
