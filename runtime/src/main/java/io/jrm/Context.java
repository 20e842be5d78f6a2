package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The context of one command call or of the module's load ({@code RedisModuleCtx}): replies,
 * strings, calls into Redis, logging. Valid only until the command returns.
 *
 * <p>So that a command allocates nothing of its own, the context of a command (and of a blocked
 * client's callback) is reused: each nesting depth of calls (a command calling another command of
 * the module through {@link #call}) has one, which serves call after call. A context kept past its
 * call (in a field, by a thread) is therefore refused with {@link IllegalStateException} when used
 * between calls at its depth, and from any thread but the one running the current call at its
 * depth; used by that thread during a later call at the same depth, it is that call's context (it
 * replies to that call's client, as the context the later call was handed would). Objects made from
 * a context ({@link Key}, {@link CallReply}, created {@link RedisString}s, pool buffers) belong to
 * their call only: used in any later call they throw {@link IllegalStateException}, never touch
 * memory Redis has freed. Keep nothing of a call but {@link RedisString#retain() retained} strings.
 *
 * <p>Reply exactly once per command: one value, or an array header followed by its elements. A
 * reply after the whole reply is not sent (the client would take it for the answer to its next
 * command): it throws {@link IllegalStateException}, and the log names the command.
 *
 * <pre>{@code
 * @RedisCommand(name = "hello.push.call", flags = "write deny-oom", firstKey = 1, lastKey = 1, keyStep = 1)
 * public static void pushCall(Context ctx, RedisString[] argv) {
 *   if (argv.length != 3) {
 *     ctx.wrongArity();
 *     return;
 *   }
 *   try (CallReply reply = ctx.call("RPUSH", argv[1], argv[2])) {
 *     ctx.replyWithLongLong(reply.integer());
 *   }
 * }
 * }</pre>
 */
public final class Context {
  /** {@code REDISMODULE_OK}. */
  static final int OK = 0;

  /** Pass to {@link #replyWithArray(long)} when the length is known only at the end. */
  public static final long POSTPONED_LENGTH = -1;

  private final RedisModuleApi api;
  private long pointer;
  private final ReplyTracker reply = new ReplyTracker();
  private boolean active = true;
  private boolean answeringTimeout;
  // A key-blocked client's reply callback did not reply: Redis keeps the client blocked.
  private boolean waitingForKeys;
  // For @RedisCommand(replicate = ...): whether the handler propagated anything, or may not.
  private boolean propagated;
  // Why propagating is refused in this call (the exception's message), or null when it is not.
  private @Nullable String propagationRefusal;

  /** The thread running the current call, for a reused context; null: any thread may use it. */
  private Thread thread;

  /**
   * Which call the context serves: bumped by {@link #activate}, kept by what a call makes. An int
   * keeps those objects as small as before the reuse; it never wraps: {@link ContextStack} retires
   * a context that reaches the last number, and what its calls made is refused for good.
   */
  private int call;

  /** The argv wrappers of a reused context, kept from call to call (made by the first call). */
  private CommandArguments arguments;

  /** One word of scratch for out-parameters, for the thread using the context. */
  private final long[] word = new long[1];

  /** One byte of scratch for the one-byte StringDma accessors, like {@link #word}. */
  private final byte[] oneByte = new byte[1];

  /** The keys open in the current call, whose states the StringDma views compare. */
  private final KeyStates keyStates = new KeyStates();

  Context(RedisModuleApi api, long pointer) {
    this.api = api;
    this.pointer = pointer;
  }

  RedisModuleApi api() {
    return api;
  }

  long pointer() {
    checkActive();
    return pointer;
  }

  void checkActive() {
    if (!active || (thread != null && thread != Thread.currentThread())) {
      throw returned(); // a static helper keeps the check small enough to be inlined everywhere
    }
  }

  private static IllegalStateException returned() {
    return new IllegalStateException("this Context belongs to a call that has returned");
  }

  /**
   * Checks that the context is active and still serving {@code call}, the one {@link #call()} was.
   */
  void checkCall(int call) {
    checkActive();
    if (call != this.call) {
      throw returned();
    }
  }

  /** Which call the context serves now: what an object made in this call keeps to check it. */
  int call() {
    return call;
  }

  /** Whether the context has served its last call number: retire it for a new one. */
  boolean exhausted() {
    return call == Integer.MAX_VALUE;
  }

  /**
   * Starts serving a new call on {@code ctx}, on the calling thread only: the reply is a new one,
   * and everything made in the calls before (keys, replies, strings) is refused from now on.
   */
  void activate(long ctx) {
    pointer = ctx;
    call++;
    thread = Thread.currentThread();
    answeringTimeout = false;
    waitingForKeys = false;
    propagated = false;
    propagationRefusal = null;
    reply.reset();
    keyStates.reset();
    active = true;
  }

  /** Ends the context's life: the command returned. */
  void deactivate() {
    active = false;
  }

  KeyStates keyStates() {
    return keyStates;
  }

  /** A word of scratch for one out-parameter, valid until the next downcall that uses it. */
  long[] word() {
    return word;
  }

  /** A byte of scratch for a one-byte read or write, valid until the next one. */
  byte[] oneByte() {
    return oneByte;
  }

  ReplyTracker replyTracker() {
    return reply;
  }

  /**
   * Makes the replication calls throw, with {@code why} as message: the command is declared {@code
   * replicate = NONE}, or the call only asks for key or channel positions (Redis gives such a
   * context no client, and replicating from it would dereference none).
   */
  void refusePropagation(String why) {
    propagationRefusal = why;
  }

  /** Whether the handler propagated something itself (replicate, or a call with {@code !}). */
  boolean propagated() {
    return propagated;
  }

  private void propagating() {
    if (propagationRefusal != null) {
      throw new IllegalStateException(propagationRefusal);
    }
    propagated = true;
  }

  // Context information

  /** {@return what is known of the caller and the server now ({@code GetContextFlags})} */
  public Set<ContextFlag> flags() {
    return ContextFlag.of(api.getContextFlags(pointer()));
  }

  /**
   * {@return the context flags this Redis knows ({@code GetContextFlagsAll}), to tell a flag that
   * is off from one this version never sets}
   */
  public Set<ContextFlag> contextFlagsAll() {
    return ContextFlag.of(api.getContextFlagsAll());
  }

  /**
   * Lets Redis serve its events from inside a long command ({@code Yield}): call it often from the
   * loop; it does anything only once the command has run {@code busy-reply-threshold} (5 s by
   * default), and then at most {@code hz} times a second. Timers, replication and the like go on
   * meanwhile; clients' commands wait for the command to end, or with {@code serveClients} get the
   * error {@code BUSY <busyReply>}, all but those flagged {@code allow-busy}, which run (a command
   * of this module too, one depth below this one). Nested calls do nothing.
   *
   * @param serveClients whether clients' commands are answered ({@code
   *     REDISMODULE_YIELD_FLAG_CLIENTS}) rather than held until the command ends
   * @param busyReply the text after {@code BUSY} of the error clients' commands get, such as {@code
   *     "rebuilding the index"}; null for Redis's own
   */
  public void yield(boolean serveClients, @Nullable String busyReply) {
    checkActive();
    byte[] reply = busyReply == null ? null : cString(RedisException.oneLine(busyReply));
    api.yield(pointer(), serveClients ? YIELD_CLIENTS : YIELD_NONE, reply);
  }

  /** {@code REDISMODULE_YIELD_FLAG_NONE} and {@code REDISMODULE_YIELD_FLAG_CLIENTS}. */
  private static final int YIELD_NONE = 1;

  private static final int YIELD_CLIENTS = 2;

  /**
   * {@return whether {@code flag} is set now, without building a set}
   *
   * @param flag the flag to look for
   */
  public boolean hasFlag(ContextFlag flag) {
    return flag.in(api.getContextFlags(pointer()));
  }

  /** {@return the number of the database the client has selected ({@code GetSelectedDb})} */
  public int selectedDb() {
    return api.getSelectedDb(pointer());
  }

  /** {@return the current UNIX time in milliseconds ({@code Milliseconds})} */
  public long milliseconds() {
    return api.milliseconds();
  }

  /**
   * {@return microseconds of a clock that never goes back, for measuring time ({@code
   * MonotonicMicroseconds}); its zero is arbitrary}
   */
  public long monotonicMicroseconds() {
    return api.monotonicMicroseconds();
  }

  /**
   * Creates a timer ({@code CreateTimer}) that runs {@code callback} with {@code data} once, on the
   * main thread, after {@code period}; the module keeps {@code data} until the timer fires or is
   * {@link Timer#stop stopped}.
   *
   * @param <T> the type of {@code data}
   * @param period how long from now the timer fires
   * @param callback what runs when it fires
   * @param data what the callback receives
   * @return the timer, to stop it or read its id
   * @throws IllegalArgumentException for a negative period
   */
  public <T> Timer<T> createTimer(Duration period, TimerCallback<T> callback, T data) {
    return createTimer(period.toMillis(), callback, data);
  }

  /**
   * {@link #createTimer(Duration, TimerCallback, Object)} with the period in milliseconds.
   *
   * @param <T> the type of {@code data}
   * @param periodMillis how many milliseconds from now the timer fires
   * @param callback what runs when it fires
   * @param data what the callback receives
   * @return the timer, to stop it or read its id
   * @throws IllegalArgumentException for a negative period
   */
  public <T> Timer<T> createTimer(long periodMillis, TimerCallback<T> callback, T data) {
    return Timers.create(this, periodMillis, callback, data);
  }

  /**
   * Forks Redis ({@code RedisModule_Fork}) and runs {@code task} in the child, in C: Java cannot
   * run in a forked child, so whatever the child writes is prepared here, before the fork (see
   * docs/fork.md). {@code done} runs later on the main thread, once the child exited. Redis allows
   * one module child at a time, and none while its own BGSAVE or AOF rewrite child runs.
   *
   * @param task what the child does
   * @param done what runs in the parent when the child exits
   * @return the child
   * @throws RedisException when Redis did not fork (another child runs: Redis logs why)
   */
  public ForkChild fork(ChildTask task, ForkChild.DoneHandler done) {
    checkActive();
    return ForkChildren.fork(
        this, Objects.requireNonNull(task, "task"), Objects.requireNonNull(done, "done"));
  }

  /**
   * The pending timer of this module with Redis's id {@code id} ({@code GetTimerInfo}): empty when
   * there is none (it fired, is firing, was stopped, or is another module's).
   *
   * @param id the timer's id, as {@link Timer#id()} gives it
   * @return the timer, or empty
   */
  public Optional<Timer<?>> timer(long id) {
    return Timers.find(this, id);
  }

  /**
   * Sets the module's INFO sections ({@code RegisterInfoFunc}; JRM registers its own callback at
   * load, which runs {@code function} after the heap section): one function per module, a later
   * call replaces it, null removes it.
   *
   * @param function what adds the module's sections and fields, or null
   */
  public void registerInfoFunc(InfoFunction function) {
    checkActive();
    ModuleEntry.infoFunction(function);
  }

  /**
   * Registers the module's part of Redis's active defragmentation that belongs to no value ({@code
   * RegisterDefragFunc}), usually from {@code @OnLoad}: {@code function} runs on the main thread in
   * each defrag cycle, to move native memory the module keeps outside its values (a data type moves
   * its own in its {@code defrag} method). One function per module: a later call replaces it. Only
   * a Redis whose allocator supports active defragmentation ever runs it.
   *
   * @param function what runs
   */
  public void registerDefragFunc(DefragFunction function) {
    checkActive();
    ModuleEntry.defragFunction(Objects.requireNonNull(function, "function"));
    api.registerDefragFunc(pointer(), ModuleEntry.callbacks()[ModuleEntry.DEFRAG_GLOBALS_CALLBACK]);
  }

  /**
   * Subscribes {@code listener} to {@code event} ({@code SubscribeToServerEvent}): it runs on the
   * main thread each time the event fires, with the event's data read into {@code E}. One listener
   * per event and module: a later call replaces it, null removes it. Never called in a forked child
   * (BGSAVE and BGREWRITEAOF fire their persistence subevents there): see {@link
   * #logInForkedChild}.
   *
   * @param <E> the event's data
   * @param event the event, such as {@link ServerEvent#FLUSHDB}
   * @param listener what runs, or null to unsubscribe
   * @throws IllegalStateException when Redis refuses the subscription
   */
  public <E extends ServerEventData> void subscribeToServerEvent(
      ServerEvent<E> event, @Nullable ServerEventListener<? super E> listener) {
    checkActive();
    ServerEvents.subscribe(this, event, listener);
  }

  /**
   * Whether this Redis fires {@code subEvent} ({@code IsSubEventSupported}); Redis 7.0 answers
   * false for {@link SubEvent#SHUTDOWN}, which it fires nonetheless.
   *
   * @param subEvent the subevent
   * @return what Redis answers
   */
  public boolean isSubEventSupported(SubEvent subEvent) {
    checkActive();
    return ServerEvents.isSupported(this, subEvent);
  }

  /**
   * Has the forked child of a BGSAVE or BGREWRITEAOF, where Java cannot run, log {@code line} at
   * {@code level} when Redis fires the persistence {@code subEvent} there (the C stub writes it:
   * the child runs no Java). The same subevent in the parent (a SAVE's) goes to the {@link
   * ServerEvent#PERSISTENCE} listener instead. A later call for the same subevent replaces the
   * line.
   *
   * @param subEvent a persistence subevent, such as {@link SubEvent#PERSISTENCE_AOF_START}
   * @param level the line's level
   * @param line the line, up to 240 bytes of UTF-8 or so (the level and two NULs share 256)
   * @throws IllegalArgumentException for another event's subevent or a longer line
   */
  public void logInForkedChild(SubEvent subEvent, LogLevel level, String line) {
    checkActive();
    ServerEvents.logInForkedChild(this, subEvent, level, line);
  }

  /**
   * The fields of INFO {@code section} ({@code GetServerInfo}): a section name, or {@code
   * "default"}, {@code "all"}, {@code "everything"}; a module's sections included. Close it.
   *
   * @param section the section's name
   * @return its fields
   */
  public ServerInfo serverInfo(String section) {
    return new ServerInfo(this, api.getServerInfo(pointer(), cString(section)));
  }

  /**
   * A command of this module ({@code GetCommand}), to set its {@link CommandInfo}.
   *
   * @param name the command's name, {@code parent|sub} for a subcommand
   * @return the command, or empty when this module has no such command
   */
  public Optional<Command> command(String name) {
    long command = api.getCommand(pointer(), cString(name));
    return command == 0 ? Optional.empty() : Optional.of(new Command(api, command, name));
  }

  /**
   * {@return whether the module should avoid traffic to replicas now ({@code AvoidReplicaTraffic}):
   * a failover is waiting for them to catch up}
   */
  public boolean avoidReplicaTraffic() {
    checkActive();
    return api.avoidReplicaTraffic() != 0;
  }

  /**
   * Whether key {@code name} exists in the selected database ({@code KeyExists}), without opening
   * it or touching its LRU/LFU.
   *
   * @param name the key's name
   * @return whether it exists
   */
  public boolean keyExists(RedisString name) {
    return api.keyExists(pointer(), name.pointer()) != 0;
  }

  /** {@return the number of keys in the selected database ({@code DbSize})} */
  public long dbSize() {
    return api.dbSize(pointer());
  }

  /**
   * Empties every database as FLUSHALL does, functions kept ({@code ResetDataset}).
   *
   * @param restartAof whether to start a new AOF, as FLUSHALL does when AOF is on
   * @param async whether to free the values in a background thread, as FLUSHALL ASYNC
   */
  public void resetDataset(boolean restartAof, boolean async) {
    checkActive();
    api.resetDataset(restartAof ? 1 : 0, async ? 1 : 0);
  }

  /**
   * {@return how much of {@code maxmemory} Redis uses ({@code GetUsedMemoryRatio}), counted as
   * eviction counts it: 1 is the limit, above it Redis evicts; 0 without a limit}
   */
  public float usedMemoryRatio() {
    checkActive();
    return api.getUsedMemoryRatio();
  }

  /**
   * Records that {@code event} took {@code millis} ({@code LatencyAddSample}), for LATENCY LATEST
   * and LATENCY HISTORY, when it took at least {@code latency-monitor-threshold} (0, the default,
   * records nothing).
   *
   * @param event the event's name, as LATENCY shows it
   * @param millis how long it took, in milliseconds
   */
  public void latencyAddSample(String event, long millis) {
    checkActive();
    api.latencyAddSample(cString(event), millis);
  }

  /**
   * Tells Redis that key {@code name} changed ({@code SignalModifiedKey}): WATCH of it fails the
   * transaction, and clients that cache it (CLIENT TRACKING) are told to drop it. Writes through a
   * {@link Key} signal on their own; this is for a change Redis cannot see, such as one inside the
   * Java value of a data type made without a write key.
   *
   * @param name the key's name
   */
  public void signalModifiedKey(RedisString name) {
    api.signalModifiedKey(pointer(), name.pointer());
  }

  /**
   * Publishes {@code message} on {@code channel} as PUBLISH does ({@code PublishMessage}), to the
   * whole cluster in cluster mode.
   *
   * @param channel the channel
   * @param message the message
   * @return how many clients received it, on this node
   */
  public long publishMessage(RedisString channel, RedisString message) {
    return api.publishMessage(pointer(), channel.pointer(), message.pointer());
  }

  /**
   * Publishes {@code message} on the shard channel {@code channel} as SPUBLISH does ({@code
   * PublishMessageShard}): in cluster mode only the channel's shard gets it.
   *
   * @param channel the shard channel
   * @param message the message
   * @return how many clients received it, on this node
   */
  public long publishMessageShard(RedisString channel, RedisString message) {
    return api.publishMessageShard(pointer(), channel.pointer(), message.pointer());
  }

  /**
   * {@return the name of a random key of the selected database ({@code RandomKey}), a created
   * string to close; empty when the database is empty}
   */
  public Optional<RedisString> randomKey() {
    long str = api.randomKey(pointer());
    return str == 0 ? Optional.empty() : Optional.of(owned(str));
  }

  /**
   * Random bytes from Redis's generator ({@code GetRandomBytes}).
   *
   * @param length how many bytes
   * @return the bytes
   * @throws IllegalArgumentException for a negative length
   */
  public byte[] randomBytes(int length) {
    return random(length, false);
  }

  /**
   * Random characters of {@code 0-9a-f} ({@code GetRandomHexChars}).
   *
   * @param length how many characters
   * @return the characters
   * @throws IllegalArgumentException for a negative length
   */
  public String randomHexChars(int length) {
    return new String(random(length, true), StandardCharsets.US_ASCII);
  }

  private byte[] random(int length, boolean hex) {
    checkActive();
    if (length < 0) {
      throw new IllegalArgumentException("a negative length: " + length);
    }
    try (NativeBuffer buffer = alloc(Math.max(length, 1))) {
      if (hex) {
        api.getRandomHexChars(buffer.address(), length);
      } else {
        api.getRandomBytes(buffer.address(), length);
      }
      return buffer.read(0, length);
    }
  }

  /**
   * {@return the version of the running Redis ({@code GetServerVersion}) as {@code 0x00MMmmpp}:
   * 7.0.15 is {@code 0x00070f}}
   */
  public int serverVersion() {
    checkActive();
    return api.getServerVersion();
  }

  // Keyspace notifications

  /**
   * Runs {@code listener} for every keyspace event of {@code classes} from now on ({@code
   * SubscribeToKeyspaceEvents}), whatever {@code notify-keyspace-events} says. Usually called in
   * {@code @OnLoad}; a module has up to 16 subscriptions, which last until it is unloaded. Each
   * subscription is a subscriber of its own for Redis: the events its listener's own work fires
   * skip it, not the module's other subscriptions.
   *
   * @param classes the classes of events to receive, such as {@link KeyspaceEventClass#all()}
   * @param listener what runs for each, on the thread that fired it ({@link KeyspaceEventListener})
   * @throws IllegalArgumentException when {@code classes} is empty or names a channel constant
   * @throws IllegalStateException when the module has all its subscriptions already
   */
  public void subscribeToKeyspaceEvents(
      Set<KeyspaceEventClass> classes, KeyspaceEventListener listener) {
    KeyspaceSubscriptions.subscribe(this, classes, listener);
  }

  /**
   * {@return the ids of the cluster's nodes this node knows, itself included ({@code
   * GetClusterNodesList}, nodes in handshake or without an address left out), or empty when the
   * server is not in cluster mode}
   */
  public Optional<List<String>> clusterNodesList() {
    return ClusterNodes.list(this);
  }

  /**
   * What this node knows of node {@code id} ({@code GetClusterNodeInfo}).
   *
   * @param id a node id, as {@link #clusterNodesList()} or a {@link ClusterMessageReceiver} has it
   * @return its address, port, master and flags; empty for an id no known node has, one in
   *     handshake or without an address, or outside cluster mode
   */
  public Optional<ClusterNodeInfo> clusterNodeInfo(String id) {
    return ClusterNodes.info(this, Objects.requireNonNull(id, "id"));
  }

  /** {@return this node's id ({@code GetMyClusterID}), or empty outside cluster mode} */
  public Optional<String> myClusterId() {
    return ClusterNodes.myId(this);
  }

  /**
   * {@return how many nodes the cluster has in this node's view, whatever their state ({@code
   * GetClusterSize}): 0 outside cluster mode}
   */
  public long clusterSize() {
    checkActive();
    return api.getClusterSize();
  }

  /**
   * Runs {@code receiver} for every cluster bus message of {@code type} that a node sends to this
   * module ({@code RegisterClusterMessageReceiver}; messages reach the module of the same name on
   * each node). A later call for the same type replaces the receiver; null removes it. Outside
   * cluster mode nothing is registered, as in Redis. A module that registered a receiver in cluster
   * mode cannot be unloaded: Redis 7.0 keeps its receivers after an unload.
   *
   * @param type the message type, 0 to 255
   * @param receiver what runs for each message, or null to stop receiving {@code type}
   * @throws IllegalArgumentException for a type out of range
   */
  public void registerClusterMessageReceiver(int type, @Nullable ClusterMessageReceiver receiver) {
    ClusterMessages.register(this, type, receiver);
  }

  /**
   * Sends {@code payload} over the cluster bus to the module of the same name on node {@code
   * targetId}, or on every other node for null ({@code SendClusterMessage}).
   *
   * @param targetId the node's id, or null for all nodes
   * @param type the message type the receivers are registered for, 0 to 255
   * @param payload the message's bytes
   * @return false outside cluster mode, or when the target is unknown or not connected
   * @throws IllegalArgumentException for a type out of range
   */
  public boolean sendClusterMessage(@Nullable String targetId, int type, byte[] payload) {
    return ClusterMessages.send(this, targetId, type, payload);
  }

  /**
   * Turns off parts of Redis Cluster for a module that runs its own distributed system on the
   * cluster bus ({@code SetClusterFlags}); flags already set stay set.
   *
   * @param flags what to turn off
   */
  public void setClusterFlags(Set<ClusterFlag> flags) {
    api.setClusterFlags(pointer(), ClusterFlag.bits(flags));
  }

  /**
   * Registers a command filter ({@code RegisterCommandFilter}, docs/command-filters.md): it runs
   * before every command of the server and may rewrite its arguments.
   *
   * @param filter what runs for each command ({@link CommandFilter})
   * @param noSelf true to skip the commands this module runs with {@link #call} (Redis's {@code
   *     REDISMODULE_CMDFILTER_NOSELF})
   * @return the registration, for {@link #unregisterCommandFilter}
   * @throws IllegalStateException when the module has all its filters already, or Redis refused
   */
  public RegisteredCommandFilter registerCommandFilter(CommandFilter filter, boolean noSelf) {
    checkActive();
    return CommandFilters.register(this, filter, noSelf);
  }

  /**
   * Unregisters a command filter ({@code UnregisterCommandFilter}).
   *
   * @param filter what {@link #registerCommandFilter} returned
   * @return false when it was unregistered already
   */
  public boolean unregisterCommandFilter(RegisteredCommandFilter filter) {
    checkActive();
    return CommandFilters.unregister(this, filter);
  }

  /**
   * {@return what {@code notify-keyspace-events} publishes now ({@code GetNotifyKeyspaceEvents}):
   * the classes, and {@link KeyspaceEventClass#KEYSPACE}/{@link KeyspaceEventClass#KEYEVENT} for
   * the channels; empty when Pub/Sub notifications are off}
   */
  public Set<KeyspaceEventClass> notifyKeyspaceEvents() {
    checkActive();
    return KeyspaceEventClass.of(api.getNotifyKeyspaceEvents());
  }

  /**
   * Fires keyspace event {@code event} of class {@code type} on {@code key} in the selected
   * database ({@code NotifyKeyspaceEvent}): published on Pub/Sub as {@code notify-keyspace-events}
   * says, and run by every module subscribed to {@code type}, this one's other subscriptions
   * included. Redis's key API notifies nothing itself: a command that writes through a {@link
   * WriteKey} calls this the way Redis's own commands notify, usually with {@link
   * KeyspaceEventClass#MODULE} for a data type's writes.
   *
   * @param type the event's class
   * @param event the event's name, such as the command's
   * @param key the key the event is about
   * @throws IllegalArgumentException for a channel constant
   * @throws IllegalStateException when the context has no client to fire it from
   */
  public void notifyKeyspaceEvent(KeyspaceEventClass type, String event, RedisString key) {
    int bits = KeyspaceEventClass.eventBits(Set.of(type));
    if (api.notifyKeyspaceEvent(pointer(), bits, cString(event), key.pointer()) != OK) {
      throw new IllegalStateException("this context cannot notify keyspace events");
    }
  }

  /**
   * {@return the classes of keyspace events this Redis can tell a subscriber about ({@code
   * GetKeyspaceNotificationFlagsAll})}
   */
  public Set<KeyspaceEventClass> keyspaceNotificationFlagsAll() {
    checkActive();
    return KeyspaceEventClass.of(api.getKeyspaceNotificationFlagsAll());
  }

  // Module configs (Redis 7.0). Each is CONFIG GET/SET-able as <module>.<name>; register them all
  // in @OnLoad, then call loadConfigs(), as Redis requires (else it unloads the module).

  /**
   * Registers a yes/no config {@code <module>.<name>} ({@code RegisterBoolConfig}). Only in
   * {@code @OnLoad}, before {@link #loadConfigs()}, which sets its first value.
   *
   * @param name the name after the module's prefix: letters, digits, {@code -} and {@code _}
   * @param defaultValue its value unless the load or the config file gives one
   * @param flags how Redis treats it; {@code Set.of()} for none ({@link ConfigFlag#MEMORY} and
   *     {@link ConfigFlag#BITFLAGS} are for other types)
   * @param getter answers its current value
   * @param setter takes a new value, or refuses it by throwing
   * @param apply runs after a CONFIG SET that changed it, or null
   * @throws IllegalArgumentException when Redis refuses it (name taken or not valid, not in OnLoad)
   *     or a flag is not for this type
   */
  public void registerBoolConfig(
      String name,
      boolean defaultValue,
      Set<ConfigFlag> flags,
      ConfigGetter<Boolean> getter,
      ConfigSetter<Boolean> setter,
      @Nullable ConfigApply apply) {
    checkActive();
    ModuleConfigs.registerBool(this, name, defaultValue, flags, getter, setter, apply);
  }

  /**
   * Registers a number config {@code <module>.<name>} between {@code min} and {@code max} ({@code
   * RegisterNumericConfig}): Redis refuses other values ({@code argument must be between ...});
   * with {@link ConfigFlag#MEMORY} it takes {@code 1mb}, {@code 2gb}. As {@link
   * #registerBoolConfig}.
   *
   * @param name the name after the module's prefix
   * @param defaultValue its value unless the load or the config file gives one
   * @param flags how Redis treats it
   * @param min the smallest value
   * @param max the largest value
   * @param getter answers its current value
   * @param setter takes a new value, or refuses it by throwing
   * @param apply runs after a CONFIG SET that changed it, or null
   * @throws IllegalArgumentException when Redis refuses it, the default is not in range or a flag
   *     is not for this type
   */
  public void registerNumericConfig(
      String name,
      long defaultValue,
      Set<ConfigFlag> flags,
      long min,
      long max,
      ConfigGetter<Long> getter,
      ConfigSetter<Long> setter,
      @Nullable ConfigApply apply) {
    checkActive();
    ModuleConfigs.registerNumeric(this, name, defaultValue, flags, min, max, getter, setter, apply);
  }

  /**
   * Registers a string config {@code <module>.<name>} ({@code RegisterStringConfig}); values are
   * bytes, any bytes. As {@link #registerBoolConfig}.
   *
   * @param name the name after the module's prefix
   * @param defaultValue its value unless the load or the config file gives one, up to its first
   *     zero byte (Redis copies it as a C string); null for none
   * @param flags how Redis treats it
   * @param getter answers its current value
   * @param setter takes a new value (a copy), or refuses it by throwing
   * @param apply runs after a CONFIG SET that changed it, or null
   * @throws IllegalArgumentException when Redis refuses it or a flag is not for this type
   */
  public void registerStringConfig(
      String name,
      byte @Nullable [] defaultValue,
      Set<ConfigFlag> flags,
      ConfigGetter<byte[]> getter,
      ConfigSetter<byte[]> setter,
      @Nullable ConfigApply apply) {
    checkActive();
    ModuleConfigs.registerString(this, name, defaultValue, flags, getter, setter, apply);
  }

  /**
   * Registers an enum config {@code <module>.<name>} ({@code RegisterEnumConfig}): CONFIG SET takes
   * one of the names of {@code values} ({@code must be one of the following ...}) and the getter
   * and setter see its number. With {@link ConfigFlag#BITFLAGS} it takes several names and they see
   * the OR of their numbers. As {@link #registerBoolConfig}.
   *
   * @param name the name after the module's prefix
   * @param defaultValue the number of its value unless the load or the config file gives one
   * @param flags how Redis treats it
   * @param values each name and its number, in the order CONFIG GET lists them (a {@code
   *     LinkedHashMap}, say); Redis copies them
   * @param getter answers its current number
   * @param setter takes a new number, or refuses it by throwing
   * @param apply runs after a CONFIG SET that changed it, or null
   * @throws IllegalArgumentException when Redis refuses it, {@code values} is empty or a flag is
   *     not for this type
   */
  public void registerEnumConfig(
      String name,
      int defaultValue,
      Set<ConfigFlag> flags,
      Map<String, Integer> values,
      ConfigGetter<Integer> getter,
      ConfigSetter<Integer> setter,
      @Nullable ConfigApply apply) {
    checkActive();
    ModuleConfigs.registerEnum(this, name, defaultValue, flags, values, getter, setter, apply);
  }

  /**
   * Sets every config the module registered to its load value ({@code LoadConfigs}): from {@code
   * MODULE LOADEX ... CONFIG name value}, the config file, else the default, through the setters.
   * Call it once in {@code @OnLoad}, after the registrations.
   *
   * @throws IllegalStateException when Redis refused a value (its log names it): the load fails
   */
  public void loadConfigs() {
    checkActive();
    ModuleConfigs.load(this);
  }

  /**
   * Writes {@code message} to the Redis log, tagged with the module name ({@code Log}).
   *
   * @param level how severe it is
   * @param message the line to log
   */
  public void log(LogLevel level, String message) {
    api.log(pointer(), cString(level.redisName()), cString("%s"), cString(message));
  }

  /**
   * Turns on automatic memory management ({@code AutoMemory}): strings and call replies created
   * from now on are freed when the command returns. Closing them early is still allowed.
   */
  public void autoMemory() {
    api.autoMemory(pointer());
  }

  /**
   * {@return the id of the client running the command, 0 where there is none ({@code GetClientId})}
   */
  public long clientId() {
    return api.getClientId(pointer());
  }

  /**
   * {@return what Redis tells about client {@code id} ({@code GetClientInfoById}); empty when no
   * client has that id}
   *
   * @param id the client's id ({@link #clientId()} for the caller's)
   */
  public Optional<ClientInfo> clientInfoById(long id) {
    checkActive();
    try (NativeBuffer struct = calloc(1, ServerEventReader.CLIENT_INFO_SIZE)) {
      struct.write(0, ClientInfo.header());
      if (api.getClientInfoById(struct.address(), id) != OK) {
        return Optional.empty();
      }
      return Optional.of(
          ServerEventReader.clientInfo(struct.read(0, ServerEventReader.CLIENT_INFO_SIZE)));
    }
  }

  /**
   * {@return the name of client {@code id} ({@code GetClientNameById}, what CLIENT SETNAME set), a
   * created string to close; empty when the client has no name or there is no such client}
   *
   * @param id the client's id
   */
  public Optional<RedisString> clientNameById(long id) {
    long name = api.getClientNameById(pointer(), id);
    return name == 0 ? Optional.empty() : Optional.of(owned(name));
  }

  /**
   * {@return the name of the ACL user client {@code id} is authenticated as ({@code
   * GetClientUserNameById}), a created string to close; empty when there is no such client}
   *
   * @param id the client's id
   */
  public Optional<RedisString> clientUserNameById(long id) {
    long name = api.getClientUserNameById(pointer(), id);
    return name == 0 ? Optional.empty() : Optional.of(owned(name));
  }

  /**
   * Names client {@code id} as CLIENT SETNAME does ({@code SetClientNameById}).
   *
   * @param id the client's id
   * @param name the new name; empty removes the name
   * @return whether it was set: false when no client has that id ({@code ENOENT} in C) or the name
   *     has spaces or characters outside {@code !} to {@code ~} ({@code EINVAL})
   */
  public boolean setClientNameById(long id, RedisString name) {
    checkActive();
    return api.setClientNameById(id, name.pointer()) == OK;
  }

  /**
   * {@return the X.509 certificate client {@code id} authenticated with over TLS, in PEM ({@code
   * GetClientCertificate}), a created string to close; empty without TLS or a certificate, or when
   * there is no such client}
   *
   * @param id the client's id
   */
  public Optional<RedisString> clientCertificate(long id) {
    long cert = api.getClientCertificate(pointer(), id);
    return cert == 0 ? Optional.empty() : Optional.of(owned(cert));
  }

  // ACL and authentication

  /**
   * Creates an ACL user of the module ({@code CreateModuleUser}): off, with no rights, until {@link
   * ModuleUser#setModuleUserAcl} changes it; ACL commands do not see it.
   *
   * @param name the user's name, as ACL WHOAMI and ACL LOG show it
   * @return the user, to close when no client should use it any more
   */
  public ModuleUser createModuleUser(String name) {
    checkActive();
    return new ModuleUser(api, api.createModuleUser(cString(name)));
  }

  /**
   * {@return a handle on the ACL user of that name ({@code GetModuleUserFromUserName}), to close;
   * empty when there is none}
   *
   * @param name the user's name, for example {@link #currentUserName()}
   */
  public Optional<ModuleUser> moduleUserFromUserName(RedisString name) {
    long user = api.getModuleUserFromUserName(name.pointer());
    return user == 0 ? Optional.empty() : Optional.of(new ModuleUser(api, user));
  }

  /** {@return the name of the user the calling client is authenticated as, a string to close} */
  public RedisString currentUserName() {
    return owned(api.getCurrentUserName(pointer()));
  }

  /**
   * Runs the calls of this command with flag {@code C} as {@code user} rather than the client's
   * user ({@code SetContextUser}).
   *
   * @param user the user, or null for the client's own again
   */
  public void setContextUser(@Nullable ModuleUser user) {
    api.setContextUser(pointer(), user == null ? 0 : user.pointer());
  }

  /**
   * Adds an entry to ACL LOG with the context {@code module} ({@code ACLAddLogEntry}).
   *
   * @param user the user that was denied
   * @param object the command, key or channel denied
   * @param reason why
   */
  public void aclAddLogEntry(ModuleUser user, RedisString object, AclLogReason reason) {
    api.aCLAddLogEntry(pointer(), user.pointer(), object.pointer(), reason.ordinal());
  }

  /**
   * Authenticates the calling client as a module user ({@code AuthenticateClientWithUser}).
   *
   * @param user the user, which must be on
   * @return the client's id
   * @throws RedisException when the user is off
   */
  public long authenticateClientWithUser(ModuleUser user) {
    long[] id = new long[1];
    if (api.authenticateClientWithUser(pointer(), user.pointer(), 0, 0, id) != OK) {
      throw new RedisException("ERR the user is disabled");
    }
    return id[0];
  }

  /**
   * {@link #authenticateClientWithUser(ModuleUser)}, and {@code onChange} runs once, on the main
   * thread, with the client's id when the client changes user again (AUTH, another module
   * authentication), is disconnected because the user was closed, or goes away.
   *
   * @param user the user, which must be on
   * @param onChange told the client's id; what it throws is logged
   * @return the client's id
   * @throws RedisException when the user is off
   */
  public long authenticateClientWithUser(ModuleUser user, LongConsumer onChange) {
    long handle = UserChangedCallbacks.add(onChange);
    long[] id = new long[1];
    int result =
        api.authenticateClientWithUser(
            pointer(), user.pointer(), UserChangedCallbacks.function(), handle, id);
    if (result != OK) {
      UserChangedCallbacks.remove(handle);
      throw new RedisException("ERR the user is disabled");
    }
    return id[0];
  }

  /**
   * Authenticates the calling client as the ACL user of that name ({@code
   * AuthenticateClientWithACLUser}).
   *
   * @param name the user's name
   * @return the client's id; empty when there is no such user or it is off
   */
  public OptionalLong authenticateClientWithAclUser(String name) {
    return authenticateClientWithAclUser(name, null);
  }

  /**
   * {@link #authenticateClientWithAclUser(String)}, with {@code onChange} told the client's id
   * once, when it changes user again or goes away (see {@link
   * #authenticateClientWithUser(ModuleUser, LongConsumer)}).
   *
   * @param name the user's name
   * @param onChange told the client's id, or null for nothing
   * @return the client's id; empty when there is no such user or it is off
   */
  public OptionalLong authenticateClientWithAclUser(String name, @Nullable LongConsumer onChange) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    long handle = onChange == null ? 0 : UserChangedCallbacks.add(onChange);
    long function = onChange == null ? 0 : UserChangedCallbacks.function();
    long[] id = new long[1];
    if (api.authenticateClientWithACLUser(pointer(), bytes, bytes.length, function, handle, id)
        != OK) {
      UserChangedCallbacks.remove(handle);
      return OptionalLong.empty();
    }
    return OptionalLong.of(id[0]);
  }

  /**
   * Closes client {@code id} once the current command is done, as a changed user's clients are
   * ({@code DeauthenticateAndCloseClient}).
   *
   * @param id the client's id
   * @return false when there is no such client
   */
  public boolean deauthenticateAndCloseClient(long id) {
    return api.deauthenticateAndCloseClient(pointer(), id) == OK;
  }

  /**
   * Shows {@code argv[position]} as {@code (redacted)} in SLOWLOG and MONITOR ({@code
   * RedactClientCommandArgument}), for secrets.
   *
   * @param position the argument's index, from 1 (the name cannot be redacted)
   * @return false for a position out of range
   */
  public boolean redactClientCommandArgument(int position) {
    return api.redactClientCommandArgument(pointer(), position) == OK;
  }

  /**
   * A thread-safe context bound to no client but to this module ({@code
   * GetDetachedThreadSafeContext}), so that its log lines carry the module's name, unlike {@link
   * ThreadSafeContext#detached()}'s. Close it when done; MODULE UNLOAD is refused while it is open.
   *
   * @return the context, to close when done
   */
  public ThreadSafeContext detachedThreadSafeContext() {
    return ThreadSafeContext.detached(api, api.getDetachedThreadSafeContext(pointer()));
  }

  /**
   * Selects database {@code db} for the rest of the command and for the client afterwards ({@code
   * SelectDb}).
   *
   * @param db the database's number
   * @throws RedisException {@code ERR DB index is out of range} for a database that does not exist
   */
  public void selectDb(int db) {
    if (api.selectDb(pointer(), db) != OK) {
      throw new RedisException("ERR DB index is out of range");
    }
  }

  /**
   * {@return whether this call of a {@code getkeys-api} command only asks for its key positions
   * ({@code COMMAND GETKEYS}, cluster routing): then report them with {@link #keyAtPos} and return
   * without replying ({@code IsKeysPositionRequest})}
   */
  public boolean isKeysPositionRequest() {
    return api.isKeysPositionRequest(pointer()) != 0;
  }

  /**
   * Reports that {@code argv[position]} is a key, during a key-position request ({@code KeyAtPos}).
   *
   * @param position the index in argv of an argument that is a key
   */
  public void keyAtPos(int position) {
    api.keyAtPos(pointer(), position);
  }

  /**
   * Reports that {@code argv[position]} is a key and what the command does with it, during a
   * key-position request ({@code KeyAtPosWithFlags}): ACL checks then ask only what the flags need
   * (a key reported with {@link #keyAtPos} needs read and write access).
   *
   * @param position the index in argv of an argument that is a key
   * @param flags what the command does with the key, for example {@code EnumSet.of(KeyFlag.RO,
   *     KeyFlag.ACCESS)}
   */
  public void keyAtPosWithFlags(int position, Set<KeyFlag> flags) {
    api.keyAtPosWithFlags(pointer(), position, FlagBits.of(flags));
  }

  /**
   * {@return whether this call of a {@code getchannels-api} command only asks for the channels it
   * would use (ACL checks, {@code ACL DRYRUN}): then report them with {@link
   * #channelAtPosWithFlags} and return without replying ({@code IsChannelsPositionRequest})}
   */
  public boolean isChannelsPositionRequest() {
    return api.isChannelsPositionRequest(pointer()) != 0;
  }

  /**
   * Reports that {@code argv[position]} is a channel and what the command does with it, during a
   * channel-position request ({@code ChannelAtPosWithFlags}).
   *
   * @param position the index in argv of an argument that is a channel or pattern
   * @param flags what the command does with it, for example {@code
   *     EnumSet.of(ChannelFlag.SUBSCRIBE, ChannelFlag.PATTERN)}
   */
  public void channelAtPosWithFlags(int position, Set<ChannelFlag> flags) {
    api.channelAtPosWithFlags(pointer(), position, FlagBits.of(flags));
  }

  /**
   * The positions of the keys of any command, as {@code COMMAND GETKEYS} finds them, without
   * running it ({@code GetCommandKeys}); a module command with {@code getkeys-api} is asked.
   *
   * @param argv the command name then its arguments, of the types {@link #call} takes
   * @return the indexes in {@code argv} of its keys (the name being 0); none when the command has
   *     no keys or none in these arguments
   * @throws CommandKeysException for an unknown command or a wrong number of arguments
   * @throws IllegalArgumentException when {@code argv} is empty
   */
  public int[] commandKeys(Object... argv) {
    return CommandKeys.positions(this, argv);
  }

  /**
   * The keys of any command with what it does with each, as {@code COMMAND GETKEYSANDFLAGS} finds
   * them, without running it ({@code GetCommandKeysWithFlags}).
   *
   * @param argv the command name then its arguments, of the types {@link #call} takes
   * @return the keys in argument order; none when the command has no keys or none in these
   *     arguments
   * @throws CommandKeysException for an unknown command or a wrong number of arguments
   * @throws IllegalArgumentException when {@code argv} is empty
   */
  public List<KeyPosition> commandKeysWithFlags(Object... argv) {
    return CommandKeys.withFlags(this, argv);
  }

  /**
   * {@return the full name of the command running ({@code GetCurrentCommandName}), a subcommand as
   * {@code container|sub}; empty where there is none, as in a timer's callback}
   */
  public Optional<String> currentCommandName() {
    long name = api.getCurrentCommandName(pointer());
    return name == 0 ? Optional.empty() : Optional.of(CStrings.read(api.backend(), name));
  }

  // Blocking

  /**
   * Blocks the client of this command until a Java thread calls {@link BlockedClient#unblock} or
   * {@code timeoutMillis} pass (0: no timeout); then {@code onReply} or {@code onTimeout} replies
   * ({@code BlockClient}). The command itself then returns without replying.
   *
   * @param onReply replies once a thread called {@link BlockedClient#unblock}
   * @param onTimeout replies when the timeout passed first, or {@code CLIENT UNBLOCK ... TIMEOUT}
   *     came; may be null without a timeout (0), and then {@code CLIENT UNBLOCK} refuses the client
   * @param timeoutMillis the timeout in milliseconds, 0 for none
   * @return the handle a thread unblocks the client with
   * @throws RedisException when the client cannot block here: inside MULTI/EXEC, a script, or a
   *     {@code Call} or AOF load ({@link ContextFlag#DENY_BLOCKING}); nothing was replied, so the
   *     exception becomes the command's error reply. A command that can also answer without
   *     blocking checks {@link #hasFlag} first.
   * @throws IllegalArgumentException when {@code onTimeout} is null with a timeout
   */
  public BlockedClient blockClient(
      BlockedClient.Callback onReply,
      BlockedClient.@Nullable Callback onTimeout,
      long timeoutMillis) {
    reply.checkOpen(); // the callback's reply would be a second one
    BlockedClient client =
        BlockedClient.block(this, onReply, onTimeout, timeoutMillis, ModuleEntry.callbacks());
    reply.delegate(); // the client gets its reply from a callback
    return client;
  }

  /**
   * The client whose reply or timeout callback this is ({@code GetBlockedClientHandle}): say to end
   * its {@link BlockedClient#measureTimeEnd} in the timeout callback, while a thread still works
   * for it.
   *
   * @return the blocked client; empty outside those callbacks and for a client blocked on keys
   */
  public Optional<BlockedClient> blockedClientHandle() {
    return Optional.ofNullable(BlockedClient.byHandle(api.getBlockedClientHandle(pointer())));
  }

  /**
   * Whether Redis is freeing a blocked client because it disconnected ({@code
   * BlockedClientDisconnected}). Redis says so only in the context of its private-data free
   * callback, which JRM keeps for itself, so it is false in every Java callback: a disconnect is
   * seen with {@link BlockedClient#setDisconnectCallback}.
   *
   * @return whether this context frees the data of a client that disconnected
   */
  public boolean blockedClientDisconnected() {
    return api.blockedClientDisconnected(pointer()) != 0;
  }

  /**
   * {@return whether this is the reply callback of a blocked client ({@code
   * IsBlockedReplyRequest})}
   */
  public boolean isBlockedReplyRequest() {
    return !answeringTimeout && api.isBlockedReplyRequest(pointer()) != 0;
  }

  /**
   * {@return whether this is the timeout callback of a blocked client ({@code
   * IsBlockedTimeoutRequest})}
   */
  public boolean isBlockedTimeoutRequest() {
    return answeringTimeout || api.isBlockedTimeoutRequest(pointer()) != 0;
  }

  /**
   * Makes this reply callback a timeout callback: Java times blocked clients out and Redis sees a
   * reply request (see {@link BlockedClient}).
   */
  void answerTimeout() {
    answeringTimeout = true;
  }

  /**
   * Blocks the client of this command until one of {@code keys} is signalled ready and {@code
   * onReady} replies, or {@code timeoutMillis} pass (0: no timeout) and {@code onTimeout} replies
   * ({@code BlockClientOnKeys}). The command itself then returns without replying. Redis signals a
   * key ready when a command of its own adds to a list, sorted set or stream there, and when a
   * module calls {@link #signalKeyAsReady}; {@code onReady} then runs in the main thread and either
   * replies, which serves the client, or returns without replying, which keeps it blocked until the
   * next signal.
   *
   * <pre>{@code
   * ctx.blockClientOnKeys((reply, key) -> {
   *       try (ReadKey ready = reply.readKey(key)) {
   *         if (ready.valueLength() > 0) reply.replyWithLongLong(ready.valueLength());
   *       }
   *     }, (reply, data) -> reply.replyWithNull(), 1_000, key);
   * }</pre>
   *
   * @param onReady replies once a key is ready, or returns without replying to wait on
   * @param onTimeout replies when the timeout passed first, or on {@code CLIENT UNBLOCK}; null for
   *     none, with no timeout: then {@code CLIENT UNBLOCK} refuses to unblock the client (replies
   *     0), as for a C module without a timeout callback
   * @param timeoutMillis the timeout in milliseconds, 0 for none
   * @param keys the keys to wait for, at least one
   * @throws RedisException when the client cannot block here, as for {@link #blockClient}
   * @throws IllegalArgumentException when there are no keys, or a timeout but no {@code onTimeout}
   */
  public void blockClientOnKeys(
      BlockedClient.KeyReadyCallback onReady,
      BlockedClient.@Nullable Callback onTimeout,
      long timeoutMillis,
      RedisString... keys) {
    reply.checkOpen(); // the callback's reply would be a second one
    BlockedClient.blockOnKeys(
        this, onReady, onTimeout, timeoutMillis, keys, ModuleEntry.callbacks());
    reply.delegate(); // the client gets its reply from a callback
  }

  /**
   * Tells Redis that {@code key} has what clients blocked on it wait for ({@code
   * SignalKeyAsReady}): their {@link BlockedClient.KeyReadyCallback} runs once this command ends.
   *
   * @param key the key that is ready
   */
  public void signalKeyAsReady(RedisString key) {
    api.signalKeyAsReady(pointer(), key.pointer());
  }

  /**
   * {@return the key that woke this reply callback of a client blocked on keys ({@code
   * GetBlockedClientReadyKey}), empty elsewhere}
   */
  public Optional<RedisString> blockedClientReadyKey() {
    long key = api.getBlockedClientReadyKey(pointer());
    return key == 0 ? Optional.empty() : Optional.of(new RedisString(this, key, false));
  }

  /** Keeps a key-blocked client blocked: its reply callback returned without replying. */
  void waitForKeys() {
    waitingForKeys = true;
  }

  /** {@return whether this reply callback keeps its key-blocked client blocked} */
  boolean waitsForKeys() {
    return waitingForKeys;
  }

  // Keys

  /**
   * Opens the key {@code name} for reading ({@code OpenKey} with {@code REDISMODULE_READ}): the
   * key's type has no method that writes. Close it when done (try-with-resources) unless {@link
   * #autoMemory()} is on. A key that does not exist is an empty key: type {@link KeyType#EMPTY},
   * length 0.
   *
   * @param name the key's name
   * @return the key, open for reading
   */
  public ReadKey readKey(RedisString name) {
    return Key.open(this, name, KeyMode.READ);
  }

  /**
   * One step of a scan of the selected database's keys ({@code Scan}): calls {@code callback} with
   * the name of each key it yields. The callback runs after Redis's step has returned, so it may do
   * what a command may: open the key, reply, even delete it (other keys may then be yielded twice,
   * docs/scan.md). The name is freed when the callback returns, unless retained.
   *
   * @param cursor where the scan goes on from
   * @param callback called with each key's name
   * @return whether the scan has more steps
   * @throws IllegalStateException when the cursor is closed
   */
  public boolean scan(ScanCursor cursor, Consumer<RedisString> callback) {
    List<byte @Nullable []> names = new ArrayList<>();
    boolean more =
        Scans.step(
            api,
            Scans.SCAN_CALLBACK,
            (collector, batch) -> api.scan(pointer(), cursor.pointer(), collector, batch),
            names);
    for (byte[] name : names) {
      RedisString string = createString(Objects.requireNonNull(name));
      try {
        callback.accept(string);
      } finally {
        if (!string.isRetained()) {
          string.close();
        }
      }
    }
    return more;
  }

  /**
   * Scans all the selected database's keys: {@link #scan(ScanCursor, Consumer)} step after step
   * with a cursor of its own, freed after the last step.
   *
   * <pre>{@code
   * ctx.scan(name -> {
   *   try (ReadKey key = ctx.readKey(name)) {
   *     if (key.type() == KeyType.STRING) strings.add(name.toString());
   *   }
   * });
   * }</pre>
   *
   * @param callback called with each key's name
   */
  public void scan(Consumer<RedisString> callback) {
    try (ScanCursor cursor = ScanCursor.create(this)) {
      while (scan(cursor, callback)) {
        // each step calls back; the next goes on from the cursor
      }
    }
  }

  /**
   * Opens the key {@code name} for reading and writing ({@code OpenKey} with {@code
   * REDISMODULE_READ | REDISMODULE_WRITE}), the usual mode of a command that writes. Close it when
   * done (try-with-resources) unless {@link #autoMemory()} is on.
   *
   * @param name the key's name
   * @return the key, open for reading and writing
   */
  public WriteKey writeKey(RedisString name) {
    return Key.open(this, name, KeyMode.READ_WRITE);
  }

  /**
   * Opens the key {@code name} in {@code mode} ({@code OpenKey}), for code that chooses the mode at
   * run time; a command that knows it reads or writes says so with {@link #readKey} or {@link
   * #writeKey}, whose types let the compiler refuse a write through a key opened for reading. Close
   * it when done (try-with-resources) unless {@link #autoMemory()} is on. A key opened only for
   * reading that does not exist is an empty key: type {@link KeyType#EMPTY}, length 0.
   *
   * @param name the key's name
   * @param mode whether to read, write or both
   * @return the key, to close when done unless auto memory is on
   */
  public Key openKey(RedisString name, KeyMode mode) {
    return Key.open(this, name, mode);
  }

  /**
   * {@link #openKey(RedisString, KeyMode)} with flags that change what opening does ({@code
   * OpenKey} with {@code REDISMODULE_OPEN_KEY_*}): {@link KeyOpenFlag#NOTOUCH} reads a key without
   * making it recently used, so its {@link Key#lru()} stays what it was.
   *
   * @param name the key's name
   * @param mode whether to read, write or both
   * @param flags what to add to the mode
   * @return the key, to close when done unless auto memory is on
   */
  public Key openKey(RedisString name, KeyMode mode, KeyOpenFlag... flags) {
    return Key.open(this, name, mode, KeyOpenFlag.bits(flags));
  }

  // Data types: values to and from strings, the method struct Redis knows

  /**
   * {@code value}'s RDB encoding as a string ({@code SaveDataTypeToString}): what its type's {@code
   * rdbSave}, generated or the class's own, writes, in Redis's serialized form, which {@link
   * #loadDataType(RedisString, Class, int)} reads back. The value need not be stored in a key.
   *
   * @param value an instance of a {@code @DataType} class of this module
   * @return the string, to close when done unless auto memory is on
   * @throws RedisException when Redis could not save it
   */
  public RedisString saveDataTypeToString(Object value) {
    long str = ModuleEntry.dataTypes().saveToString(pointer(), value);
    if (str == 0) {
      throw new RedisException("ERR the value could not be saved to a string");
    }
    return owned(str);
  }

  /**
   * {@link #loadDataType(RedisString, Class, int)} of data written by the type's encoding version 0
   * ({@code LoadDataTypeFromString}).
   *
   * @param <T> the data type class
   * @param str what {@link #saveDataTypeToString} returned
   * @param type the data type class
   * @return the value, in no key, or null when the data is corrupt or ends early
   */
  public <T> @Nullable T loadDataType(RedisString str, Class<T> type) {
    return loadDataType(str, type, 0);
  }

  /**
   * A value loaded from {@code str} ({@code LoadDataTypeFromStringEncver}) by its type's {@code
   * rdbLoad}, generated or the class's own, as written with {@code encver} (older data is upgraded
   * as when loading an RDB file). The value is in no key: store it with {@link WriteKey#setValue}.
   *
   * @param <T> the data type class
   * @param str what {@link #saveDataTypeToString} returned
   * @param type the data type class
   * @param encver the encoding version the data was written with
   * @return the value, or null when the data is corrupt, ends early or has a newer encver (the
   *     Redis log says why)
   */
  public <T> @Nullable T loadDataType(RedisString str, Class<T> type, int encver) {
    return ModuleEntry.dataTypes().loadFromString(str.pointer(), type, encver);
  }

  /**
   * {@return the version of the data type method struct this Redis knows ({@code
   * GetTypeMethodVersion}): 4 on Redis 7.0, the version JRM registers types with}
   */
  public int typeMethodVersion() {
    return api.getTypeMethodVersion();
  }

  /**
   * Sets the module's options ({@code SetModuleOptions}), which {@code INFO modules} lists: call it
   * in {@code @OnLoad}. A module with data types keeps {@link ModuleOption#HANDLE_IO_ERRORS}
   * whatever it passes, since JRM's loads of its values depend on it.
   *
   * @param options the options, replacing those set before
   */
  public void setModuleOptions(ModuleOption... options) {
    ModuleEntry.setModuleOptions(pointer(), FlagBits.of(options));
  }

  // Native memory

  /**
   * Allocates {@code size} bytes of native memory counted in Redis's {@code used_memory} ({@code
   * Alloc}). Free it with {@link NativeBuffer#close()}; it outlives the command until then.
   *
   * @param size the number of bytes
   * @return the buffer, to close when done
   */
  public NativeBuffer alloc(long size) {
    return NativeBuffer.alloc(api, size);
  }

  /**
   * Allocates {@code count * size} zeroed bytes ({@code Calloc}); see {@link #alloc}.
   *
   * @param count the number of elements
   * @param size the size of one element, in bytes
   * @return the zeroed buffer, to close when done
   */
  public NativeBuffer calloc(long count, long size) {
    return NativeBuffer.calloc(api, count, size);
  }

  /**
   * Allocates {@code size} bytes as {@link #alloc} does, but answers empty where Redis cannot
   * allocate them ({@code TryAlloc}) instead of ending the server with an out of memory error: for
   * a large buffer whose size comes from a client.
   *
   * @param size the number of bytes
   * @return the buffer, to close when done; empty when the allocator refused
   */
  public Optional<NativeBuffer> tryAlloc(long size) {
    return NativeBuffer.tryAlloc(api, size);
  }

  /**
   * A NUL-terminated native copy of {@code text} in UTF-8 ({@code Strdup}); its size includes the
   * NUL, and text holding a NUL is refused. See {@link #alloc}.
   *
   * @param text the text, written as UTF-8
   * @return the buffer, to close when done
   */
  public NativeBuffer strdup(String text) {
    return NativeBuffer.strdup(api, text);
  }

  /**
   * Allocates {@code size} bytes that Redis frees when the command returns ({@code PoolAlloc}):
   * fast scratch memory; using the buffer after the command returns throws.
   *
   * @param size the number of bytes
   * @return the buffer, freed by Redis when the command returns
   */
  public NativeBuffer poolAlloc(long size) {
    return NativeBuffer.poolAlloc(this, size);
  }

  // Strings

  /**
   * A new string with a copy of {@code bytes} ({@code CreateString}).
   *
   * @param bytes the string's bytes
   * @return the new string, to close when done unless auto memory is on
   */
  public RedisString createString(byte[] bytes) {
    return owned(api.createString(pointer(), bytes, bytes.length));
  }

  /**
   * A new string with the UTF-8 bytes of {@code text}.
   *
   * @param text the text, written as UTF-8
   * @return the new string, to close when done unless auto memory is on
   */
  public RedisString createString(String text) {
    return createString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A new string with the decimal form of {@code value} ({@code CreateStringFromLongLong}).
   *
   * @param value the number, written in decimal
   * @return the new string, to close when done unless auto memory is on
   */
  public RedisString createString(long value) {
    return owned(api.createStringFromLongLong(pointer(), value));
  }

  /**
   * A new string with the decimal form of {@code value} read as unsigned ({@code
   * CreateStringFromULongLong}): {@code -1L} is {@code 18446744073709551615}.
   *
   * @param value the number's 64 bits, unsigned
   * @return the new string, to close when done unless auto memory is on
   */
  public RedisString createStringUnsigned(long value) {
    return owned(api.createStringFromULongLong(pointer(), value));
  }

  /**
   * A new string with {@code value} as C's {@code long double} ({@code
   * CreateStringFromLongDouble}), the precision INCRBYFLOAT computes in: {@code value} is rounded
   * to 64 bits of significand first. Written as {@code %.17Lg}, or human friendly as INCRBYFLOAT
   * writes it ({@code %.17Lf} without trailing zeros, never an exponent). Not on the jna backend,
   * which cannot pass a {@code long double} (it throws {@link UnsupportedOperationException}).
   *
   * @param value the number
   * @param humanFriendly whether to write it as INCRBYFLOAT does
   * @return the new string, to close when done unless auto memory is on
   */
  public RedisString createString(BigDecimal value, boolean humanFriendly) {
    return owned(
        api.createStringFromLongDouble(
            pointer(), cString(value.toString()), humanFriendly ? 1 : 0));
  }

  /**
   * A new string with a stream entry id, {@code <ms>-<seq>} ({@code CreateStringFromStreamID}).
   *
   * @param id the id
   * @return the new string, to close when done unless auto memory is on
   */
  public RedisString createString(StreamId id) {
    try (NativeBuffer struct = alloc(StreamId.SIZE)) {
      struct.write(0, id.struct());
      return owned(api.createStringFromStreamID(pointer(), struct.address()));
    }
  }

  /**
   * A new string with the decimal form of {@code value} Redis writes for doubles ({@code
   * CreateStringFromDouble}): 17 significant digits ({@code %.17g}, {@code 0.10000000000000001}), a
   * whole number without a point.
   *
   * @param value the number
   * @return the new string, to close when done unless auto memory is on
   */
  public RedisString createString(double value) {
    return owned(api.createStringFromDouble(pointer(), value));
  }

  /**
   * A new copy of {@code other} ({@code CreateStringFromString}).
   *
   * @param other the string to copy
   * @return the new string, to close when done unless auto memory is on
   */
  public RedisString createString(RedisString other) {
    return owned(api.createStringFromString(pointer(), other.pointer()));
  }

  /**
   * A new string formatted with Java's {@link String#format} rules: the Java counterpart of {@code
   * CreateStringPrintf}.
   *
   * @param format a {@link java.util.Formatter} format
   * @param args the values it formats
   * @return the new string, to close when done unless auto memory is on
   */
  public RedisString createStringPrintf(String format, Object... args) {
    return createString(String.format(format, args));
  }

  private RedisString owned(long str) {
    return new RedisString(this, str, true);
  }

  /**
   * The strings of a call's argv ({@code argc} pointers at {@code argv}), in wrappers and an array
   * reused from call to call (see {@link CommandArguments}).
   */
  RedisString[] arguments(long argv, int argc) {
    if (arguments == null) {
      arguments = new CommandArguments(this);
    }
    return arguments.wrap(argv, argc);
  }

  RedisString[] wrapArguments(long[] pointers) {
    RedisString[] strings = new RedisString[pointers.length];
    for (int i = 0; i < pointers.length; i++) {
      strings[i] = new RedisString(this, pointers[i], false);
    }
    return strings;
  }

  // Replies

  /** The context pointer for writing a reply, refused once the whole reply is written. */
  private long replying() {
    reply.checkOpen();
    return pointer();
  }

  /**
   * Replies with an integer ({@code ReplyWithLongLong}).
   *
   * @param value the integer
   */
  public void replyWithLongLong(long value) {
    api.replyWithLongLong(replying(), value);
    reply.value();
  }

  /**
   * Replies with a double, a bulk string in RESP2 ({@code ReplyWithDouble}).
   *
   * @param value the number
   */
  public void replyWithDouble(double value) {
    api.replyWithDouble(replying(), value);
    reply.value();
  }

  /**
   * Replies with a status such as {@code OK} ({@code ReplyWithSimpleString}); one line.
   *
   * @param message the status text, without CR or LF
   */
  public void replyWithSimpleString(String message) {
    api.replyWithSimpleString(replying(), cString(RedisException.oneLine(message)));
    reply.value();
  }

  /**
   * Replies with an error, sent as given ({@code ReplyWithError}): by convention it starts with an
   * error code, as in {@code ERR invalid count}. Throwing {@link RedisException} does the same.
   *
   * @param error the error, starting with its code, as in {@code ERR invalid count}
   */
  public void replyWithError(String error) {
    api.replyWithError(replying(), cString(RedisException.oneLine(error)));
    reply.error();
  }

  /**
   * Replies with a bulk string of {@code bytes} ({@code ReplyWithStringBuffer}).
   *
   * @param bytes the string's bytes, sent as they are
   */
  public void replyWithStringBuffer(byte[] bytes) {
    api.replyWithStringBuffer(replying(), bytes, bytes.length);
    reply.value();
  }

  /**
   * Replies with a bulk string of the UTF-8 bytes of {@code text} ({@code ReplyWithCString}).
   *
   * @param text the text, sent as UTF-8
   */
  public void replyWithString(String text) {
    if (text.indexOf('\0') >= 0) {
      // a C string would end at the NUL
      replyWithStringBuffer(text.getBytes(StandardCharsets.UTF_8));
      return;
    }
    api.replyWithCString(replying(), cString(text));
    reply.value();
  }

  /** Replies with an empty bulk string ({@code ReplyWithEmptyString}). */
  public void replyWithEmptyString() {
    api.replyWithEmptyString(replying());
    reply.value();
  }

  /**
   * Replies with a bulk string ({@code ReplyWithString}).
   *
   * @param str the string
   */
  public void replyWithString(RedisString str) {
    api.replyWithString(replying(), str.pointer());
    reply.value();
  }

  /** Replies with the null reply ({@code ReplyWithNull}). */
  public void replyWithNull() {
    api.replyWithNull(replying());
    reply.value();
  }

  /**
   * Replies with the null array ({@code ReplyWithNullArray}): RESP3 null, {@code *-1} for a RESP2
   * client, what Redis's own commands answer where an array is missing.
   */
  public void replyWithNullArray() {
    api.replyWithNullArray(replying());
    reply.value();
  }

  /** Replies with an array of no elements ({@code ReplyWithEmptyArray}). */
  public void replyWithEmptyArray() {
    api.replyWithEmptyArray(replying());
    reply.value();
  }

  /**
   * Starts an array reply of {@code length} elements, to be followed by that many replies ({@code
   * ReplyWithArray}). With {@link #POSTPONED_LENGTH}, end it with {@link #replySetArrayLength}.
   *
   * @param length the number of elements, or {@link #POSTPONED_LENGTH}
   */
  public void replyWithArray(long length) {
    api.replyWithArray(replying(), length);
    reply.array(length);
  }

  /**
   * Sets the length of the latest array started with {@link #POSTPONED_LENGTH}.
   *
   * @param length the number of elements sent since {@link #replyWithArray}
   */
  public void replySetArrayLength(long length) {
    api.replySetArrayLength(replying(), length);
    reply.setLength();
  }

  /**
   * Starts a map reply of {@code pairs} entries, to be followed by a key and a value reply for each
   * ({@code ReplyWithMap}): a RESP3 map, which Redis sends to a RESP2 client as an array of {@code
   * 2 * pairs} elements. With {@link #POSTPONED_LENGTH}, end it with {@link #replySetMapLength}.
   *
   * @param pairs the number of key-value pairs, or {@link #POSTPONED_LENGTH}
   */
  public void replyWithMap(long pairs) {
    api.replyWithMap(replying(), pairs);
    reply.map(pairs);
  }

  /**
   * Sets the number of entries of the latest map started with {@link #POSTPONED_LENGTH}.
   *
   * @param pairs the number of key-value pairs sent since {@link #replyWithMap}
   */
  public void replySetMapLength(long pairs) {
    api.replySetMapLength(replying(), pairs);
    reply.setLength();
  }

  /**
   * Starts a set reply of {@code length} elements, to be followed by that many replies ({@code
   * ReplyWithSet}): a RESP3 set, an array for a RESP2 client. With {@link #POSTPONED_LENGTH}, end
   * it with {@link #replySetSetLength}.
   *
   * @param length the number of elements, or {@link #POSTPONED_LENGTH}
   */
  public void replyWithSet(long length) {
    api.replyWithSet(replying(), length);
    reply.set(length);
  }

  /**
   * Sets the length of the latest set started with {@link #POSTPONED_LENGTH}.
   *
   * @param length the number of elements sent since {@link #replyWithSet}
   */
  public void replySetSetLength(long length) {
    api.replySetSetLength(replying(), length);
    reply.setLength();
  }

  /**
   * Starts a RESP3 attribute of {@code pairs} entries, to be followed by a key and a value reply
   * for each, then by the reply the attribute annotates ({@code ReplyWithAttribute}). A RESP2
   * client has no attributes: then nothing is sent and this returns false, so the command replies
   * without them. With {@link #POSTPONED_LENGTH}, end the entries with {@link
   * #replySetAttributeLength}.
   *
   * @param pairs the number of key-value pairs, or {@link #POSTPONED_LENGTH}
   * @return true when the attribute was started, false for a RESP2 client (nothing sent)
   */
  public boolean replyWithAttribute(long pairs) {
    if (api.replyWithAttribute(replying(), pairs) != OK) {
      return false;
    }
    reply.attribute(pairs);
    return true;
  }

  /**
   * Sets the number of entries of the latest attribute started with {@link #POSTPONED_LENGTH}.
   *
   * @param pairs the number of key-value pairs sent since {@link #replyWithAttribute}
   */
  public void replySetAttributeLength(long pairs) {
    api.replySetAttributeLength(replying(), pairs);
    reply.setAttributeLength();
  }

  /**
   * Replies with a long double ({@code ReplyWithLongDouble}): the nearest long double to {@code
   * value} (x87 extended precision on x86-64), written by Redis with up to 17 decimals and no
   * trailing zeros; a RESP3 double, a bulk string for a RESP2 client. Not on the jna backend, which
   * cannot pass a long double.
   *
   * @param value the number
   */
  public void replyWithLongDouble(BigDecimal value) {
    api.replyWithLongDouble(replying(), cString(value.toString()));
    reply.value();
  }

  /**
   * Replies with a boolean ({@code ReplyWithBool}): RESP3 {@code #t}/{@code #f}, the integer 1 or 0
   * for a RESP2 client.
   *
   * @param value the boolean
   */
  public void replyWithBool(boolean value) {
    api.replyWithBool(replying(), value ? 1 : 0);
    reply.value();
  }

  /**
   * Replies with a RESP3 big number, a bulk string for a RESP2 client ({@code ReplyWithBigNumber}).
   *
   * @param digits the number in decimal, as {@link java.math.BigInteger#toString()} writes it;
   *     Redis does not check it
   */
  public void replyWithBigNumber(String digits) {
    byte[] bytes = digits.getBytes(StandardCharsets.US_ASCII);
    api.replyWithBigNumber(replying(), bytes, bytes.length);
    reply.value();
  }

  /**
   * Replies with a RESP3 verbatim string of format {@code txt}, a bulk string for a RESP2 client
   * ({@code ReplyWithVerbatimString}).
   *
   * @param text the text, sent as UTF-8
   */
  public void replyWithVerbatimString(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    api.replyWithVerbatimString(replying(), bytes, bytes.length);
    reply.value();
  }

  /**
   * Replies with a RESP3 verbatim string, a bulk string for a RESP2 client ({@code
   * ReplyWithVerbatimStringType}).
   *
   * @param text the text, sent as UTF-8
   * @param format three characters saying what the text is, such as {@code txt} or {@code mkd}
   * @throws IllegalArgumentException when {@code format} is not three ASCII characters
   */
  public void replyWithVerbatimString(String format, String text) {
    if (format.length() != 3 || !StandardCharsets.US_ASCII.newEncoder().canEncode(format)) {
      throw new IllegalArgumentException(
          "a verbatim string's format is three ASCII characters, not \"" + format + "\"");
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    api.replyWithVerbatimStringType(replying(), bytes, bytes.length, cString(format));
    reply.value();
  }

  /**
   * Forwards a reply of {@link #call} to the client ({@code ReplyWithCallReply}).
   *
   * @param callReply the reply to forward
   */
  public void replyWithCallReply(CallReply callReply) {
    // Redis sends nothing when it refuses: the client would read the next reply as this one's.
    if (api.replyWithCallReply(replying(), callReply.pointer()) != OK) {
      throw new RedisException(
          "ERR cannot forward a RESP3 reply to a RESP2 client: call with flag 0 instead of 3");
    }
    if (callReply.isError()) {
      reply.error();
    } else {
      reply.value();
    }
  }

  /** Replies with the standard wrong-number-of-arguments error ({@code WrongArity}). */
  public void wrongArity() {
    api.wrongArity(replying());
    reply.error();
  }

  // Replication

  /**
   * Propagates {@code command} with {@code args} to replicas and the AOF after this command ({@code
   * Replicate}); all propagation of one command is wrapped in MULTI/EXEC. Arguments as for {@link
   * #call}.
   *
   * @param command the command's name
   * @param args its arguments: RedisString, String, byte[], or a number written in decimal
   * @throws RedisException when Redis refuses it (unknown command)
   */
  public void replicate(String command, Object... args) {
    replicateWithFlags("", command, args);
  }

  /**
   * {@link #replicate} to some targets only: flag {@code A} leaves out the AOF, {@code R} the
   * replicas.
   *
   * @param flags {@code Replicate}'s format flags, without the argument letters
   * @param command the command's name
   * @param args its arguments: RedisString, String, byte[], or a number written in decimal
   * @throws IllegalArgumentException for any other flag
   */
  public void replicateWithFlags(String flags, String command, Object... args) {
    propagating();
    try (CallArguments replicated =
        CallArguments.of(api, flags, CallArguments.REPLICATE_FLAGS, args)) {
      if (api.replicate(
              pointer(),
              cString(command),
              replicated.format(),
              replicated.argv(),
              replicated.argc())
          != OK) {
        throw new RedisException(
            "ERR cannot replicate " + command + ": unknown command or bad arguments");
      }
    }
  }

  /** Propagates this command, exactly as the client sent it, to replicas and the AOF. */
  public void replicateVerbatim() {
    propagating();
    api.replicateVerbatim(pointer());
  }

  // Calling Redis

  /**
   * Runs a Redis command and returns its reply ({@code RedisModule_Call}). Arguments may be {@link
   * RedisString}, {@code byte[]}, {@code String} (UTF-8), integral numbers, and {@code float} or
   * {@code double} (sent in decimal), as many as the command takes. Errors of the command, unknown
   * commands and wrong arity included, come back as a reply of type {@link CallReplyType#ERROR}.
   *
   * @param command the command's name
   * @param args its arguments: RedisString, String, byte[], or a number written in decimal
   * @return the reply, to close when done unless auto memory is on
   * @throws IllegalArgumentException for an argument of another type
   */
  public CallReply call(String command, Object... args) {
    return callWithFlags("", command, args);
  }

  /**
   * {@link #call} with {@code RedisModule_Call} format flags: {@code !} replicates the command to
   * replicas and the AOF, {@code A} suppresses AOF propagation, {@code R} replica propagation,
   * {@code 3} asks for RESP3 replies, {@code 0} for replies in the caller's protocol, {@code C}
   * checks ACLs of the current user, {@code S} runs as in a script, {@code W} refuses write
   * commands, {@code M} refuses commands denied on OOM; {@code E} (errors as error replies) is
   * always added, and so is {@code S} inside a script: a command that a script called may only call
   * what the script itself may (Redis 7.0 crashes on {@code EVAL}, {@code FCALL}, {@code SCRIPT
   * FLUSH} or {@code CLIENT KILL} from there).
   *
   * @param flags {@code Call}'s format flags, without the argument letters
   * @param command the command's name
   * @param args its arguments: RedisString, String, byte[], or a number written in decimal
   * @return the reply, to close when done unless auto memory is on
   * @throws IllegalArgumentException for any other flag (the argument letters of the C format come
   *     from the Java arguments only) or an argument of another type
   */
  public CallReply callWithFlags(String flags, String command, Object... args) {
    if (flags.indexOf('!') >= 0) {
      propagating();
    }
    long result;
    try (CallArguments call = CallArguments.of(api, callFormat(flags), args, callVector)) {
      callVector = call.argv(); // the same length next time: written again, not made again
      result = api.call(pointer(), commandName(command), call.format(), call.argv(), call.argc());
    }
    if (result == 0) {
      throw callFailed(command);
    }
    return new CallReply(this, result, null);
  }

  // Module names and shared APIs (docs/shared-apis.md).

  /**
   * {@return whether a loaded module has that name ({@code IsModuleNameBusy})}
   *
   * @param name the module's name, as MODULE LIST shows it
   */
  public boolean isModuleNameBusy(String name) {
    checkActive();
    return api.isModuleNameBusy(cString(name)) != 0;
  }

  /**
   * Exports a native pointer under {@code name} for other modules, C or Java ({@code
   * ExportSharedAPI}), typically a C function or a struct of them. Redis keeps it until this module
   * unloads, and refuses the unload while a module that took it ({@link #sharedApi(String)}) is
   * loaded.
   *
   * @param name the API's name
   * @param pointer the pointer, not 0
   * @return true when exported, false when the name is taken
   */
  public boolean exportSharedApi(String name, long pointer) {
    if (pointer == 0) {
      throw new IllegalArgumentException("a shared API's pointer cannot be NULL");
    }
    return SharedApis.export(this, name, pointer);
  }

  /**
   * Exports a Java object under {@code name} for the other Java modules of this JVM, which take it
   * with {@link #sharedApi(String, Class)}. Each module has its own class loader, so share an
   * object of a JDK type (a {@code java.util.function.Function}, a {@code Map}...): a class of this
   * module's jar is another class in theirs. Redis holds the name as {@code jrm:<name>} (so that no
   * C module calls the object as a function) and refuses this module's unload while a module that
   * took it is loaded; the object goes at the unload.
   *
   * @param name the API's name
   * @param object the shared object
   * @return true when exported, false when the name is taken
   */
  public boolean exportSharedApi(String name, Object object) {
    return SharedApis.export(this, name, object);
  }

  /**
   * {@return the native pointer another module exported under {@code name} ({@code GetSharedAPI}),
   * empty when none has; from then on Redis refuses to unload the exporter before this module}
   *
   * @param name the API's name
   */
  public OptionalLong sharedApi(String name) {
    return SharedApis.find(this, name);
  }

  /**
   * {@return the Java object another Java module exported under {@code name} with {@link
   * #exportSharedApi(String, Object)}, empty when none has; from then on Redis refuses to unload
   * the exporter before this module}
   *
   * @param name the API's name
   * @param type the JDK type it was shared as
   * @param <T> that type
   * @throws ClassCastException when the object is not a {@code type} (a class of the exporter's own
   *     jar is not one of this module's)
   */
  public <T> Optional<T> sharedApi(String name, Class<T> type) {
    return SharedApis.find(this, name, type);
  }

  // What every call of a command sends again, made once: a call costs no more than its downcalls.

  /** The format of a call without flags: {@code E}, errors of the command as error replies. */
  private static final byte[] CALL_FORMAT = CallArguments.format("E", CallArguments.CALL_FLAGS);

  /** The format of a call without flags inside a script: {@code E} and {@code S}. */
  private static final byte[] SCRIPT_CALL_FORMAT =
      CallArguments.format("ES", CallArguments.CALL_FLAGS);

  /** The argv vector of the last call, for the next call with as many arguments. */
  private byte[] callVector;

  /** The last command name called through this context, with its C string. */
  private CalledCommand calledCommand;

  /** The {@link #call} number {@link #inScript} was last asked in, and what it found. */
  private int scriptCheckedCall = -1;

  private boolean inScript;

  /** A command name and its NUL-terminated bytes, in one object so that both change at once. */
  private record CalledCommand(String command, byte[] name) {}

  /** The format for {@code flags}, with {@code E} always and {@code S} inside a script. */
  private byte[] callFormat(String flags) {
    boolean script = inScript();
    if (flags.isEmpty()) {
      return script ? SCRIPT_CALL_FORMAT : CALL_FORMAT;
    }
    // E: errors of the command come back as error replies, never as a bare NULL.
    String all = flags.indexOf('E') < 0 ? flags + 'E' : flags;
    if (script && all.indexOf('S') < 0) {
      all += 'S';
    }
    return CallArguments.format(all, CallArguments.CALL_FLAGS);
  }

  /** Whether this runs inside a script ({@link ContextFlag#LUA}), asked once per call served. */
  private boolean inScript() {
    if (scriptCheckedCall != call) {
      inScript = hasFlag(ContextFlag.LUA);
      scriptCheckedCall = call;
    }
    return inScript;
  }

  /** The C string of {@code command}, kept while the same name is called again and again. */
  private byte[] commandName(String command) {
    CalledCommand last = calledCommand;
    if (last == null || !last.command().equals(command)) {
      last = new CalledCommand(command, cString(command));
      calledCommand = last;
    }
    return last.name();
  }

  private static RedisException callFailed(String command) {
    return new RedisException("ERR calling " + command + " from the module failed");
  }
}
