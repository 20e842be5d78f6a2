/**
 * The annotations a module author writes: {@link io.jrm.annotations.RedisModule}, {@link
 * io.jrm.annotations.RedisCommand}, {@link io.jrm.annotations.DataType} and their companions, read
 * at compile time by JRM's annotation processor.
 */
@NullMarked
package io.jrm.annotations;

import org.jspecify.annotations.NullMarked;
