/* The C twin of the Java benchmark module (bench/java-module): the same commands with the same
 * replies, written against the Redis module API directly. Like JRM's stub it declares only the
 * functions it uses and fetches them with RedisModule_GetApi, so it needs no redismodule.h. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct RedisModuleCtx RedisModuleCtx;
typedef struct RedisModuleKey RedisModuleKey;
typedef struct RedisModuleString RedisModuleString;
typedef struct RedisModuleCallReply RedisModuleCallReply;
typedef struct RedisModuleType RedisModuleType;
typedef struct RedisModuleIO RedisModuleIO;
typedef int (*CommandFunc)(RedisModuleCtx *ctx, RedisModuleString **argv, int argc);

/* The first fields of RedisModuleTypeMethods, those of its version 1. */
typedef struct {
    uint64_t version;
    void *(*rdb_load)(RedisModuleIO *rdb, int encver);
    void (*rdb_save)(RedisModuleIO *rdb, void *value);
    void (*aof_rewrite)(RedisModuleIO *aof, RedisModuleString *key, void *value);
    size_t (*mem_usage)(const void *value);
    void (*digest)(void *digest, void *value);
    void (*free)(void *value);
} TypeMethods;

/* Values of the module API (redismodule.h of Redis 7.0). */
enum { API_VERSION = 1, MODULE_OK = 0, MODULE_ERR = 1, OPEN_READ = 1, OPEN_WRITE = 2, KEYTYPE_EMPTY = 0 };
enum { TYPE_METHOD_VERSION = 1 };

static int (*get_api)(const char *name, void *out);
static void (*set_module_attribs)(RedisModuleCtx *ctx, const char *name, int ver, int apiver);
static int (*create_command)(RedisModuleCtx *ctx, const char *name, CommandFunc f, const char *flags,
                             int firstkey, int lastkey, int keystep);
static int (*reply_with_long_long)(RedisModuleCtx *ctx, long long ll);
static int (*reply_with_array)(RedisModuleCtx *ctx, long len);
static void *(*open_key)(RedisModuleCtx *ctx, RedisModuleString *name, int mode);
static void (*close_key)(RedisModuleKey *key);
static int (*key_type)(RedisModuleKey *key);
static int (*string_truncate)(RedisModuleKey *key, size_t len);
static char *(*string_dma)(RedisModuleKey *key, size_t *len, int mode);
static RedisModuleCallReply *(*call)(RedisModuleCtx *ctx, const char *cmd, const char *fmt, ...);
static long long (*call_reply_integer)(RedisModuleCallReply *reply);
static size_t (*call_reply_length)(RedisModuleCallReply *reply);
static RedisModuleCallReply *(*call_reply_array_element)(RedisModuleCallReply *reply, size_t idx);
static void (*free_call_reply)(RedisModuleCallReply *reply);
static int (*zset_first_in_score_range)(RedisModuleKey *key, double min, double max, int minex, int maxex);
static RedisModuleString *(*zset_range_current_element)(RedisModuleKey *key, double *score);
static int (*zset_range_next)(RedisModuleKey *key);
static int (*zset_range_end_reached)(RedisModuleKey *key);
static void (*zset_range_stop)(RedisModuleKey *key);
static void (*free_string)(RedisModuleCtx *ctx, RedisModuleString *str);
static RedisModuleType *(*create_data_type)(RedisModuleCtx *ctx, const char *name, int encver, TypeMethods *methods);
static RedisModuleType *(*module_type_get_type)(RedisModuleKey *key);
static void *(*module_type_get_value)(RedisModuleKey *key);
static int (*module_type_set_value)(RedisModuleKey *key, RedisModuleType *type, void *value);
static void (*save_unsigned)(RedisModuleIO *io, uint64_t value);
static uint64_t (*load_unsigned)(RedisModuleIO *io);
static void (*save_signed)(RedisModuleIO *io, int64_t value);
static int64_t (*load_signed)(RedisModuleIO *io);
static void (*emit_aof)(RedisModuleIO *aof, const char *cmd, const char *fmt, ...);
static int (*string_to_long_long)(const RedisModuleString *str, long long *ll);
static int (*reply_with_error)(RedisModuleCtx *ctx, const char *err);
static int (*replicate_verbatim)(RedisModuleCtx *ctx);
static void *(*module_alloc)(size_t bytes);
static void *(*module_realloc)(void *ptr, size_t bytes);
static void (*module_free)(void *ptr);

static int noop(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv; (void)argc;
    return reply_with_long_long(ctx, 1);
}

