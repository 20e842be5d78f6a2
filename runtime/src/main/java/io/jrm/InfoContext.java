package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;

/**
 * Where an {@link InfoFunction} writes ({@code RedisModuleInfoCtx}): sections named {@code
 * <module>_<name>}, each with fields named {@code <module>_<field>}, or dict fields ({@code
 * <module>_<name>:a=1,b=2}) like INFO KEYSPACE's. Redis skips a section INFO did not ask for, and
 * its fields with it; {@link #addSection} says so, so the function may skip the work too. Valid
 * only while the function runs.
 */
public final class InfoContext {
  private static final int OK = 0;

  private final RedisModuleApi api;
  private final long pointer;
  private boolean active = true;

  /** Whether the function has started a section: before that, fields would join the heap's. */
  private boolean inSection;

  InfoContext(RedisModuleApi api, long pointer) {
    this.api = api;
    this.pointer = pointer;
  }

  void deactivate() {
    active = false;
  }

  private long pointer() {
    if (!active) {
      throw new IllegalStateException("this InfoContext belongs to an INFO that has returned");
    }
    return pointer;
  }

  private long field() {
    long ctx = pointer();
    if (!inSection) {
      throw new IllegalStateException("add a section before its fields");
    }
    return ctx;
  }

  /**
   * Starts a section ({@code InfoAddSection}), ending the one before (and a dict field left open).
   *
   * @param name letters and digits; empty for the section named after the module alone
   * @return whether INFO asked for it: if not, its fields are skipped
   */
  public boolean addSection(String name) {
    long ctx = pointer();
    if (!name.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
      throw new IllegalArgumentException("a section name has letters and digits only: " + name);
    }
    inSection = true;
    return api.infoAddSection(ctx, cString(name)) == OK;
  }

  /**
   * Starts a dict field ({@code InfoBeginDictField}): the fields added until {@link #endDictField}
   * (or the next dict field or section) are its {@code key=value} items.
   *
   * @param name the dict field's name
   * @return this context, for chaining
   */
  public InfoContext beginDictField(String name) {
    api.infoBeginDictField(field(), cString(checked(name)));
    return this;
  }

  /**
   * Ends the dict field ({@code InfoEndDictField}).
   *
   * @return this context, for chaining
   */
  public InfoContext endDictField() {
    api.infoEndDictField(field());
    return this;
  }

  /**
   * Adds a text field ({@code InfoAddFieldCString}).
   *
   * @param field the field's name
   * @param value its text
   * @return this context, for chaining
   */
  public InfoContext addField(String field, String value) {
    api.infoAddFieldCString(field(), cString(checked(field)), cString(checked(value)));
    return this;
  }

  /**
   * Adds a field with a Redis string's bytes ({@code InfoAddFieldString}).
   *
   * @param field the field's name
   * @param value its bytes
   * @return this context, for chaining
   */
  public InfoContext addField(String field, RedisString value) {
    api.infoAddFieldString(field(), cString(checked(field)), value.pointer());
    return this;
  }

  /**
   * Adds an integer field ({@code InfoAddFieldLongLong}).
   *
   * @param field the field's name
   * @param value its value
   * @return this context, for chaining
   */
  public InfoContext addField(String field, long value) {
    api.infoAddFieldLongLong(field(), cString(checked(field)), value);
    return this;
  }

  /**
   * Adds an unsigned integer field ({@code InfoAddFieldULongLong}): {@code value}'s 64 bits read as
   * unsigned, so -1 shows as 18446744073709551615.
   *
   * @param field the field's name
   * @param value its value, read as unsigned
   * @return this context, for chaining
   */
  public InfoContext addFieldUnsigned(String field, long value) {
    api.infoAddFieldULongLong(field(), cString(checked(field)), value);
    return this;
  }

  /**
   * Adds a floating-point field ({@code InfoAddFieldDouble}).
   *
   * @param field the field's name
   * @param value its value
   * @return this context, for chaining
   */
  public InfoContext addField(String field, double value) {
    api.infoAddFieldDouble(field(), cString(checked(field)), value);
    return this;
  }

  /** A line break or NUL would end the field early and garble the INFO text after it. */
  private static String checked(String text) {
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an INFO name or value has no line break or NUL");
    }
    return text;
  }
}
