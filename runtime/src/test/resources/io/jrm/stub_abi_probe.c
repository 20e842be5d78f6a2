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
#define PRINT_CALLBACK(function)                                                             \
    for (size_t i = 0; i < JRM_CALLBACK_COUNT; i++) {                                        \
        if (callback_functions[i] == (jlong)(intptr_t)(function)) printf("callback %s %zu\n", #function, i); \
    }

int main(int argc, char **argv) {
    if (argc != 3) return 2;
    PRINT_OFFSET(JavaValue, handle);
    PRINT_OFFSET(JavaValue, type);
    PRINT_OFFSET(JavaValue, rdb);
    PRINT_OFFSET(JavaValue, rdb_len);
    PRINT_OFFSET(JavaValue, aof);
    PRINT_OFFSET(JavaValue, aof_len);
    PRINT_OFFSET(TypeEntry, encver);
    printf("size JavaValue %zu\n", sizeof(JavaValue));
    printf("size TypeEntry %zu\n", sizeof(TypeEntry));
    printf("size TypeEntry.name %zu\n", sizeof(((TypeEntry *)0)->name));

    printf("callbacks %zu\n", (size_t)JRM_CALLBACK_COUNT);
    PRINT_CALLBACK(&blocked_reply);
    PRINT_CALLBACK(&blocked_timeout);
    PRINT_CALLBACK(&blocked_free_privdata);
    PRINT_CALLBACK(&restore_command);
    PRINT_CALLBACK(&info_callback);
    PRINT_CALLBACK(&timer_fired);
    PRINT_CALLBACK(&config_get_int);
    PRINT_CALLBACK(&config_get_numeric);
    PRINT_CALLBACK(&config_get_string);
    PRINT_CALLBACK(&config_set_int);
    PRINT_CALLBACK(&config_set_numeric);
    PRINT_CALLBACK(&config_set_string);
    PRINT_CALLBACK(&config_apply);
    PRINT_CALLBACK(type_table);
    PRINT_CALLBACK(&type_rdb_save);
    PRINT_CALLBACK(&type_aof_rewrite);
    PRINT_CALLBACK(&type_mem_usage);
    PRINT_CALLBACK(&type_digest);
    PRINT_CALLBACK(&type_free);
    printf("blocked-kind BLOCKED_REPLY %d\n", BLOCKED_REPLY);
    printf("blocked-kind BLOCKED_TIMEOUT %d\n", BLOCKED_TIMEOUT);
    printf("upcall-result JRM_RETURNED %d\n", JRM_RETURNED);

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