static int counter(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argc;
    RedisModuleKey *key = open_key(ctx, argv[1], OPEN_READ | OPEN_WRITE);
    if (key_type(key) == KEYTYPE_EMPTY) string_truncate(key, 8);
    size_t len;
    unsigned char *bytes = (unsigned char *)string_dma(key, &len, OPEN_READ | OPEN_WRITE);
    bytes[0]++;
    reply_with_long_long(ctx, bytes[0]);
    close_key(key);
    return MODULE_OK;
}

static int rpush(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argc;
    RedisModuleCallReply *reply = call(ctx, "RPUSH", "ss", argv[1], argv[2]);
    reply_with_long_long(ctx, call_reply_integer(reply));
    free_call_reply(reply);
    return MODULE_OK;
}

static int lrange(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argc;
    RedisModuleCallReply *reply = call(ctx, "LRANGE", "sll", argv[1], 0LL, -1LL);
    long long sum = 0;
    for (size_t i = 0, n = call_reply_length(reply); i < n; i++) {
        sum += (long long)call_reply_length(call_reply_array_element(reply, i));
    }
    reply_with_long_long(ctx, sum);
    free_call_reply(reply);
    return MODULE_OK;
}

static int array(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv; (void)argc;
    reply_with_array(ctx, 100);
    for (int i = 0; i < 100; i++) reply_with_long_long(ctx, i);
    return MODULE_OK;
}

static int zrange(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argc;
    RedisModuleKey *key = open_key(ctx, argv[1], OPEN_READ);
    double sum = 0;
    zset_first_in_score_range(key, -1.0 / 0.0, 1.0 / 0.0, 0, 0);
    while (!zset_range_end_reached(key)) {
        double score;
        free_string(ctx, zset_range_current_element(key, &score));
        sum += score;
        zset_range_next(key);
    }
    zset_range_stop(key);
    close_key(key);
    return reply_with_long_long(ctx, (long long)sum);
}

/* The native type of BENCH.INSERT and BENCH.RANGE, "benchtype": integers in ascending order. Its
 * RDB encoding is the Java twin's (BenchType.java, generated from its one long[] field): the count
 * with SaveUnsigned, then each element with SaveSigned, so one RDB file loads in either module. */
static RedisModuleType *bench_type;

typedef struct {
    size_t len, cap;
    int64_t *items;
} Values;

static Values *values_new(size_t cap) {
    Values *v = module_alloc(sizeof(*v));
    v->len = 0;
    v->cap = cap;
    v->items = cap ? module_alloc(cap * sizeof(*v->items)) : NULL;
    return v;
}

/* Inserts before the first larger element, as the Java twin does. */
static void values_insert(Values *v, int64_t element) {
    size_t at = 0;
    while (at < v->len && v->items[at] <= element) at++;
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 4;
        v->items = module_realloc(v->items, v->cap * sizeof(*v->items));
    }
    memmove(v->items + at + 1, v->items + at, (v->len - at) * sizeof(*v->items));
    v->items[at] = element;
    v->len++;
}

static void *type_rdb_load(RedisModuleIO *rdb, int encver) {
    if (encver != 0) return NULL;
    uint64_t len = load_unsigned(rdb);
    Values *v = values_new(len);
    for (v->len = 0; v->len < len; v->len++) v->items[v->len] = load_signed(rdb);
    return v;
}

static void type_rdb_save(RedisModuleIO *rdb, void *value) {
    Values *v = value;
    save_unsigned(rdb, v->len);
    for (size_t i = 0; i < v->len; i++) save_signed(rdb, v->items[i]);
}

static void type_aof_rewrite(RedisModuleIO *aof, RedisModuleString *key, void *value) {
    Values *v = value;
    for (size_t i = 0; i < v->len; i++) emit_aof(aof, "BENCH.INSERT", "sl", key, (long long)v->items[i]);
}

static void type_free(void *value) {
    Values *v = value;
    module_free(v->items);
    module_free(v);
}

/* The benchtype value of key, NULL when the key is empty; replies WRONGTYPE (and returns NULL) for
 * another type, which *wrong tells apart. */
static Values *type_value(RedisModuleCtx *ctx, RedisModuleKey *key, int *wrong) {
    *wrong = 0;
    if (key_type(key) == KEYTYPE_EMPTY) return NULL;
    if (module_type_get_type(key) == bench_type) return module_type_get_value(key);
    *wrong = 1;
    reply_with_error(ctx, "WRONGTYPE Operation against a key holding the wrong kind of value");
    return NULL;
}

/* BENCH.INSERT key value: inserts the integer, creating the key; replies with the new length. */
static int insert(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argc;
    long long element;
    if (string_to_long_long(argv[2], &element) != MODULE_OK) {
        return reply_with_error(ctx, "ERR invalid value: must be a signed 64 bit integer");
    }
    RedisModuleKey *key = open_key(ctx, argv[1], OPEN_READ | OPEN_WRITE);
    int wrong;
    Values *v = type_value(ctx, key, &wrong);
    if (!wrong) {
        if (v == NULL) {
            v = values_new(0);
            module_type_set_value(key, bench_type, v);
        }
        values_insert(v, element);
        reply_with_long_long(ctx, (long long)v->len);
        replicate_verbatim(ctx);
    }
    close_key(key);
    return MODULE_OK;
}

