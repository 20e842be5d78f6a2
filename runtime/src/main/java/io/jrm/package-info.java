/**
 * What a module's Java code calls: {@link io.jrm.Context} (replies, keys, calls, blocking), {@link
 * io.jrm.Key}, {@link io.jrm.RedisString}, {@link io.jrm.CallReply} and the data type interfaces.
 * Method names follow the Modules API reference (DEVELOPERS.md, "Names"). Nothing is null unless
 * marked {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package io.jrm;

import org.jspecify.annotations.NullMarked;
