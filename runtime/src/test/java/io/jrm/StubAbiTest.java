package io.jrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrm.bindinggen.BindingGenerator;
import io.jrm.internal.binding.ApiFunction;
import io.jrm.internal.types.SnapshotWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract between the C stub and this runtime, checked from both sides: a probe compiled with
 * gcc against the stub template ({@code stub_abi_probe.c}) prints the stub's struct layouts, the
 * order of its callback functions, the ModuleEntry methods it looks up, the natives it registers
 * for the JNI backend (one per shape of {@link ApiFunction#shapes()}, generated from the API
 * description), and how it replays a snapshot written by {@link SnapshotWriter}; each must match
 * the Java side.
 */
class StubAbiTest {
  private static final String TEMPLATE = "io/jrm/nativetemplate/module_stub.c";
  private static final String PROBE = "io/jrm/stub_abi_probe.c";
  private static final String DOWNCALLS = "io.jrm.internal.binding.jni.JniDowncalls";
  private static final String DESCRIPTION = "src/main/binding/redis-module-api.txt";
  private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

  /** The probe's output: the rest of each line by its first words. */
  private static Map<String, String> probe;

  private static List<String> replay;

  @BeforeAll
  static void runProbe(@TempDir Path dir) throws Exception {
    assumeTrue(onPath("gcc"), "gcc is not on PATH");
    copyResource(TEMPLATE, dir.resolve("module_stub.c"));
    copyResource(PROBE, dir.resolve("probe.c"));
    Path executable = dir.resolve("probe");
    run(
        dir,
        "gcc",
        "-std=gnu11",
        "-I" + JAVA_HOME.resolve("include"),
        "-I" + JAVA_HOME.resolve("include/linux"),
        "-o",
        executable.toString(),
        dir.resolve("probe.c").toString(),
        "-ldl",
        "-lpthread");

    SnapshotWriter rdb = new SnapshotWriter(false);
    rdb.saveFormatVersion();
    rdb.saveUnsigned(7);
    rdb.saveSigned(-3);
    rdb.saveUnsigned(-1L); // the largest unsigned: a varint of ten bytes
    rdb.saveSigned(Long.MIN_VALUE);
    rdb.saveSigned(300);
    rdb.saveDouble(1.5);
    rdb.saveFloat(2.5f);
    rdb.saveLongDouble(new BigDecimal("1.1"));
    rdb.saveStringBuffer(bytes("abc"));
    SnapshotWriter aof = new SnapshotWriter(false);
    aof.command(new byte[][] {bytes("RPUSH"), null, bytes("x"), bytes("y")});
    aof.command(new byte[][] {bytes("PEXPIRE"), null, bytes("10")});
    Files.write(dir.resolve("rdb"), rdb.toByteArray());
    Files.write(dir.resolve("aof"), aof.toByteArray());

    List<String> lines =
        run(
            dir,
            executable.toString(),
            dir.resolve("rdb").toString(),
            dir.resolve("aof").toString());
    probe = new LinkedHashMap<>();
    for (String line : lines) {
      String[] words = line.split(" ", 3);
      probe.put(words[0] + " " + words[1], words.length > 2 ? words[2] : "");
    }
    replay = lines.stream().filter(l -> l.startsWith("rdb ") || l.startsWith("aof ")).toList();
  }

  @Test
  void javaValueLayoutMatchesDataTypes() throws Exception {
    assertThat(probe)
        .containsEntry("offset JavaValue.handle", constant(DataTypes.class, "HANDLE"))
        .containsEntry("offset JavaValue.type", constant(DataTypes.class, "TYPE"))
        .containsEntry("offset JavaValue.rdb", constant(DataTypes.class, "RDB"))
        .containsEntry("offset JavaValue.rdb_len", constant(DataTypes.class, "RDB_LENGTH"))
        .containsEntry("offset JavaValue.aof", constant(DataTypes.class, "AOF"))
        .containsEntry("offset JavaValue.aof_len", constant(DataTypes.class, "AOF_LENGTH"))
        .containsEntry("size JavaValue", constant(DataTypes.class, "VALUE_SIZE"));
  }

  @Test
  void commandInfoLayoutMatchesTheStubsDeclarations() throws Exception {
    List<String> names = new ArrayList<>();
    for (Field field : CommandInfoLayout.class.getDeclaredFields()) {
      names.add(field.getName());
      assertThat(probe)
          .containsEntry(
              "layout " + field.getName(), constant(CommandInfoLayout.class, field.getName()));
    }
    assertThat(probe.keySet().stream().filter(k -> k.startsWith("layout ")))
        .as("every layout the probe prints is a CommandInfoLayout constant")
        .hasSameSizeAs(names);
  }

  @Test
  void scanBatchLayoutMatchesScans() throws Exception {
    assertThat(probe)
        .containsEntry("size JrmScanBatch", constant(Scans.class, "BATCH_SIZE"))
        .containsEntry("offset JrmScanBatch.data", constant(Scans.class, "BATCH_DATA"))
        .containsEntry("offset JrmScanBatch.length", constant(Scans.class, "BATCH_LENGTH"));
  }

  @Test
  void typeTableLayoutMatchesDataTypes() throws Exception {
    assertThat(probe)
        .containsEntry("size TypeEntry", constant(DataTypes.class, "TYPE_ENTRY_SIZE"))
        .containsEntry("offset TypeEntry.encver", constant(DataTypes.class, "TYPE_ENCVER"))
        .containsEntry("offset TypeEntry.aux", constant(DataTypes.class, "TYPE_AUX"))
        .containsEntry("size AuxForm", constant(DataTypes.class, "AUX_FORM_SIZE"))
        .containsEntry("size TypeEntry.name", constant(DataTypes.class, "TYPE_ENCVER"));
  }

  @Test
  void callbackFunctionsAreInTheOrderJavaIndexesThem() throws Exception {
    int typeMethods = Integer.parseInt(constant(ModuleEntry.class, "TYPE_METHODS"));
    // RedisModuleTypeMethods order after version and rdb_load, the two words Java fills itself.
    List<String> methods =
        List.of(
            "&type_rdb_save", "&type_aof_rewrite", "&type_mem_usage", "&type_digest", "&type_free");
    int firstWord = Integer.parseInt(constant(DataTypes.class, "FIRST_METHOD_WORD"));
    int freeWord = Integer.parseInt(constant(DataTypes.class, "FREE_WORD"));
    assertThat(methods).hasSize(freeWord - firstWord + 1);
    int keyMethods = Integer.parseInt(constant(ModuleEntry.class, "TYPE_KEY_METHODS"));
    List<String> keyMethodNames = List.of("&type_copy", "&type_free_effort", "&type_unlink");
    assertThat(constant(ModuleEntry.class, "TYPE_KEY_METHOD_COUNT"))
        .isEqualTo(Integer.toString(keyMethodNames.size()));
    assertThat(constant(DataTypes.class, "COPY_METHOD")).isEqualTo("0");
    assertThat(constant(DataTypes.class, "FREE_EFFORT_METHOD")).isEqualTo("1");
    assertThat(constant(DataTypes.class, "UNLINK_METHOD")).isEqualTo("2");
    for (int i = 0; i < keyMethodNames.size(); i++) {
      assertThat(probe)
          .containsEntry("callback " + keyMethodNames.get(i), Integer.toString(keyMethods + i));
    }
    assertThat(probe)
        .containsEntry("callback &blocked_reply", constant(BlockedClient.class, "REPLY_CALLBACK"))
        .containsEntry(
            "callback &blocked_timeout", constant(BlockedClient.class, "TIMEOUT_CALLBACK"))
        .containsEntry(
            "callback &blocked_free_privdata",
            constant(BlockedClient.class, "FREE_PRIVDATA_CALLBACK"))
        .containsEntry("callback &restore_command", constant(ModuleEntry.class, "RESTORE_COMMAND"))
        .containsEntry("callback &info_callback", constant(ModuleEntry.class, "INFO_CALLBACK"))
        .containsEntry("callback &timer_fired", constant(ModuleEntry.class, "TIMER_CALLBACK"))
        .containsEntry(
            "callback &server_event", constant(ModuleEntry.class, "SERVER_EVENT_CALLBACK"))
        .containsEntry(
            "callback java_server_events", constant(ModuleEntry.class, "JAVA_SERVER_EVENTS"))
        .containsEntry("callback child_log_lines", constant(ModuleEntry.class, "CHILD_LOG_LINES"))
        .containsEntry(
            "callback keyspace_trampolines", constant(ModuleEntry.class, "KEYSPACE_TRAMPOLINES"))
        .containsEntry(
            "callback &config_get_int", constant(ModuleConfigs.class, "GET_INT_CALLBACK"))
        .containsEntry(
            "callback &config_get_numeric", constant(ModuleConfigs.class, "GET_NUMERIC_CALLBACK"))
        .containsEntry(
            "callback &config_get_string", constant(ModuleConfigs.class, "GET_STRING_CALLBACK"))
        .containsEntry(
            "callback &config_set_int", constant(ModuleConfigs.class, "SET_INT_CALLBACK"))
        .containsEntry(
            "callback &config_set_numeric", constant(ModuleConfigs.class, "SET_NUMERIC_CALLBACK"))
        .containsEntry(
            "callback &config_set_string", constant(ModuleConfigs.class, "SET_STRING_CALLBACK"))
        .containsEntry("callback &config_apply", constant(ModuleConfigs.class, "APPLY_CALLBACK"))
        .containsEntry("callback &scan_collect", constant(Scans.class, "SCAN_CALLBACK"))
        .containsEntry("callback &scan_key_collect", constant(Scans.class, "SCAN_KEY_CALLBACK"))
        .containsEntry(
            "callback &user_changed", constant(ModuleEntry.class, "USER_CHANGED_CALLBACK"))
        .containsEntry("callback type_table", constant(ModuleEntry.class, "TYPE_TABLE"))
        .containsEntry(
            "callback command_filter_trampolines",
            constant(ModuleEntry.class, "COMMAND_FILTER_TRAMPOLINES"))
        .containsEntry(
            "callback &cluster_message", constant(ModuleEntry.class, "CLUSTER_MESSAGE_CALLBACK"))
        .containsEntry(
            "callback &event_loop_file_event", constant(EventLoop.class, "FILE_EVENT_CALLBACK"))
        .containsEntry(
            "callback &event_loop_one_shot", constant(EventLoop.class, "ONE_SHOT_CALLBACK"))
        .containsEntry("callback &fork_with_task", constant(ForkChildren.class, "FORK_FUNCTION"))
        .containsEntry(
            "callback &blocked_disconnect", constant(BlockedClient.class, "DISCONNECT_CALLBACK"))
        .containsEntry("callback &type_defrag", constant(ModuleEntry.class, "TYPE_DEFRAG"))
        .containsEntry(
            "callback &type_defrag_java", constant(ModuleEntry.class, "TYPE_DEFRAG_JAVA"))
        .containsEntry(
            "callback &defrag_globals", constant(ModuleEntry.class, "DEFRAG_GLOBALS_CALLBACK"))
        .containsEntry("callback aux_savers", constant(ModuleEntry.class, "TYPE_AUX_SAVERS"))
        .containsEntry("callback aux_loaders", constant(ModuleEntry.class, "TYPE_AUX_LOADERS"));
    assertThat(probe)
        .containsEntry("callbacks " + constant(ModuleEntry.class, "CALLBACK_COUNT"), "");
    for (int i = 0; i < methods.size(); i++) {
      assertThat(probe)
          .containsEntry("callback " + methods.get(i), Integer.toString(typeMethods + i));
    }
  }

  @Test
  void serverEventTablesMatchServerEvents() throws Exception {
    String events = constant(ServerEvents.class, "EVENT_COUNT");
    String subEvents = constant(ServerEvents.class, "PERSISTENCE_SUBEVENTS");
    String lineSize = constant(ServerEvents.class, "CHILD_LINE_SIZE");
    assertThat(probe)
        .containsEntry("events REDIS_EVENT_COUNT", events)
        .containsEntry("events java_server_events", events)
        .containsEntry("events JRM_PERSISTENCE_SUBEVENTS", subEvents)
        .containsEntry("events JRM_CHILD_LINE_SIZE", lineSize)
        .containsEntry(
            "events child_log_lines",
            Integer.toString(Integer.parseInt(subEvents) * Integer.parseInt(lineSize)));
  }

  @Test
  void serverEventDataLayoutsMatchServerEventReader() throws Exception {
    Map<String, String> fields = prefixed("event-field ");
    long constants =
        Arrays.stream(ServerEventReader.class.getDeclaredFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == int.class)
            .count();
    assertThat(fields).hasSize((int) constants);
    for (Map.Entry<String, String> field : fields.entrySet()) {
      String name = field.getKey().toUpperCase(Locale.ROOT);
      assertThat(constant(ServerEventReader.class, name)).as(name).isEqualTo(field.getValue());
    }
  }

  @Test
  void theStreamIdLayoutMatchesStreamId() throws Exception {
    assertThat(prefixed("stream-id "))
        .isEqualTo(
            Map.of(
                "SIZE", constant(StreamId.class, "SIZE"),
                "MS", constant(StreamId.class, "MS"),
                "SEQ", constant(StreamId.class, "SEQ")));
  }

  @Test
  void childTaskEncodingMatchesTheStubsChildRunner() throws Exception {
    Map<String, String> stub = prefixed("child-task ");
    assertThat(stub).hasSize(6);
    for (String name : stub.keySet()) {
      assertThat(stub.get(name)).as(name).isEqualTo(constant(ChildTask.class, name));
    }
  }

  @Test
  void blockedCallbackKindsMatchModuleEntry() throws Exception {
    assertThat(probe)
        .containsEntry(
            "blocked-kind BLOCKED_TIMEOUT", constant(ModuleEntry.class, "BLOCKED_TIMEOUT"))
        .containsEntry(
            "blocked-kind BLOCKED_DISCONNECT", constant(ModuleEntry.class, "BLOCKED_DISCONNECT"));
  }

  @Test
  void theUpcallResultOfANormalReturnMatchesModuleEntry() throws Exception {
    assertThat(probe)
        .containsEntry("upcall-result JRM_RETURNED", constant(ModuleEntry.class, "RETURNED"))
        .containsEntry("upcall-result JRM_NOT_SERVED", constant(ModuleEntry.class, "NOT_SERVED"));
    // What JNI returns with an exception pending, which the stub takes as "threw" as well.
    assertThat(constant(ModuleEntry.class, "THREW")).isEqualTo("0");
  }

  @Test
  void everyMethodTheStubLooksUpIsAStaticMethodOfModuleEntryWithThatDescriptor() {
    Map<String, String> looked = prefixed("method ");
    Map<String, String> declared =
        Arrays.stream(ModuleEntry.class.getDeclaredMethods())
            .filter(m -> Modifier.isStatic(m.getModifiers()) && looked.containsKey(m.getName()))
            .collect(Collectors.toMap(Method::getName, StubAbiTest::descriptor));
    assertThat(looked).isNotEmpty().isEqualTo(declared);
  }

  @Test
  void theStubRegistersExactlyTheNativesOfJniDowncalls() throws Exception {
    Map<String, String> registered = prefixed("native ");
    Map<String, String> declared =
        Arrays.stream(Class.forName(DOWNCALLS).getDeclaredMethods())
            .filter(m -> Modifier.isNative(m.getModifiers()))
            .collect(Collectors.toMap(Method::getName, StubAbiTest::descriptor));
    assertThat(registered).isNotEmpty().isEqualTo(declared);
  }

  /**
   * A native per shape, and per shape with arrays (a long double aside) one taking them as
   * addresses, which JniScratchCalls calls after copying the arrays itself.
   */
  @Test
  void everyShapeOfTheApiHasANativeAndEveryShapeNativeAShape() {
    Set<String> shapes =
        Arrays.stream(ApiFunction.values())
            .flatMap(function -> function.shapes().stream())
            .flatMap(
                shape ->
                    shape.matches(".*[BLID].*") && !shape.contains("e")
                        ? Stream.of(
                            shape, shape.charAt(0) + shape.substring(1).replaceAll("[BLID]", "j"))
                        : Stream.of(shape))
            .collect(Collectors.toSet());
    Set<String> natives =
        prefixed("native ").keySet().stream()
            .filter(name -> name.contains("_"))
            .collect(Collectors.toSet());
    assertThat(natives).isEqualTo(shapes);
  }

  @Test
  void theStubsDowncallsAreTheOnesGeneratedFromTheDescription() throws Exception {
    String stub;
    try (InputStream in = StubAbiTest.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
      stub = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(stub)
        .as("module_stub.c: run mvn -pl runtime exec:java@update-stub")
        .contains(BindingGenerator.stubDowncalls(Path.of(DESCRIPTION)));
  }

  @Test
  void theStubReplaysWhatSnapshotWriterWrites() {
    assertThat(replay)
        .containsExactly(
            "rdb unsigned 7",
            "rdb signed -3",
            "rdb unsigned 18446744073709551615",
            "rdb signed -9223372036854775808",
            "rdb signed 300",
            "rdb double 1.5",
            "rdb float 2.5",
            "rdb long double 1.10000000000000000002",
            "rdb buffer abc",
            "aof v RPUSH <key> x y",
            "aof v PEXPIRE <key> 10");
    assertThat(probe).containsEntry("replay rdb", "0").containsEntry("replay aof", "0");
  }

  /** The probe's lines that start with {@code prefix}, by their second word. */
  private static Map<String, String> prefixed(String prefix) {
    return probe.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .collect(Collectors.toMap(e -> e.getKey().substring(prefix.length()), Map.Entry::getValue));
  }

  private static String descriptor(Method method) {
    return MethodType.methodType(method.getReturnType(), method.getParameterTypes())
        .toMethodDescriptorString();
  }

  /** A private static final int of the runtime, as the probe prints numbers. */
  private static String constant(Class<?> owner, String name) throws ReflectiveOperationException {
    Field field = owner.getDeclaredField(name);
    field.setAccessible(true);
    return Integer.toString(field.getInt(null));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void copyResource(String name, Path target) throws IOException {
    try (InputStream in = StubAbiTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      Files.copy(in, target);
    }
  }

  private static List<String> run(Path dir, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
    assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
    return output.lines().toList();
  }

  private static boolean onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(entry -> !entry.isEmpty() && Files.isExecutable(Path.of(entry, program)));
  }
}
