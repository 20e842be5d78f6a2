package io.jrm.it;

import io.jrm.Context;
import io.jrm.ReadKey;
import io.jrm.RedisString;
import io.jrm.StreamEntry;
import io.jrm.StreamField;
import io.jrm.StreamIterator;
import io.jrm.StreamIteratorFlag;
import io.jrm.StreamTrimFlag;
import io.jrm.WriteKey;
import io.jrm.annotations.RedisCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Commands of the jrmtest module ({@code JRMTEST.STREAM.*}) for {@code StreamIT}. */
public final class StreamCommands {
  private StreamCommands() {}

  /** JRMTEST.STREAM.ADD key field value ...: adds an entry with a new id, replies the id. */
  @RedisCommand(name = "jrmtest.stream.add", flags = "write")
  public static String add(Context ctx, RedisString name, RedisString... fieldsAndValues) {
    try (WriteKey key = ctx.writeKey(name)) {
      return key.streamAdd(fieldsAndValues).toString();
    }
  }

  /** JRMTEST.STREAM.ADDID key id field value ...: adds an entry with the id given. */
  @RedisCommand(name = "jrmtest.stream.addid", flags = "write")
  public static String addId(
      Context ctx, RedisString name, RedisString id, RedisString... fieldsAndValues) {
    try (WriteKey key = ctx.writeKey(name)) {
      return key.streamAdd(id.toStreamId(), fieldsAndValues).toString();
    }
  }

  /**
   * JRMTEST.STREAM.RANGE key start end [flag ...]: each entry of the walk as one line, {@code id
   * field value ...}; start and end as XRANGE's, flags EXCLUSIVE and REVERSE.
   */
  @RedisCommand(name = "jrmtest.stream.range", flags = "readonly")
  public static List<String> range(
      Context ctx, RedisString name, RedisString start, RedisString end, RedisString... flags) {
    StreamIteratorFlag[] walk =
        Arrays.stream(flags)
            .map(flag -> StreamIteratorFlag.valueOf(flag.toString()))
            .toArray(StreamIteratorFlag[]::new);
    List<String> lines = new ArrayList<>();
    try (ReadKey key = ctx.readKey(name);
        StreamIterator entries =
            key.streamIteratorStart(start.toStreamId(), end.toStreamId(), walk)) {
      for (StreamEntry entry : entries) {
        try (entry) {
          StringBuilder line = new StringBuilder(entry.id().toString());
          for (StreamField field : entry.fields()) {
            line.append(' ').append(field.field()).append(' ').append(field.value());
          }
          lines.add(line.toString());
        }
      }
    }
    return lines;
  }

  /**
   * JRMTEST.STREAM.DROPFIELD key field: deletes, while walking, every entry that has the field
   * (read field by field); replies how many went.
   */
  @RedisCommand(name = "jrmtest.stream.dropfield", flags = "write")
  public static long dropField(Context ctx, RedisString name, String dropped) {
    long count = 0;
    try (WriteKey key = ctx.writeKey(name);
        StreamIterator entries = key.streamIteratorStart(null, null)) {
      while (entries.nextId() != null) {
        boolean dropping = false;
        StreamField next;
        while (!dropping && (next = entries.nextField()) != null) {
          try (StreamField field = next) {
            dropping = field.field().toString().equals(dropped);
          }
        }
        if (dropping) {
          entries.delete();
          count++;
        }
      }
    }
    return count;
  }

  /** JRMTEST.STREAM.READDELETE key: deletes the first entry through a key opened for reading. */
  @RedisCommand(name = "jrmtest.stream.readdelete", flags = "readonly")
  public static String readDelete(Context ctx, RedisString name) {
    try (ReadKey key = ctx.readKey(name);
        StreamIterator entries = key.streamIteratorStart(null, null)) {
      entries.nextId();
      entries.delete();
      return "deleted";
    }
  }

  /**
   * JRMTEST.STREAM.ADDWHILEWALKING key field value: starts a walk, adds an entry through the key,
   * then tries the walk again; replies whether the walk ended and the new entry's id.
   */
  @RedisCommand(name = "jrmtest.stream.addwhilewalking", flags = "write")
  public static List<String> addWhileWalking(
      Context ctx, RedisString name, RedisString field, RedisString value) {
    try (WriteKey key = ctx.writeKey(name);
        StreamIterator entries = key.streamIteratorStart(null, null)) {
      entries.nextId();
      String id = key.streamAdd(field, value).toString();
      String walk;
      try {
        entries.nextId();
        walk = "still walking";
      } catch (IllegalStateException ended) {
        walk = "ended";
      }
      return List.of(walk, id);
    }
  }

  /**
   * JRMTEST.STREAM.TRIM key MAXLEN|MINID length|id [APPROX]: trims, replies how many entries went.
   */
  @RedisCommand(name = "jrmtest.stream.trim", flags = "write")
  public static long trim(
      Context ctx, RedisString name, String by, RedisString bound, RedisString... flags) {
    StreamTrimFlag[] trim =
        Arrays.stream(flags)
            .map(flag -> StreamTrimFlag.valueOf(flag.toString()))
            .toArray(StreamTrimFlag[]::new);
    try (WriteKey key = ctx.writeKey(name)) {
      return by.equalsIgnoreCase("MINID")
          ? key.streamTrimById(bound.toStreamId(), trim)
          : key.streamTrimByLength(bound.toLongLong(), trim);
    }
  }

  /** JRMTEST.STREAM.DELETE key id: 1 when the entry was there and went, else 0. */
  @RedisCommand(name = "jrmtest.stream.delete", flags = "write")
  public static long delete(Context ctx, RedisString name, RedisString id) {
    try (WriteKey key = ctx.writeKey(name)) {
      return key.streamDelete(id.toStreamId()) ? 1 : 0;
    }
  }
}
