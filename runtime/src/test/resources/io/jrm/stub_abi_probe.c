/*
 * Prints what the module stub (module_stub.c, included below) assumes of the Java runtime, for
 * StubAbiTest to compare with the Java side: the JavaValue and TypeEntry layouts, the index of each
 * function in callback_functions[], the ModuleEntry methods it looks up, the natives it registers
 * for the JNI backend, and how it replays the RDB
 * and AOF snapshots in the files argv[1] and argv[2] (written by Java's SnapshotWriter).
 */
#define JRM_MODULE_NAME "abiprobe"
#define JRM_MODULE_VERSION 1
#define JRM_DEFINITION_CLASS "io.jrm.AbiProbe"
#define JRM_COMMAND_COUNT 0
#define JRM_FOR_EACH_COMMAND(X)
#define JRM_TYPE_COUNT 1
#define JRM_FOR_EACH_TYPE(X) X(0)
#include "module_stub.c"

#include <stddef.h>

/* The stub's Redis API pointers, replaced by functions that print what the replay asked for. */
struct RedisModuleString {
    size_t len;
    char bytes[];
};

static RedisModuleString probe_key = {0};

static void print_unsigned(RedisModuleIO *io, uint64_t value) { (void)io; printf("rdb unsigned %llu\n", (unsigned long long)value); }
static void print_signed(RedisModuleIO *io, int64_t value) { (void)io; printf("rdb signed %lld\n", (long long)value); }
static void print_double(RedisModuleIO *io, double value) { (void)io; printf("rdb double %.17g\n", value); }
static void print_float(RedisModuleIO *io, float value) { (void)io; printf("rdb float %.9g\n", value); }
static void print_long_double(RedisModuleIO *io, long double value) {
    (void)io;
    printf("rdb long double %.21Lg\n", value);
}
static void print_buffer(RedisModuleIO *io, const char *str, size_t len) {
    (void)io;
    printf("rdb buffer %.*s\n", (int)len, str);
}

static RedisModuleString *probe_create_string(RedisModuleCtx *ctx, const char *ptr, size_t len) {
    (void)ctx;
    RedisModuleString *s = malloc(sizeof(*s) + len);
    s->len = len;
    memcpy(s->bytes, ptr, len);
    return s;
}

static void probe_free_string(RedisModuleCtx *ctx, RedisModuleString *str) { (void)ctx; free(str); }

static const char *probe_string_ptr_len(const RedisModuleString *str, size_t *len) {
    if (str == &probe_key) {
        *len = 5;
        return "<key>";
    }
    *len = str->len;
    return str->bytes;
}

/* Only the "v" form: what replay_aof emits. */
static void print_aof(RedisModuleIO *io, const char *cmdname, const char *fmt, ...) {
    (void)io;
    va_list args;
    va_start(args, fmt);
    RedisModuleString **argv = va_arg(args, RedisModuleString **);
    size_t argc = va_arg(args, size_t);
    va_end(args);
    printf("aof %s %s", fmt, cmdname);
    for (size_t i = 0; i < argc; i++) {
        size_t len;
        const char *ptr = probe_string_ptr_len(argv[i], &len);
        printf(" %.*s", (int)len, ptr);
    }
    printf("\n");
}

static unsigned char *read_file(const char *path, uint64_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    static unsigned char buffer[2][4096];
    static int next;
    unsigned char *into = buffer[next++];
    *len = fread(into, 1, sizeof(buffer[0]), f);
    fclose(f);
    return into;
}