/* BENCH.RANGE key first count: the elements from index first, at most count of them. */
static int range(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argc;
    long long first, count;
    if (string_to_long_long(argv[2], &first) != MODULE_OK || string_to_long_long(argv[3], &count) != MODULE_OK ||
        first < 0 || count < 0) {
        return reply_with_error(ctx, "ERR invalid first or count parameters");
    }
    RedisModuleKey *key = open_key(ctx, argv[1], OPEN_READ);
    int wrong;
    Values *v = type_value(ctx, key, &wrong);
    if (!wrong) {
        size_t len = v == NULL ? 0 : v->len;
        size_t from = (size_t)first < len ? (size_t)first : len;
        size_t n = (size_t)count < len - from ? (size_t)count : len - from;
        reply_with_array(ctx, (long)n);
        for (size_t i = 0; i < n; i++) reply_with_long_long(ctx, v->items[from + i]);
    }
    close_key(key);
    return MODULE_OK;
}

#define API(name, ptr) (get_api("RedisModule_" name, &(ptr)) == MODULE_OK)

int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc) {
    (void)argv; (void)argc;
    get_api = (int (*)(const char *, void *))((void **)ctx)[0]; /* as RedisModule_Init does */
    if (!(API("SetModuleAttribs", set_module_attribs) && API("CreateCommand", create_command) &&
          API("ReplyWithLongLong", reply_with_long_long) && API("ReplyWithArray", reply_with_array) &&
          API("OpenKey", open_key) && API("CloseKey", close_key) && API("KeyType", key_type) &&
          API("StringTruncate", string_truncate) && API("StringDMA", string_dma) && API("Call", call) &&
          API("CallReplyInteger", call_reply_integer) && API("CallReplyLength", call_reply_length) &&
          API("CallReplyArrayElement", call_reply_array_element) && API("FreeCallReply", free_call_reply) &&
          API("ZsetFirstInScoreRange", zset_first_in_score_range) &&
          API("ZsetRangeCurrentElement", zset_range_current_element) && API("ZsetRangeNext", zset_range_next) &&
          API("ZsetRangeEndReached", zset_range_end_reached) && API("ZsetRangeStop", zset_range_stop) &&
          API("FreeString", free_string) && API("CreateDataType", create_data_type) &&
          API("ModuleTypeGetType", module_type_get_type) && API("ModuleTypeGetValue", module_type_get_value) &&
          API("ModuleTypeSetValue", module_type_set_value) && API("SaveUnsigned", save_unsigned) &&
          API("LoadUnsigned", load_unsigned) && API("SaveSigned", save_signed) && API("LoadSigned", load_signed) &&
          API("EmitAOF", emit_aof) && API("StringToLongLong", string_to_long_long) &&
          API("ReplyWithError", reply_with_error) && API("ReplicateVerbatim", replicate_verbatim) &&
          API("Alloc", module_alloc) && API("Realloc", module_realloc) && API("Free", module_free))) {
        return MODULE_ERR;
    }
    set_module_attribs(ctx, "benchc", 1, API_VERSION);
    TypeMethods methods = {.version = TYPE_METHOD_VERSION, .rdb_load = type_rdb_load, .rdb_save = type_rdb_save,
                           .aof_rewrite = type_aof_rewrite, .free = type_free};
    bench_type = create_data_type(ctx, "benchtype", 0, &methods);
    return bench_type != NULL &&
                   create_command(ctx, "bench.noop", noop, "readonly fast", 0, 0, 0) == MODULE_OK &&
                   create_command(ctx, "bench.counter", counter, "write fast", 1, 1, 1) == MODULE_OK &&
                   create_command(ctx, "bench.rpush", rpush, "write", 1, 1, 1) == MODULE_OK &&
                   create_command(ctx, "bench.lrange", lrange, "readonly", 1, 1, 1) == MODULE_OK &&
                   create_command(ctx, "bench.array", array, "readonly", 0, 0, 0) == MODULE_OK &&
                   create_command(ctx, "bench.zrange", zrange, "readonly", 1, 1, 1) == MODULE_OK &&
                   create_command(ctx, "bench.insert", insert, "write deny-oom", 1, 1, 1) == MODULE_OK &&
                   create_command(ctx, "bench.range", range, "readonly", 1, 1, 1) == MODULE_OK
               ? MODULE_OK
               : MODULE_ERR;
}
