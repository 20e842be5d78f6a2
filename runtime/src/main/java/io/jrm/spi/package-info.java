/**
 * The contract between generated registration code and the runtime. Not for hand-written code. No
 * public method takes or returns null unless it is marked {@link
 * org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package io.jrm.spi;

import org.jspecify.annotations.NullMarked;
