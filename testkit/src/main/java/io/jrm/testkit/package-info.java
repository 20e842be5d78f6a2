/**
 * JUnit 5 tests against real redis-servers: {@link io.jrm.testkit.RedisServerTest} injects a
 * started server and a client, {@link io.jrm.testkit.RedisServer#builder()} starts any other. No
 * public method takes or returns null unless it is marked {@link
 * org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package io.jrm.testkit;

import org.jspecify.annotations.NullMarked;
