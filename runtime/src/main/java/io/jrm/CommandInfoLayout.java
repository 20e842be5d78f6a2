package io.jrm;

/**
 * Offsets and sizes of Redis 7.0's {@code RedisModuleCommandInfo} structs (version 1) on a 64-bit
 * ABI, which {@link CommandInfoImage} writes. StubAbiTest compares each with {@code offsetof} and
 * {@code sizeof} of the stub's declarations ({@code JrmCommandInfo}...).
 */
final class CommandInfoLayout {
  private CommandInfoLayout() {}

  static final int INFO_VERSION = 1;

  static final int VERSION_SIZE = 32;
  static final int VERSION_VERSION = 0;
  static final int VERSION_SIZEOF_HISTORYENTRY = 8;
  static final int VERSION_SIZEOF_KEYSPEC = 16;
  static final int VERSION_SIZEOF_ARG = 24;

  static final int INFO_SIZE = 72;
  static final int INFO_VERSION_POINTER = 0;
  static final int INFO_SUMMARY = 8;
  static final int INFO_COMPLEXITY = 16;
  static final int INFO_SINCE = 24;
  static final int INFO_HISTORY = 32;
  static final int INFO_TIPS = 40;
  static final int INFO_ARITY = 48;
  static final int INFO_KEY_SPECS = 56;
  static final int INFO_ARGS = 64;

  static final int HISTORY_SIZE = 16;
  static final int HISTORY_SINCE = 0;
  static final int HISTORY_CHANGES = 8;

  static final int KEYSPEC_SIZE = 56;
  static final int KEYSPEC_NOTES = 0;
  static final int KEYSPEC_FLAGS = 8;
  static final int KEYSPEC_BEGIN_SEARCH_TYPE = 16;
  static final int KEYSPEC_BS_POS = 24;
  static final int KEYSPEC_BS_KEYWORD = 24;
  static final int KEYSPEC_BS_STARTFROM = 32;
  static final int KEYSPEC_FIND_KEYS_TYPE = 40;
  static final int KEYSPEC_FK = 44;

  static final int ARG_SIZE = 64;
  static final int ARG_NAME = 0;
  static final int ARG_TYPE = 8;
  static final int ARG_KEY_SPEC_INDEX = 12;
  static final int ARG_TOKEN = 16;
  static final int ARG_SUMMARY = 24;
  static final int ARG_SINCE = 32;
  static final int ARG_FLAGS = 40;
  static final int ARG_DEPRECATED_SINCE = 48;
  static final int ARG_SUBARGS = 56;
}
