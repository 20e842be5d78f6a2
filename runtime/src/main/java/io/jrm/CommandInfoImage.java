package io.jrm;

import static io.jrm.CommandInfoLayout.*;

import java.util.List;

/**
 * Writes a {@link CommandInfo} as Redis's {@code RedisModuleCommandInfo} with its version, history,
 * key spec and argument arrays (each ended by a zeroed element, as C's literals are) into one
 * {@link NativeImage}, the info struct at offset 0. Redis copies everything it keeps, so the block
 * is freed after {@code SetCommandInfo}.
 */
final class CommandInfoImage {
  private CommandInfoImage() {}

  static NativeImage of(CommandInfo info) {
    NativeImage image = new NativeImage();
    int at = image.reserve(INFO_SIZE);
    int version = image.reserve(VERSION_SIZE);
    image.putInt(version + VERSION_VERSION, INFO_VERSION);
    image.putLong(version + VERSION_SIZEOF_HISTORYENTRY, HISTORY_SIZE);
    image.putLong(version + VERSION_SIZEOF_KEYSPEC, KEYSPEC_SIZE);
    image.putLong(version + VERSION_SIZEOF_ARG, ARG_SIZE);
    image.putPointer(at + INFO_VERSION_POINTER, version);
    image.putString(at + INFO_SUMMARY, info.summary);
    image.putString(at + INFO_COMPLEXITY, info.complexity);
    image.putString(at + INFO_SINCE, info.since);
    image.putString(at + INFO_TIPS, info.tips);
    image.putInt(at + INFO_ARITY, info.arity);
    if (!info.history.isEmpty()) {
      image.putPointer(
          at + INFO_HISTORY, array(image, info.history, HISTORY_SIZE, CommandInfoImage::history));
    }
    if (!info.keySpecs.isEmpty()) {
      image.putPointer(
          at + INFO_KEY_SPECS,
          array(image, info.keySpecs, KEYSPEC_SIZE, CommandInfoImage::keySpec));
    }
    if (!info.args.isEmpty()) {
      image.putPointer(at + INFO_ARGS, array(image, info.args, ARG_SIZE, CommandInfoImage::arg));
    }
    return image;
  }

  /** Writes one element of an array at offset {@code at} of the image. */
  private interface ElementWriter<T> {
    void write(NativeImage image, int at, T element);
  }

  /**
   * {@return the offset of an array of {@code items}, each {@code size} bytes, then a zeroed one}
   */
  private static <T> int array(
      NativeImage image, List<T> items, int size, ElementWriter<T> writer) {
    int array = image.reserve(size * (items.size() + 1));
    for (int i = 0; i < items.size(); i++) {
      writer.write(image, array + i * size, items.get(i));
    }
    return array;
  }

  private static void history(NativeImage image, int at, CommandInfo.History entry) {
    image.putString(at + HISTORY_SINCE, entry.since());
    image.putString(at + HISTORY_CHANGES, entry.changes());
  }

  private static void keySpec(NativeImage image, int at, KeySpec spec) {
    image.putString(at + KEYSPEC_NOTES, spec.notes);
    image.putLong(at + KEYSPEC_FLAGS, spec.flags);
    image.putInt(at + KEYSPEC_BEGIN_SEARCH_TYPE, spec.beginSearch);
    if (spec.beginSearch == KeySpec.BEGIN_KEYWORD) {
      image.putString(at + KEYSPEC_BS_KEYWORD, spec.keyword);
      image.putInt(at + KEYSPEC_BS_STARTFROM, spec.indexOrStartFrom);
    } else {
      image.putInt(at + KEYSPEC_BS_POS, spec.indexOrStartFrom);
    }
    image.putInt(at + KEYSPEC_FIND_KEYS_TYPE, spec.findKeys);
    for (int j = 0; j < spec.find.length; j++) {
      image.putInt(at + KEYSPEC_FK + j * Integer.BYTES, spec.find[j]);
    }
  }

  private static void arg(NativeImage image, int at, CommandArg arg) {
    image.putString(at + ARG_NAME, arg.name);
    image.putInt(at + ARG_TYPE, arg.type.ordinal());
    image.putInt(at + ARG_KEY_SPEC_INDEX, arg.keySpecIndex);
    image.putString(at + ARG_TOKEN, arg.token);
    image.putString(at + ARG_SUMMARY, arg.summary);
    image.putString(at + ARG_SINCE, arg.since);
    image.putInt(at + ARG_FLAGS, arg.flags);
    image.putString(at + ARG_DEPRECATED_SINCE, arg.deprecatedSince);
    if (!arg.subargs.isEmpty()) {
      image.putPointer(
          at + ARG_SUBARGS, array(image, arg.subargs, ARG_SIZE, CommandInfoImage::arg));
    }
  }
}
