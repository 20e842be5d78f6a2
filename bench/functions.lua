#!lua name=bench
-- The Lua twins of the benchmark module's commands (bench/run.sh loads them with FUNCTION LOAD).
redis.register_function{function_name = 'bench_noop', flags = {'no-writes'},
  callback = function() return 1 end}
-- Lua has no direct memory access to a string: INCR is the nearest it gets.
redis.register_function{function_name = 'bench_counter',
  callback = function(keys) return redis.call('INCR', keys[1]) end}
redis.register_function{function_name = 'bench_rpush',
  callback = function(keys, args) return redis.call('RPUSH', keys[1], args[1]) end}
redis.register_function{function_name = 'bench_lrange', flags = {'no-writes'},
  callback = function(keys)
    local sum = 0
    for _, element in ipairs(redis.call('LRANGE', keys[1], 0, -1)) do sum = sum + #element end
    return sum
  end}
redis.register_function{function_name = 'bench_array', flags = {'no-writes'},
  callback = function()
    local reply = {}
    for i = 0, 99 do reply[i + 1] = i end
    return reply
  end}
redis.register_function{function_name = 'bench_zrange', flags = {'no-writes'},
  callback = function(keys)
    local sum, reply = 0, redis.call('ZRANGE', keys[1], '-inf', '+inf', 'BYSCORE', 'WITHSCORES')
    for i = 2, #reply, 2 do sum = sum + tonumber(reply[i]) end
    return sum
  end}
