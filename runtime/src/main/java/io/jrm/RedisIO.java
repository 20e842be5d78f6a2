package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;
import io.jrm.internal.types.LongDoubles;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A {@code RedisModuleIO} of an RDB save or load, or of an AOF rewrite, during one type callback.
 * Strings it loads belong to {@code scope}, a context with no client that ends with the callback.
 */
final class RedisIO implements RdbOutput, RdbInput, AofOutput {
  private final Context scope;
  private final RedisModuleApi api;
  private final long io;

  RedisIO(Context scope, long io) {
    this.scope = scope;
    this.api = scope.api();
    this.io = io;
  }

  @Override
  public void saveUnsigned(long value) {
    api.saveUnsigned(io, value);
  }

  @Override
  public void saveSigned(long value) {
    api.saveSigned(io, value);
  }

  @Override
  public void saveString(RedisString value) {
    api.saveString(io, value.pointer());
  }

  @Override
  public void saveStringBuffer(byte[] value) {
    api.saveStringBuffer(io, value, value.length);
  }

  @Override
  public void saveDouble(double value) {
    api.saveDouble(io, value);
  }

  @Override
  public void saveFloat(float value) {
    api.saveFloat(io, value);
  }

  @Override
  public void saveLongDouble(BigDecimal value) {
    LongDoubles.encode(value); // refuses a value out of range, which strtold would make infinite
    api.saveLongDouble(io, cString(value.toString()));
  }

  @Override
  public long loadUnsigned() {
    return checked(api.loadUnsigned(io));
  }

  @Override
  public long loadSigned() {
    return checked(api.loadSigned(io));
  }

  @Override
  public RedisString loadString() {
    return new RedisString(scope, checked(api.loadString(io)), true);
  }

  @Override
  public byte[] loadStringBuffer() {
    long[] length = new long[1];
    long buffer = checked(api.loadStringBuffer(io, length));
    try {
      return api.copyOut(buffer, length);
    } finally {
      api.free(buffer);
    }
  }

  @Override
  public double loadDouble() {
    double value = api.loadDouble(io);
    if (value == 0) {
      checked(0);
    }
    return value;
  }

  @Override
  public float loadFloat() {
    float value = api.loadFloat(io);
    if (value == 0) {
      checked(0);
    }
    return value;
  }

  @Override
  public BigDecimal loadLongDouble() {
    BigDecimal value =
        LongDoubles.decode(api.loadLongDouble(io))
            .orElseThrow(
                () -> new RedisException("ERR the RDB data holds an infinite or NaN long double"));
    if (value.signum() == 0) {
      checked(0);
    }
    return value;
  }

  /**
   * {@code value}, once Redis confirms the read worked: with IO errors handled by the module (see
   * {@link DataTypes}), a short or corrupt read returns 0 (or NULL) and flags the IO instead of
   * stopping the server. So only a 0 needs asking about, which saves a downcall per element.
   */
  private long checked(long value) {
    if (value == 0 && api.isIOError(io) != 0) {
      throw new RedisException("ERR the value ends early or is corrupt in the RDB data");
    }
    return value;
  }

  @Override
  public void logIoError(LogLevel level, String message) {
    api.logIOError(io, cString(level.redisName()), cString("%s"), cString(message));
  }

  @Override
  public void emit(String command, Object... args) {
    try (CallArguments emitted = CallArguments.of(api, "", "", args)) {
      api.emitAOF(io, cString(command), emitted.format(), emitted.argv(), emitted.argc());
    }
  }

  @Override
  public Context context() {
    return new Context(api, api.getContextFromIO(io));
  }

  @Override
  public @Nullable RedisString keyName() {
    long name = api.getKeyNameFromIO(io);
    return name == 0 ? null : new RedisString(scope, name, false);
  }

  @Override
  public int dbId() {
    return api.getDbIdFromIO(io);
  }
}
