package io.jrm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method a Redis command of the module ({@code RedisModule_CreateCommand}).
 *
 * <p>The method must be {@code public static void}, in a public class, and take {@code (Context
 * ctx, RedisString[] argv)}: {@code argv[0]} is the command name, as in C. Or it takes {@code
 * Context} then typed parameters ({@code RedisString}, {@code String}, {@code byte[]}, {@code
 * long}, {@code int}, {@code double}, {@code boolean}, an enum, {@code Optional<T>} or
 * {@code @Nullable T}, a trailing {@code RedisString...} or {@code List<RedisString>}), which the
 * generated code parses and counts, replying Redis's errors (see the README); {@link KeyName} marks
 * the keys. It may throw anything: the client then gets a one-line {@code -ERR} reply and Redis
 * keeps serving.
 *
 * <p>{@link #flags()} is a space-separated list of the flags Redis 7.0 accepts ({@code write} and
 * {@code readonly} together are an error):
 *
 * <ul>
 *   <li>{@code write}: the command may modify the data set.
 *   <li>{@code readonly}: the command only reads from keys.
 *   <li>{@code admin}: an administrative command that may change replication or the like.
 *   <li>{@code deny-oom}: the command may use more memory and is refused when out of memory.
 *   <li>{@code deny-script}: the command cannot be called from Lua scripts.
 *   <li>{@code allow-loading}: the command may run while the server is loading data.
 *   <li>{@code pubsub}: the command publishes on Pub/Sub channels.
 *   <li>{@code random}: the command's output is not deterministic.
 *   <li>{@code allow-stale}: the command may run on a replica that has stale data.
 *   <li>{@code no-monitor}: the command is not propagated to {@code MONITOR}.
 *   <li>{@code no-slowlog}: the command is not logged in the slow log.
 *   <li>{@code fast}: the command is O(1) or O(log N) and never blocks.
 *   <li>{@code getkeys-api}: the command reports its keys itself (key-position requests).
 *   <li>{@code no-cluster}: the command is refused in Redis Cluster.
 *   <li>{@code no-auth}: the command may run before the client authenticates.
 *   <li>{@code may-replicate}: the command may replicate even though it does not write.
 *   <li>{@code no-mandatory-keys}: every key the command takes is optional.
 *   <li>{@code blocking}: the command may block the client.
 *   <li>{@code allow-busy}: the command may run while a script or module blocks the server.
 *   <li>{@code getchannels-api}: the command reports the Pub/Sub channels it uses.
 * </ul>
 *
 * <p>Key positions are 1-based indexes into {@code argv}; {@code firstKey = 0} means the command
 * takes no keys, and a negative {@code lastKey} counts from the end ({@code -1} is the last
 * argument). With {@link KeyName} parameters they are derived and must not be written here.
 *
 * <p>A name {@code container|sub} makes a subcommand of {@code container}, a command without a
 * handler that the first of its subcommands creates. {@link CommandMetadata} adds what {@code
 * COMMAND INFO} and {@code COMMAND DOCS} show (key specs, summary...).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface RedisCommand {
  /**
   * {@return the command name clients type, for example {@code hello.simple}} No spaces; {@code
   * container|sub} for a subcommand.
   */
  String name();

  /** {@return space-separated command flags, see the class documentation} Empty means none. */
  String flags() default "";

  /** {@return index of the first key argument, or 0 when the command takes no keys} */
  int firstKey() default 0;

  /**
   * {@return index of the last key argument; negative counts from the end} Omitted with {@link
   * #firstKey()} set, it is {@code firstKey}: one key.
   */
  int lastKey() default 0;

  /**
   * {@return step between key arguments: 1 for {@code k1 k2 k3}, 2 for {@code k1 v1 k2 v2}} Omitted
   * with {@link #firstKey()} set, it is 1.
   */
  int keyStep() default 0;

  /**
   * {@return how the command reaches replicas and the AOF} The default propagates a {@code write}
   * command verbatim once it has succeeded, and leaves any other to its handler; see {@link
   * Replicate}.
   */
  Replicate replicate() default Replicate.DEFAULT;
}
