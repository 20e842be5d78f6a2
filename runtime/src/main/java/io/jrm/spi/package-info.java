/** The contract between generated registration code and the runtime. Not for hand-written code. */
package io.jrm.spi;