#define PRINT_OFFSET(type, field) printf("offset %s.%s %zu\n", #type, #field, offsetof(type, field))
/* One constant of io.jrm.CommandInfoLayout, by its Java name. */
#define PRINT_LAYOUT(name, value) printf("layout %s %zu\n", #name, (size_t)(value))
#define PRINT_CALLBACK(function)                                                             \
    for (size_t i = 0; i < JRM_CALLBACK_COUNT; i++) {                                        \
        if (callback_functions[i] == (jlong)(intptr_t)(function)) printf("callback %s %zu\n", #function, i); \
    }

/* An event data struct's size and field offsets, named as ServerEventReader's constants
 * (StubAbiTest compares the names in capitals). */
#define PRINT_EVENT_SIZE(type, prefix) printf("event-field %s_SIZE %zu\n", #prefix, sizeof(type))
#define PRINT_EVENT_FIELD(type, prefix, field) printf("event-field %s_%s %zu\n", #prefix, #field, offsetof(type, field))

int main(int argc, char **argv) {
    if (argc != 3) return 2;
    PRINT_OFFSET(JavaValue, handle);
    PRINT_OFFSET(JavaValue, type);
    PRINT_OFFSET(JavaValue, rdb);
    PRINT_OFFSET(JavaValue, rdb_len);
    PRINT_OFFSET(JavaValue, aof);
    PRINT_OFFSET(JavaValue, aof_len);
    PRINT_OFFSET(TypeEntry, encver);
    PRINT_OFFSET(TypeEntry, aux);
    printf("size AuxForm %zu\n", sizeof(AuxForm));
    printf("size JavaValue %zu\n", sizeof(JavaValue));
    printf("size TypeEntry %zu\n", sizeof(TypeEntry));
    printf("size TypeEntry.name %zu\n", sizeof(((TypeEntry *)0)->name));
    printf("size JrmScanBatch %zu\n", sizeof(JrmScanBatch));
    PRINT_OFFSET(JrmScanBatch, data);
    PRINT_OFFSET(JrmScanBatch, length);
    PRINT_LAYOUT(INFO_VERSION, JRM_COMMAND_INFO_VERSION);
    PRINT_LAYOUT(VERSION_SIZE, sizeof(JrmCommandInfoVersion));
    PRINT_LAYOUT(VERSION_VERSION, offsetof(JrmCommandInfoVersion, version));
    PRINT_LAYOUT(VERSION_SIZEOF_HISTORYENTRY, offsetof(JrmCommandInfoVersion, sizeof_historyentry));
    PRINT_LAYOUT(VERSION_SIZEOF_KEYSPEC, offsetof(JrmCommandInfoVersion, sizeof_keyspec));
    PRINT_LAYOUT(VERSION_SIZEOF_ARG, offsetof(JrmCommandInfoVersion, sizeof_arg));
    PRINT_LAYOUT(INFO_SIZE, sizeof(JrmCommandInfo));
    PRINT_LAYOUT(INFO_VERSION_POINTER, offsetof(JrmCommandInfo, version));
    PRINT_LAYOUT(INFO_SUMMARY, offsetof(JrmCommandInfo, summary));
    PRINT_LAYOUT(INFO_COMPLEXITY, offsetof(JrmCommandInfo, complexity));
    PRINT_LAYOUT(INFO_SINCE, offsetof(JrmCommandInfo, since));
    PRINT_LAYOUT(INFO_HISTORY, offsetof(JrmCommandInfo, history));
    PRINT_LAYOUT(INFO_TIPS, offsetof(JrmCommandInfo, tips));
    PRINT_LAYOUT(INFO_ARITY, offsetof(JrmCommandInfo, arity));
    PRINT_LAYOUT(INFO_KEY_SPECS, offsetof(JrmCommandInfo, key_specs));
    PRINT_LAYOUT(INFO_ARGS, offsetof(JrmCommandInfo, args));
    PRINT_LAYOUT(HISTORY_SIZE, sizeof(JrmCommandHistoryEntry));
    PRINT_LAYOUT(HISTORY_SINCE, offsetof(JrmCommandHistoryEntry, since));
    PRINT_LAYOUT(HISTORY_CHANGES, offsetof(JrmCommandHistoryEntry, changes));
    PRINT_LAYOUT(KEYSPEC_SIZE, sizeof(JrmCommandKeySpec));
    PRINT_LAYOUT(KEYSPEC_NOTES, offsetof(JrmCommandKeySpec, notes));
    PRINT_LAYOUT(KEYSPEC_FLAGS, offsetof(JrmCommandKeySpec, flags));
    PRINT_LAYOUT(KEYSPEC_BEGIN_SEARCH_TYPE, offsetof(JrmCommandKeySpec, begin_search_type));
    PRINT_LAYOUT(KEYSPEC_BS_POS, offsetof(JrmCommandKeySpec, bs.index.pos));
    PRINT_LAYOUT(KEYSPEC_BS_KEYWORD, offsetof(JrmCommandKeySpec, bs.keyword.keyword));
    PRINT_LAYOUT(KEYSPEC_BS_STARTFROM, offsetof(JrmCommandKeySpec, bs.keyword.startfrom));
    PRINT_LAYOUT(KEYSPEC_FIND_KEYS_TYPE, offsetof(JrmCommandKeySpec, find_keys_type));
    PRINT_LAYOUT(KEYSPEC_FK, offsetof(JrmCommandKeySpec, fk.range.lastkey));
    PRINT_LAYOUT(ARG_SIZE, sizeof(JrmCommandArg));
    PRINT_LAYOUT(ARG_NAME, offsetof(JrmCommandArg, name));
    PRINT_LAYOUT(ARG_TYPE, offsetof(JrmCommandArg, type));
    PRINT_LAYOUT(ARG_KEY_SPEC_INDEX, offsetof(JrmCommandArg, key_spec_index));
    PRINT_LAYOUT(ARG_TOKEN, offsetof(JrmCommandArg, token));
    PRINT_LAYOUT(ARG_SUMMARY, offsetof(JrmCommandArg, summary));
    PRINT_LAYOUT(ARG_SINCE, offsetof(JrmCommandArg, since));
    PRINT_LAYOUT(ARG_FLAGS, offsetof(JrmCommandArg, flags));
    PRINT_LAYOUT(ARG_DEPRECATED_SINCE, offsetof(JrmCommandArg, deprecated_since));
    PRINT_LAYOUT(ARG_SUBARGS, offsetof(JrmCommandArg, subargs));

    printf("callbacks %zu\n", (size_t)JRM_CALLBACK_COUNT);
    PRINT_CALLBACK(&blocked_reply);
    PRINT_CALLBACK(&blocked_timeout);
    PRINT_CALLBACK(&blocked_free_privdata);
    PRINT_CALLBACK(&restore_command);
    PRINT_CALLBACK(&info_callback);
    PRINT_CALLBACK(&timer_fired);
    PRINT_CALLBACK(&server_event);
    PRINT_CALLBACK(java_server_events);
    PRINT_CALLBACK(child_log_lines);
    PRINT_CALLBACK(keyspace_trampolines);
    PRINT_CALLBACK(&config_get_int);
    PRINT_CALLBACK(&config_get_numeric);
    PRINT_CALLBACK(&config_get_string);
    PRINT_CALLBACK(&config_set_int);
    PRINT_CALLBACK(&config_set_numeric);
    PRINT_CALLBACK(&config_set_string);
    PRINT_CALLBACK(&config_apply);
    PRINT_CALLBACK(&scan_collect);
    PRINT_CALLBACK(&scan_key_collect);
    PRINT_CALLBACK(&user_changed);
    PRINT_CALLBACK(type_table);
    PRINT_CALLBACK(&type_rdb_save);
    PRINT_CALLBACK(&type_aof_rewrite);
    PRINT_CALLBACK(&type_mem_usage);
    PRINT_CALLBACK(&type_digest);
    PRINT_CALLBACK(&type_free);
    PRINT_CALLBACK(command_filter_trampolines);
    PRINT_CALLBACK(&type_copy);
    PRINT_CALLBACK(&type_free_effort);
    PRINT_CALLBACK(&type_unlink);
    PRINT_CALLBACK(&cluster_message);
    PRINT_CALLBACK(&event_loop_file_event);
    PRINT_CALLBACK(&event_loop_one_shot);
    PRINT_CALLBACK(&fork_with_task);
    PRINT_CALLBACK(&blocked_disconnect);
    PRINT_CALLBACK(&type_defrag);
    PRINT_CALLBACK(&type_defrag_java);
    PRINT_CALLBACK(&defrag_globals);
    PRINT_CALLBACK(aux_savers);
    PRINT_CALLBACK(aux_loaders);
    printf("child-task LOG %d\n", JRM_CHILD_LOG);
    printf("child-task SLEEP %d\n", JRM_CHILD_SLEEP);
    printf("child-task WRITE %d\n", JRM_CHILD_WRITE);
    printf("child-task HEARTBEAT %d\n", JRM_CHILD_HEARTBEAT);
    printf("child-task STEP_WORDS %d\n", JRM_CHILD_STEP_WORDS);
    printf("child-task FAILED %d\n", JRM_CHILD_FAILED);
    printf("blocked-kind BLOCKED_REPLY %d\n", BLOCKED_REPLY);
    printf("blocked-kind BLOCKED_TIMEOUT %d\n", BLOCKED_TIMEOUT);
    printf("blocked-kind BLOCKED_DISCONNECT %d\n", BLOCKED_DISCONNECT);
    printf("upcall-result JRM_RETURNED %d\n", JRM_RETURNED);
    printf("upcall-result JRM_NOT_SERVED %d\n", JRM_NOT_SERVED);
    printf("events REDIS_EVENT_COUNT %d\n", REDIS_EVENT_COUNT);
    printf("events java_server_events %zu\n", sizeof(java_server_events));
    printf("events JRM_PERSISTENCE_SUBEVENTS %d\n", JRM_PERSISTENCE_SUBEVENTS);
    printf("events JRM_CHILD_LINE_SIZE %d\n", JRM_CHILD_LINE_SIZE);
    printf("events child_log_lines %zu\n", sizeof(child_log_lines));
    PRINT_EVENT_SIZE(RedisModuleReplicationInfo, REPLICATION_INFO);
    PRINT_EVENT_FIELD(RedisModuleReplicationInfo, REPLICATION_INFO, master);
    PRINT_EVENT_FIELD(RedisModuleReplicationInfo, REPLICATION_INFO, masterhost);
    PRINT_EVENT_FIELD(RedisModuleReplicationInfo, REPLICATION_INFO, masterport);
    PRINT_EVENT_FIELD(RedisModuleReplicationInfo, REPLICATION_INFO, replid1);
    PRINT_EVENT_FIELD(RedisModuleReplicationInfo, REPLICATION_INFO, replid2);
    PRINT_EVENT_FIELD(RedisModuleReplicationInfo, REPLICATION_INFO, repl1_offset);
    PRINT_EVENT_FIELD(RedisModuleReplicationInfo, REPLICATION_INFO, repl2_offset);
    PRINT_EVENT_SIZE(RedisModuleFlushInfo, FLUSH_INFO);
    PRINT_EVENT_FIELD(RedisModuleFlushInfo, FLUSH_INFO, sync);
    PRINT_EVENT_FIELD(RedisModuleFlushInfo, FLUSH_INFO, dbnum);
    PRINT_EVENT_SIZE(RedisModuleClientInfo, CLIENT_INFO);
    PRINT_EVENT_FIELD(RedisModuleClientInfo, CLIENT_INFO, flags);
    PRINT_EVENT_FIELD(RedisModuleClientInfo, CLIENT_INFO, id);
    PRINT_EVENT_FIELD(RedisModuleClientInfo, CLIENT_INFO, addr);
    PRINT_EVENT_FIELD(RedisModuleClientInfo, CLIENT_INFO, port);
    PRINT_EVENT_FIELD(RedisModuleClientInfo, CLIENT_INFO, db);
    printf("event-field CLIENT_INFO_ADDR_SIZE %zu\n", sizeof(((RedisModuleClientInfo *)0)->addr));
    PRINT_EVENT_SIZE(RedisModuleModuleChange, MODULE_CHANGE);
    PRINT_EVENT_FIELD(RedisModuleModuleChange, MODULE_CHANGE, module_name);
    PRINT_EVENT_FIELD(RedisModuleModuleChange, MODULE_CHANGE, module_version);
    PRINT_EVENT_SIZE(RedisModuleCronLoop, CRON_LOOP);
    PRINT_EVENT_FIELD(RedisModuleCronLoop, CRON_LOOP, hz);
    PRINT_EVENT_SIZE(RedisModuleLoadingProgress, LOADING_PROGRESS);
    PRINT_EVENT_FIELD(RedisModuleLoadingProgress, LOADING_PROGRESS, hz);
    PRINT_EVENT_FIELD(RedisModuleLoadingProgress, LOADING_PROGRESS, progress);
    PRINT_EVENT_SIZE(RedisModuleSwapDbInfo, SWAPDB_INFO);
    PRINT_EVENT_FIELD(RedisModuleSwapDbInfo, SWAPDB_INFO, dbnum_first);
    PRINT_EVENT_FIELD(RedisModuleSwapDbInfo, SWAPDB_INFO, dbnum_second);
    PRINT_EVENT_SIZE(RedisModuleConfigChange, CONFIG_CHANGE);
    PRINT_EVENT_FIELD(RedisModuleConfigChange, CONFIG_CHANGE, num_changes);
    PRINT_EVENT_FIELD(RedisModuleConfigChange, CONFIG_CHANGE, config_names);
    printf("stream-id SIZE %zu\n", sizeof(RedisModuleStreamID));
    printf("stream-id MS %zu\n", offsetof(RedisModuleStreamID, ms));
    printf("stream-id SEQ %zu\n", offsetof(RedisModuleStreamID, seq));

    for (size_t i = 0; i < JRM_DOWNCALL_COUNT; i++) {
        printf("native %s %s\n", downcall_natives[i].name, downcall_natives[i].signature);
    }
    for (size_t i = 0; i < sizeof(entry_methods) / sizeof(entry_methods[0]); i++) {
        printf("method %s %s\n", entry_methods[i].name, entry_methods[i].descriptor);
    }

    redis_save_unsigned = print_unsigned;
    redis_save_signed = print_signed;
    redis_save_double = print_double;
    redis_save_float = print_float;
    redis_save_long_double = print_long_double;
    redis_save_string_buffer = print_buffer;
    redis_emit_aof = print_aof;
    redis_create_string = probe_create_string;
    redis_free_string = probe_free_string;
    redis_string_ptr_len = probe_string_ptr_len;
    uint64_t rdb_len, aof_len;
    unsigned char *rdb = read_file(argv[1], &rdb_len);
    unsigned char *aof = read_file(argv[2], &aof_len);
    if (rdb == NULL || aof == NULL) return 3;
    printf("replay rdb %d\n", replay_rdb(NULL, rdb, rdb_len));
    printf("replay aof %d\n", replay_aof(NULL, &probe_key, aof, aof_len));
    return 0;
}
