package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.NativeBackend;
import io.jrm.internal.binding.RedisModuleApi;
import io.jrm.spi.CommandDefinition;
import io.jrm.spi.ModuleDefinition;
import io.jrm.spi.Replication;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * Where the module's C stub enters Java: once over JNI to load the module, then once per command
 * call, through an FFM upcall stub where the backend makes them ({@link #upcallStubs}), else over
 * JNI. Its class loader holds one module only, so its static state is that module's. Nothing here
 * may let a Throwable escape into C.
 */
final class ModuleEntry {
  private static final int OK = 0;
  private static final int ERR = 1;

  /**
   * What the int upcalls return when they returned normally (JRM_RETURNED in module_stub.c). The
   * stub takes anything else as a Throwable that escaped: 0 is what JNI returns while an exception
   * is pending, and what an FFM upcall stub returns for one ({@link #THREW}), which leaves no
   * exception to check.
   */
  private static final int RETURNED = 1;

  private static final int THREW = 0;

  /**
   * What the reply callback of a client blocked on keys returns when it did not reply
   * (JRM_NOT_SERVED in module_stub.c, which returns REDISMODULE_ERR): the client waits on.
   */
  private static final int NOT_SERVED = 2;

  private static final int BLOCKED_TIMEOUT = 1;
  private static final int BLOCKED_DISCONNECT = 2;
  // Indexes into the stub's callback functions (callback_functions in module_stub.c); the blocked
  // kinds and these are checked against the stub by StubAbiTest, as are the methods it looks up.
  private static final int RESTORE_COMMAND = 3;
  private static final int INFO_CALLBACK = 4;
  static final int TIMER_CALLBACK = 5;
  static final int SERVER_EVENT_CALLBACK = 6;
  static final int JAVA_SERVER_EVENTS = 7;
  static final int CHILD_LOG_LINES = 8;
  static final int KEYSPACE_TRAMPOLINES = 9;
  // ModuleConfigs' callbacks come next: 10 to 16; then Scans' collectors: 17 and 18.
  static final int USER_CHANGED_CALLBACK = 19;
  private static final int TYPE_TABLE = 20;
  private static final int TYPE_METHODS = 21;
  static final int COMMAND_FILTER_TRAMPOLINES = 26;
  // The type methods of version 4 that get the keys: copy2, free_effort2, unlink2.
  private static final int TYPE_KEY_METHODS = 27;
  private static final int TYPE_KEY_METHOD_COUNT = 3;
  static final int CLUSTER_MESSAGE_CALLBACK = 30;
  // The type's defrag: the stub's own (JRM's serialized forms), or that and the type's method.
  private static final int TYPE_DEFRAG = 35;
  private static final int TYPE_DEFRAG_JAVA = 36;
  static final int DEFRAG_GLOBALS_CALLBACK = 37;
  // The stub's arrays of aux_save and aux_load trampolines, one per type.
  private static final int TYPE_AUX_SAVERS = 38;
  private static final int TYPE_AUX_LOADERS = 39;
  // How many callback functions the stub of this runtime passes: one past the last index.
  private static final int CALLBACK_COUNT = TYPE_AUX_LOADERS + 1;

  /** {@code REDISMODULE_OPTIONS_HANDLE_IO_ERRORS}. */
  private static final int HANDLE_IO_ERRORS = 1;

  /** The options the module set ({@link Context#setModuleOptions}), as Redis's bits. */
  private static int moduleOptions;

  private static final ErrorLog errors = ErrorLog.fromSystemProperty();

  /** The module's class loader, the context class loader of its upcalls. */
  private static final ClassLoader LOADER = ModuleEntry.class.getClassLoader();

  private static RedisModuleApi api;
  private static ModuleDefinition definition;
  private static long[] callbacks;
  private static DataTypes dataTypes;
  private static HeapGuard heapGuard;
  private static final RuntimeReport runtimeReport = new RuntimeReport();
  private static ContextStack contexts;

  /** Redis's main thread, where the module loaded. */
  private static Thread mainThread;

  /** The author's INFO sections ({@link Context#registerInfoFunc}), null for none. */
  private static volatile InfoFunction infoFunction;

  /** The author's defrag function ({@link Context#registerDefragFunc}), null for none. */
  private static volatile DefragFunction defragFunction;

  /** Per command of the definition: flagged deny-oom, so refused while the heap is full. */
  private static boolean[] deniesOom;

  /** Per command of the definition: getkeys-api or getchannels-api, so Redis may ask positions. */
  private static boolean[] asksPositions;

  /** Per command of the definition: how it reaches replicas and the AOF, read once per call. */
  private static Replication[] replications;

  private ModuleEntry() {}

  /**
   * Binds the API, registers the commands with the stub's trampolines ({@code commandFunctions[i]}
   * serves command {@code i}), runs the module's {@code @OnLoad}, then registers the data types
   * ({@code typeLoaders[i]} loads type {@code i}). {@code callbackFunctions} are the stub's other C
   * functions, in the order of callback_functions in module_stub.c. {@code backendName} is the
   * backend {@code jrm.backend=} asked for ({@link BackendChoice}). Called by the stub's
   * RedisModule_OnLoad.
   */
  static int onLoad(
      ModuleDefinition module,
      long ctx,
      long[] args,
      long[] commandFunctions,
      long[] callbackFunctions,
      long[] typeLoaders,
      String backendName) {
    if (callbackFunctions.length != CALLBACK_COUNT) {
      // A .so built before the runtime changed (an incremental build that did not regenerate it).
      throw new IllegalStateException(
          "the module's stub (.so) passes "
              + callbackFunctions.length
              + " callbacks where this JRM runtime takes "
              + CALLBACK_COUNT
              + ": it was generated by another JRM version; rebuild the module (mvn clean package)");
    }
    // Left set on Redis's main thread, where commands run, so that they need not set it: see run.
    mainThread = Thread.currentThread();
    mainThread.setContextClassLoader(LOADER);
    // Logged once the API is bound with the backend chosen.
    List<String> warnings = new ArrayList<>();
    NativeBackend backend = BackendChoice.of(backendName, warnings::add);
    api = RedisModuleApi.bind(backend, ctx);
    definition = module;
    callbacks = callbackFunctions;
    contexts = new ContextStack(api);
    Context context = new Context(api, ctx);
    try {
      warnings.forEach(line -> context.log(LogLevel.WARNING, line));
      heapGuard = HeapGuard.install(line -> log(LogLevel.WARNING, line));
      List<CommandDefinition> commands = module.commands();
      deniesOom = new boolean[commands.size()];
      asksPositions = new boolean[commands.size()];
      replications = new Replication[commands.size()];
      for (int i = 0; i < commands.size(); i++) {
        CommandDefinition command = commands.get(i);
        List<String> flags = Arrays.asList(command.flags().split(" "));
        deniesOom[i] = flags.contains("deny-oom");
        asksPositions[i] = flags.contains("getkeys-api") || flags.contains("getchannels-api");
        replications[i] = command.replication();
        int rc = CommandRegistration.register(context, command, commandFunctions[i]);
        if (rc != OK) {
          context.log(
              LogLevel.WARNING,
              "JRM: cannot register command "
                  + command.name()
                  + ": the name is taken or its flags or key positions are refused");
          return ERR;
        }
      }
      if (api.registerInfoFunc(ctx, callbackFunctions[INFO_CALLBACK]) != OK) {
        context.log(LogLevel.WARNING, "JRM: cannot register the INFO sections");
        return ERR;
      }
      module.registerConfigs(context);
      boolean fieldConfigs = ModuleConfigs.registered();
      module.onLoad(context, context.wrapArguments(args));
      if (fieldConfigs && !ModuleConfigs.loaded()) {
        ModuleConfigs.load(context); // @Config fields promise a load without a call
      }
      // After @OnLoad: a type's aux triggers may depend on the module's arguments or configs.
      if (!module.types().isEmpty() && registerTypes(ctx, module, context, typeLoaders) != OK) {
        return ERR;
      }
      context.log(
          LogLevel.NOTICE,
          "JRM: loaded "
              + commands.size()
              + " commands on Java "
              + Runtime.version()
              + " (backend "
              + backend.name()
              + ")");
      if (dataTypes != null) {
        // Last: a load that fails leaves no timer behind, which Redis would fire into a freed
        // module.
        SerializationTimer.start(context, dataTypes);
      }
      return OK;
    } catch (Throwable t) {
      context.log(LogLevel.WARNING, "JRM: loading the module failed: " + describe(t));
      // Redis drops the configs of a failed load without asking for their values again.
      ModuleConfigs.release(api);
      return ERR;
    } finally {
      context.deactivate();
    }
  }

  /**
   * Registers the module's data types ({@code typeLoaders[i]} loads type {@code i}) and their
   * restore command, and sets {@code HANDLE_IO_ERRORS}: corrupt RDB data then fails the load of the
   * value (RDB file, RESTORE, replication) with a log line, where Redis would otherwise stop the
   * server.
   */
  private static int registerTypes(
      long ctx, ModuleDefinition module, Context context, long[] typeLoaders) {
    long[] methods =
        // The type methods end where the command filter trampolines begin.
        Arrays.copyOfRange(callbacks, TYPE_METHODS, COMMAND_FILTER_TRAMPOLINES);
    dataTypes =
        DataTypes.register(
            api,
            ctx,
            module.name(),
            module.types(),
            typeLoaders,
            methods,
            Arrays.copyOfRange(
                callbacks, TYPE_KEY_METHODS, TYPE_KEY_METHODS + TYPE_KEY_METHOD_COUNT),
            new long[] {callbacks[TYPE_DEFRAG], callbacks[TYPE_DEFRAG_JAVA]},
            callbacks[TYPE_AUX_SAVERS],
            callbacks[TYPE_AUX_LOADERS],
            callbacks[TYPE_TABLE]);
    if (api.createCommand(
            ctx,
            cString(module.name() + DataTypes.RESTORE_COMMAND),
            callbacks[RESTORE_COMMAND],
            cString("write deny-oom"),
            1,
            1,
            1)
        != OK) {
      context.log(LogLevel.WARNING, "JRM: cannot register the data type restore command");
      return ERR;
    }
    setModuleOptions(ctx, moduleOptions);
    return OK;
  }

  /**
   * Sets the module's options ({@code SetModuleOptions}), with {@code HANDLE_IO_ERRORS} kept for a
   * module with data types, whose loads depend on it.
   */
  static void setModuleOptions(long ctx, int options) {
    moduleOptions = options;
    api.setModuleOptions(ctx, options | (definition.types().isEmpty() ? 0 : HANDLE_IO_ERRORS));
  }

  /**
   * Lets Redis unload the module (MODULE UNLOAD), called by the stub's RedisModule_OnUnload. Redis
   * has refused already a module with data types or blocked clients, and unregisters the commands
   * itself afterwards. This stops what the runtime started in this class loader (the timeout
   * thread, the heap guard's listeners, the backend's upcall stubs), so that nothing runs the
   * module's code again and the loader can be collected; the JVM stays for the next load. Refused
   * (ERR, after a log line) while a detached thread-safe context is open: its thread could call
   * Redis once the module is gone.
   */
  static int onUnload(long ctx) {
    Context context = new Context(api, ctx);
    try {
      int open = ThreadSafeContext.openDetached();
      if (open > 0) {
        context.log(
            LogLevel.WARNING,
            "JRM: "
                + definition.name()
                + " cannot be unloaded: "
                + open
                + " detached thread-safe context(s) are still open, and their threads could call"
                + " Redis after the unload; close them first");
        return ERR;
      }
      if (ClusterMessages.registered()) {
        context.log(
            LogLevel.WARNING,
            "JRM: "
                + definition.name()
                + " cannot be unloaded: it registered cluster message receivers, which Redis 7.0"
                + " keeps after an unload");
        return ERR;
      }
      BlockedClient.stopTimeouts();
      EventLoop.release(); // Redis would call the unloaded module's handlers for its fds
      heapGuard.uninstall();
      ModuleConfigs.release(api); // Redis reads no config of the module after this
      SharedApis.withdraw(); // Redis drops the names itself
      UpcallStubs.awaitMade();
      api.backend().release();
      context.log(LogLevel.NOTICE, "JRM: unloading " + definition.name());
      return OK;
    } catch (Throwable t) {
      context.log(LogLevel.WARNING, "JRM: unloading the module failed: " + describe(t));
      return ERR;
    } finally {
      context.deactivate();
    }
  }

  /** The module's API binding, for objects made outside any callback. */
  static RedisModuleApi api() {
    return api;
  }

  /** The stub's C callbacks, for {@link BlockedClient}. */
  static long[] callbacks() {
    return callbacks;
  }

  /**
   * Starts making the FFM upcall stubs of {@code methods} (each {@code name(descriptor)} of a
   * static method of this class) on a thread of their own, each written into its C slot at {@code
   * slots} once made ({@link UpcallStubs}): a Throwable that escapes one returns {@link #THREW} (or
   * nothing, from a void method) instead of ending the process. Nothing when the backend makes none
   * (JNI upcalls). Called by the stub once the module has loaded, which it tells the backend.
   */
  static void upcallStubs(String[] methods, long[] slots) {
    api.backend().loaded();
    try {
      UpcallStubs.start(
          api.backend(),
          MethodHandles.lookup(),
          methods,
          slots,
          THREW,
          line -> log(LogLevel.WARNING, line));
    } catch (Throwable t) {
      log(LogLevel.WARNING, "JRM: upcalls stay on JNI: " + describe(t));
    }
  }

  /**
   * Whether the stub keeps the Java heap out of forked children ({@code find_java_heap}, which
   * reads the heap's reserved range off the JVM before the load), for INFO; called once the module
   * has loaded.
   */
  static void heapKeptFromForks(boolean kept) {
    runtimeReport.heapKeptFromForks(kept);
  }

  /** Runs command {@code index} of the definition; called by the stub's trampoline. */
  static int command(int index, long ctx, long argv, int argc) {
    return run(Upcall.COMMAND, index, ctx, argv, argc);
  }

  /**
   * Runs the reply ({@code kind} 0) or timeout (1) callback of a {@link BlockedClient}, or its
   * disconnect callback (2), for which {@code argv} is the blocked client's handle.
   */
  static int blockedCallback(int kind, long ctx, long argv, int argc) {
    Upcall upcall =
        kind == BLOCKED_DISCONNECT ? Upcall.BLOCKED_DISCONNECT : Upcall.BLOCKED_CALLBACK;
    return run(upcall, kind, ctx, argv, argc);
  }

  /** The module's data types, null when it has none. */
  static DataTypes dataTypes() {
    if (dataTypes == null) {
      throw new IllegalStateException("module " + definition.name() + " declares no @DataType");
    }
    return dataTypes;
  }

  // Data type callbacks: each must return normally, whatever the Java code does. They catch
  // without a lambda, which would allocate per value (loading, flushing) where C allocates nothing.

  static long rdbLoad(int type, long io, int encver) {
    return dataTypes.rdbLoad(type, io, encver);
  }

  /**
   * {@link #RETURNED} when the stub is to write the value's serialized form (see
   * DataTypes#rdbSave), 0 when Java wrote the value or failed: an int, not a boolean, so that it
   * has an FFM upcall stub.
   */
  static int rdbSave(long io, long value) {
    try {
      return dataTypes.rdbSave(io, value) ? RETURNED : 0;
    } catch (Throwable t) {
      logWithoutContext("rdb_save", t);
      return 0;
    }
  }

  static void aofRewrite(long io, long key, long value) {
    try {
      dataTypes.aofRewrite(io, key, value);
    } catch (Throwable t) {
      logWithoutContext("aof_rewrite", t);
    }
  }

  static long memUsage(long value) {
    try {
      return dataTypes.memUsage(value);
    } catch (Throwable t) {
      logWithoutContext("mem_usage", t);
      return 0;
    }
  }

  static void digest(long digest, long value) {
    try {
      dataTypes.digest(digest, value);
    } catch (Throwable t) {
      logWithoutContext("digest", t);
    }
  }

  static void freeValue(long value) {
    try {
      dataTypes.free(value);
    } catch (Throwable t) {
      logWithoutContext("free", t);
    }
    heapGuard.valueFreed();
  }

  /** copy2: the new value's struct, 0 (COPY fails) when the copy refuses or fails. */
  static long copyValue(long keys, long value) {
    try {
      return dataTypes.copy(keys, value);
    } catch (Throwable t) {
      logWithoutContext("copy", t);
      return 0;
    }
  }

  /** free_effort2: 1 (free at once) when the type's method fails. */
  static long freeEffort(long keys, long value) {
    try {
      return dataTypes.freeEffort(keys, value);
    } catch (Throwable t) {
      logWithoutContext("freeEffort", t);
      return 1;
    }
  }

  static void unlinkValue(long keys, long value) {
    try {
      dataTypes.unlink(keys, value);
    } catch (Throwable t) {
      logWithoutContext("unlink", t);
    }
  }

  /**
   * Whether every value is ready for the fork about to happen: false (after a log line) makes its
   * child fail instead of writing values that may be stale.
   */
  static boolean beforeFork(boolean rewritesAofAsCommands) {
    try {
      long start = System.nanoTime();
      dataTypes.beforeFork(rewritesAofAsCommands);
      runtimeReport.forkPrepared(System.nanoTime() - start);
      return true;
    } catch (Throwable t) {
      logWithoutContext("the pre-fork serialization", t);
      return false;
    }
  }

  /**
   * aux_save of type {@code type} in the parent: {@link #RETURNED}, or 0 when auxSave failed, which
   * the stub makes fail the save.
   */
  static int auxSave(int type, long io, int when) {
    try {
      dataTypes.auxSave(type, io, when);
      return RETURNED;
    } catch (Throwable t) {
      logWithoutContext("aux_save", t);
      return 0;
    }
  }

  /** aux_load of type {@code type}: {@link #RETURNED} when it loaded, 0 (the load fails) if not. */
  static int auxLoad(int type, long io, int encver, int when) {
    try {
      return dataTypes.auxLoad(type, io, encver, when) ? RETURNED : 0;
    } catch (Throwable t) {
      logWithoutContext("aux_load", t);
      return 0;
    }
  }

  /**
   * The module's INFO sections: {@code <module>_heap} (the Java heap and its limit), {@code
   * <module>_jrm} (GC, values and fork costs), then the author's {@link InfoFunction}'s. Called by
   * the stub's info callback, never for a crash report.
   */
  static void info(long infoCtx) {
    InfoContext info = new InfoContext(api, infoCtx);
    try {
      ObjLongConsumer<String> addField =
          (field, value) -> api.infoAddFieldLongLong(infoCtx, cString(field), value);
      if (api.infoAddSection(infoCtx, cString(HeapGuard.INFO_SECTION)) == OK) {
        heapGuard.report(addField);
      }
      if (api.infoAddSection(infoCtx, cString(RuntimeReport.INFO_SECTION)) == OK) {
        runtimeReport.report(dataTypes, addField);
      }
      InfoFunction function = infoFunction;
      if (function != null) {
        function.addInfo(info);
      }
    } catch (Throwable t) {
      log(LogLevel.WARNING, "JRM: INFO of " + definition.name() + " failed: " + describe(t));
    } finally {
      info.deactivate();
    }
  }

  static void infoFunction(InfoFunction function) {
    infoFunction = function;
  }

  static void defragFunction(DefragFunction function) {
    defragFunction = function;
  }

  /**
   * Active defrag of a value whose type declares {@code defrag}: 1 when it stopped early and wants
   * another call, 0 when done or when the method fails.
   */
  static int defragValue(long defragCtx, long key, long value) {
    try {
      return dataTypes.defrag(defragCtx, value) ? 1 : 0;
    } catch (Throwable t) {
      logCallbackFailure("defrag of a value", t);
      return 0;
    }
  }

  /** The module's {@link DefragFunction}, which Redis runs in each defrag cycle: always 0. */
  static int defragGlobals(long defragCtx) {
    DefragFunction function = defragFunction;
    if (function == null) {
      return 0;
    }
    Context scope = contexts.enter(0);
    try {
      function.defrag(new DefragContext(scope, defragCtx));
    } catch (Throwable t) {
      logCallbackFailure("defrag function", t);
    } finally {
      contexts.exit();
    }
    return 0;
  }

  /** Command filter {@code filter} runs over the arguments at {@code filterCtx}. */
  static void commandFilter(int filter, long filterCtx) {
    run(Upcall.COMMAND_FILTER, filter, 0, filterCtx, 0);
  }

  /**
   * A cluster bus message of {@code type} from node {@code sender} (the address of its 40-byte id)
   * reached the module ({@link ClusterMessages}): {@code payload} and {@code length} are its bytes.
   */
  static void clusterMessage(long ctx, long sender, int type, long payload, int length) {
    run(Upcall.CLUSTER_MESSAGE, type, ctx, payload, length, sender);
  }

  /** A timer of the module fired: {@code data} is its handle ({@link Timers}). */
  static void timer(long ctx, long data) {
    run(Upcall.TIMER, 0, ctx, data, 0);
  }

  /**
   * A client authenticated by {@link Context#authenticateClientWithUser(ModuleUser,
   * java.util.function.LongConsumer)} changed user or went away: {@code handle} is its callback's
   * ({@link UserChangedCallbacks}).
   */
  static void userChanged(long clientId, long handle) {
    try {
      UserChangedCallbacks.fire(handle, clientId);
    } catch (Throwable t) {
      logCallbackFailure("user-changed callback", t);
    }
  }

  /** File descriptor {@code fd} is ready for the event in {@code mask} ({@link EventLoop}). */
  static void fileEvent(int fd, int mask) {
    try {
      EventLoop.fire(fd, mask);
    } catch (Throwable t) {
      logCallbackFailure("event loop handler of fd " + fd, t);
    }
  }

  /** The one-shot event loop task of {@code handle} runs ({@link EventLoop#addOneShot}). */
  static void oneShot(long handle) {
    try {
      EventLoop.fireOneShot(handle);
    } catch (Throwable t) {
      logCallbackFailure("one-shot event loop task", t);
    }
  }

  /** The fork child of {@code handle} exited ({@link Context#fork}). */
  static void forkDone(long handle, int exitCode, int bySignal) {
    try {
      ForkChildren.done(handle, exitCode, bySignal);
    } catch (Throwable t) {
      logCallbackFailure("fork done handler", t);
    }
  }

  /** Logs a Throwable of a callback that has no client and no context (the main thread's). */
  private static void logCallbackFailure(String callback, Throwable t) {
    String what = definition.name() + " " + callback;
    errors.failed(
        what,
        t,
        () -> "JRM: " + what + " threw " + describe(t),
        line -> log(LogLevel.WARNING, line));
  }

  /**
   * A server event the module subscribed to fired ({@link ServerEvents}): {@code data} is the
   * event's data struct, or 0.
   */
  static void serverEvent(long ctx, long event, long subEvent, long data) {
    run(Upcall.SERVER_EVENT, (int) event, ctx, data, (int) subEvent);
  }

  /**
   * A keyspace event for the module's subscription {@code subscription} ({@link
   * KeyspaceSubscriptions}): {@code type} its class bit, {@code event} the address of its name.
   */
  static void keyspaceEvent(int subscription, long ctx, int type, long event, long key) {
    run(Upcall.KEYSPACE_EVENT, subscription, ctx, event, type, key);
  }

  /**
   * A module config's value, for the stub's getter trampolines ({@link ModuleConfigs}): 0 (false,
   * NULL) after a Throwable, which is logged.
   */
  static long configGet(long handle) {
    try {
      return ModuleConfigs.get(api, handle);
    } catch (Throwable t) {
      logConfigFailure(handle, "getter", t);
      return 0;
    }
  }

  /** Sets a module config: 0, or the error string (a RedisModuleString) Redis shows and frees. */
  static long configSet(long handle, long value) {
    try {
      ModuleConfigs.set(api, handle, value);
      return 0;
    } catch (Throwable t) {
      return configError(handle, "setter", t);
    }
  }

  /** Runs a module config's apply function after CONFIG SET: 0, or the error string. */
  static long configApply(long ctx, long handle) {
    Context context = new Context(api, ctx);
    try {
      ModuleConfigs.apply(context, handle);
      return 0;
    } catch (Throwable t) {
      return configError(handle, "apply function", t);
    } finally {
      context.deactivate();
    }
  }

  /**
   * The reason CONFIG SET shows for a refused value: a RedisException's or
   * IllegalArgumentException's message (a refusal, not logged), else the Throwable, logged.
   */
  private static long configError(long handle, String callback, Throwable t) {
    String reason;
    if (t instanceof RedisException || t instanceof IllegalArgumentException) {
      reason = RedisException.oneLine(t.getMessage());
    } else {
      logConfigFailure(handle, callback, t);
      reason = "JRM: the " + callback + " of config " + ModuleConfigs.name(handle) + " threw " + t;
    }
    byte[] bytes = RedisException.oneLine(reason).getBytes(StandardCharsets.UTF_8);
    return api.createString(0, bytes, bytes.length);
  }

  private static void logConfigFailure(long handle, String callback, Throwable t) {
    String what = definition.name() + " config " + ModuleConfigs.name(handle) + " " + callback;
    errors.failed(
        what,
        t,
        () -> "JRM: " + what + " threw " + describe(t),
        line -> log(LogLevel.WARNING, line));
  }

  /** The data type restore command, the way a rewritten AOF rebuilds values. */
  static int restore(long ctx, long argv, int argc) {
    return run(Upcall.RESTORE, 0, ctx, argv, argc);
  }

  private static void logWithoutContext(String callback, Throwable t) {
    String what = definition.name() + " data type " + callback;
    errors.failed(
        what,
        t,
        () -> "JRM: " + what + " failed: " + describe(t),
        line -> log(LogLevel.WARNING, line));
  }

  private static void log(LogLevel level, String line) {
    api.log(0, cString(level.redisName()), cString("%s"), cString(line));
  }

  /** Redis frees the private data of an unblocked client: forget that client. */
  static void freePrivateData(long ctx, long privateData) {
    BlockedClient.freed(privateData);
  }

  /**
   * The upcalls {@link #run} serves. They are told apart by a switch rather than passed as lambdas,
   * and named only for a log line, so that an upcall allocates no lambda and no string.
   */
  private enum Upcall {
    /** A command of the definition; the index is the command's. */
    COMMAND,
    /** A blocked client's reply (index 0) or timeout (1) callback. */
    BLOCKED_CALLBACK,
    /** A blocked client's disconnect callback; argv is the blocked client's handle. */
    BLOCKED_DISCONNECT,
    /** The data type restore command. */
    RESTORE,
    /** A {@link Timer} firing; argv is its handle. */
    TIMER,
    /** A server event; the index is the event's id, argv its data, argc the subevent. */
    SERVER_EVENT,
    /**
     * A keyspace event; the index is the subscription, argv the event's name, argc its class and
     * the extra word its key.
     */
    KEYSPACE_EVENT,
    /** A command filter; the index is the filter, argv its argument context. */
    COMMAND_FILTER,
    /**
     * A cluster bus message; the index is its type, argv its payload, argc the payload's length and
     * the extra word the sender's node id.
     */
    CLUSTER_MESSAGE
  }

  /** What an upcall is, for a log line: {@code command hello.simple}. */
  private static String what(Upcall upcall, int index) {
    return switch (upcall) {
      case COMMAND -> "command " + definition.commands().get(index).name();
      case BLOCKED_CALLBACK -> "blocked client callback";
      case BLOCKED_DISCONNECT -> "blocked client disconnect callback";
      case RESTORE -> "command " + definition.name() + DataTypes.RESTORE_COMMAND;
      case TIMER -> "timer callback";
      case SERVER_EVENT -> "server event " + index + " callback";
      case KEYSPACE_EVENT -> "keyspace event listener";
      case COMMAND_FILTER -> "command filter";
      case CLUSTER_MESSAGE -> "cluster message receiver of type " + index;
    };
  }

  /**
   * Runs {@code upcall} with a context for {@code ctx}, the module's class loader as context loader
   * (libraries that look classes up through it must find this module's), and every Throwable turned
   * into an error reply and a log line ({@link ErrorLog}: repeats are counted, not logged).
   */
  private static int run(Upcall upcall, int index, long ctx, long argv, int argc) {
    return run(upcall, index, ctx, argv, argc, 0);
  }

  /** {@link #run} with one more word for {@code upcall} ({@code extra}: a keyspace event's key). */
  private static int run(Upcall upcall, int index, long ctx, long argv, int argc, long extra) {
    Context context = contexts.enter(ctx);
    Thread thread = Thread.currentThread();
    // Set and restored only when the thread has another (onLoad leaves the main thread the
    // module's; another thread, or a module loaded later in the same JVM, has its own), so that a
    // command on the main thread only compares it.
    ClassLoader caller = thread.getContextClassLoader();
    if (caller != LOADER) {
      thread.setContextClassLoader(LOADER);
    }
    try {
      // Checked before locking and allocating anything: this runs on every command.
      if (errors.mayHaveSummaries()) {
        errors.flush(warnings(context));
      }
      serve(upcall, index, context, argv, argc, extra);
      if (context.waitsForKeys()) {
        return NOT_SERVED;
      }
    } catch (Throwable t) {
      // A disconnect, a timer, a server event, a notification, a filter or a cluster message has
      // no client to tell: all are logged.
      boolean replies =
          upcall != Upcall.BLOCKED_DISCONNECT
              && upcall != Upcall.TIMER
              && upcall != Upcall.SERVER_EVENT
              && upcall != Upcall.KEYSPACE_EVENT
              && upcall != Upcall.COMMAND_FILTER
              && upcall != Upcall.CLUSTER_MESSAGE;
      if (replies) {
        replyError(context, errorLine(t)); // first: the client must get its reply
      }
      if (!replies
          || !(t instanceof RedisException) && !(t instanceof ReplyTracker.ExtraReplyException)) {
        logFailure(upcall, index, t, context);
      }
    } finally {
      if (context.replyTracker().dropped()) {
        context.log(
            LogLevel.WARNING,
            "JRM: " + what(upcall, index) + " replied more than once; the extra reply was dropped");
      }
      contexts.exit();
      if (caller != LOADER) {
        thread.setContextClassLoader(caller);
      }
    }
    if (upcall == Upcall.COMMAND) {
      serializeIfOverForkBudget(thread);
    }
    return RETURNED;
  }

  /**
   * Serializes values written beyond what the next fork should find ({@link
   * DataTypes#serializeToForkBudget}). Only after a command Redis itself called on its main thread:
   * a command called from another upcall, or from a thread holding the server lock, may be inside
   * code that still changes a value it fetched. Not while Redis loads (the AOF's commands): no fork
   * comes before the load ends, and the values the AOF writes over and over would be serialized
   * each time rather than once at the end (as the timer, which Redis does not fire while loading,
   * does not either).
   */
  private static void serializeIfOverForkBudget(Thread thread) {
    DataTypes types = dataTypes;
    if (types != null
        && contexts.idle()
        && thread == mainThread
        && types.overForkBudget()
        && !ContextFlag.LOADING.in(api.getContextFlags(0))) {
      try {
        types.serializeToForkBudget();
      } catch (Throwable t) {
        logWithoutContext("the serialization between commands", t);
      }
    }
  }

  /**
   * Propagates a command declared {@code replicate = VERBATIM} once it has succeeded: not after an
   * error reply (an exception never gets here), not before a blocked client's callback has replied,
   * and not twice when the handler propagated something itself. A position request never gets here.
   */
  private static void replicateSucceeded(Context context) {
    ReplyTracker reply = context.replyTracker();
    if (!reply.failed() && !reply.delegated() && !context.propagated()) {
      context.replicateVerbatim();
    }
  }

  /** Whether Redis calls the command only for its key or channel positions. */
  private static boolean isPositionRequest(Context context) {
    return context.isKeysPositionRequest() || context.isChannelsPositionRequest();
  }

  /** The body of {@code upcall}, inside {@link #run}'s guard. */
  private static void serve(
      Upcall upcall, int index, Context context, long argv, int argc, long extra) throws Exception {
    switch (upcall) {
      case COMMAND -> {
        // Only commands declared getkeys-api or getchannels-api are ever asked, so only they pay
        // the two downcalls.
        if (asksPositions[index] && isPositionRequest(context)) {
          // Redis wants positions only: no reply, no heap check (its -OOM would go nowhere and
          // leave the positions unreported) and nothing replicated (the context has no client).
          context.refusePropagation(
              "a key or channel position request must not propagate anything: report the"
                  + " positions and return");
          definition.dispatch(index, context, context.arguments(argv, argc));
          return;
        }
        if (deniesOom[index]) {
          heapGuard.check(context);
        }
        Replication replication = replications[index];
        if (replication == Replication.NONE) {
          context.refusePropagation(
              "this command is declared @RedisCommand(replicate = NONE): it must not propagate"
                  + " anything; declare MANUAL to replicate from the handler");
        }
        definition.dispatch(index, context, context.arguments(argv, argc));
        if (!context.replyTracker().complete()) {
          context.log(
              LogLevel.WARNING, "JRM: " + what(upcall, index) + " returned without replying");
          replyError(context, "ERR the command returned without replying");
        }
        if (replication == Replication.VERBATIM) {
          replicateSucceeded(context);
        }
      }
      case BLOCKED_CALLBACK -> {
        boolean mayWait = BlockedClient.dispatch(context, index == BLOCKED_TIMEOUT);
        if (mayWait && !context.replyTracker().complete()) {
          context.waitForKeys(); // a key was ready, but not with what the client waits for
        } else if (!context.replyTracker().complete()) {
          replyError(context, "ERR the blocked client callback returned without replying");
        }
      }
      case BLOCKED_DISCONNECT -> {
        context.replyTracker().refuseAll(); // the client is going away
        BlockedClient.disconnected(context, argv);
      }
      case RESTORE -> {
        heapGuard.check(context); // the restore command is deny-oom
        dataTypes.restore(context, context.arguments(argv, argc));
      }
      case TIMER -> Timers.fire(context, argv);
      case SERVER_EVENT -> ServerEvents.fire(context, index, argc, argv);
      case KEYSPACE_EVENT -> {
        context.replyTracker().refuseAll();
        KeyspaceSubscriptions.fire(context, index, argc, argv, extra);
      }
      case COMMAND_FILTER -> {
        context.replyTracker().refuseAll();
        CommandFilters.fire(context, index, argv);
      }
      case CLUSTER_MESSAGE -> {
        context.replyTracker().refuseAll();
        ClusterMessages.fire(context, index, extra, argv, argc);
      }
    }
  }

  /**
   * Logs the failure of an upcall, unless the heap runs out while the line is made: the reply has
   * gone out, and a lost log line is better than the stub's second reply.
   */
  private static void logFailure(Upcall upcall, int index, Throwable t, Context context) {
    try {
      String what = what(upcall, index);
      errors.failed(what, t, () -> "JRM: " + what + " threw " + describe(t), warnings(context));
    } catch (OutOfMemoryError lineLost) {
      // the heap is nearly full; HeapGuard's own log line says so
    }
  }

  /** Where {@link ErrorLog} writes for a callback: the Redis log, as WARNING lines. */
  private static Consumer<String> warnings(Context context) {
    return line -> context.log(LogLevel.WARNING, line);
  }

  /** Replies with {@code error} wherever the reply stands, keeping it well-formed. */
  private static void replyError(Context context, String error) {
    ReplyTracker tracker = context.replyTracker();
    if (tracker.complete()) {
      return; // the client already has its whole reply; the log line is all that is left
    }
    context.replyWithError(error);
    tracker.finish(context, error);
  }

  /** {@code ERR java.lang.IllegalStateException: message}, or a RedisException's own line. */
  private static String errorLine(Throwable t) {
    if (t instanceof RedisException redis) {
      return redis.errorLine();
    }
    if (t instanceof OutOfMemoryError) {
      return heapGuard.outOfMemoryLine();
    }
    return "ERR " + RedisException.oneLine(t.toString());
  }

  /** The throwable and where it was thrown, on one line. */
  private static String describe(Throwable t) {
    StringBuilder line = new StringBuilder(RedisException.oneLine(t.toString()));
    StackTraceElement[] frames = t.getStackTrace();
    for (int i = 0; i < Math.min(frames.length, 5); i++) {
      line.append(i == 0 ? " at " : " <- ").append(frames[i]);
    }
    return line.toString();
  }
}
