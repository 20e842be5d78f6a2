/* The C twin of the Java benchmark module (bench/java-module): the same commands with the same
 * replies, written against the Redis module API directly. Like JRM's stub it declares only the
 * functions it uses and fetches them with RedisModule_GetApi, so it needs no redismodule.h. */
#include <stddef.h>
#include <stdint.h>

typedef struct RedisModuleCtx RedisModuleCtx;
typedef struct RedisModuleKey RedisModuleKey;
typedef struct RedisModuleString RedisModuleString;
typedef struct RedisModuleCallReply RedisModuleCallReply;
typedef int (*CommandFunc)(RedisModuleCtx *ctx, RedisModuleString **argv, int argc);

/* Values of the module API (redismodule.h of Redis 7.0). */
enum { API_VERSION = 1, MODULE_OK = 0, MODULE_ERR = 1, OPEN_READ = 1, OPEN_WRITE = 2, KEYTYPE_EMPTY = 0 };

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
          API("FreeString", free_string))) {
        return MODULE_ERR;
    }
    set_module_attribs(ctx, "benchc", 1, API_VERSION);
    return create_command(ctx, "bench.noop", noop, "readonly fast", 0, 0, 0) == MODULE_OK &&
                   create_command(ctx, "bench.counter", counter, "write fast", 1, 1, 1) == MODULE_OK &&
                   create_command(ctx, "bench.rpush", rpush, "write", 1, 1, 1) == MODULE_OK &&
                   create_command(ctx, "bench.lrange", lrange, "readonly", 1, 1, 1) == MODULE_OK &&
                   create_command(ctx, "bench.array", array, "readonly", 0, 0, 0) == MODULE_OK &&
                   create_command(ctx, "bench.zrange", zrange, "readonly", 1, 1, 1) == MODULE_OK
               ? MODULE_OK
               : MODULE_ERR;
}
