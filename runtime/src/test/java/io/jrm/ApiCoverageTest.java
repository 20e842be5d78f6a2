package io.jrm;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.internal.binding.ApiFunction;
import io.jrm.internal.binding.RedisModuleApi;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every function of the Modules API reference is reachable from Java: bound in the table, mirrored
 * by the thin binding, and served by a method of the idiomatic layer; the table names only
 * functions Redis 7.0.15 has, and how many of those it binds is reported. Failures name the
 * functions.
 */
class ApiCoverageTest {
  /** Functions Redis 7.0.15 registers for modules ({@code redis-7.0.15-functions.txt}). */
  private static final int REDIS_7_0_15_FUNCTIONS = 332;

  private static Set<String> reference;
  private static Set<String> redis70;
  private static Map<String, Mapping> mappings;

  private record Mapping(String className, String method, String kind) {}

  @BeforeAll
  static void read() throws IOException {
    // A list inside the repository, so a clone tests on its own; the file says where it came from.
    reference = new TreeSet<>();
    for (String[] words : lines("/modules-api-functions.txt")) {
      reference.add(words[0]);
    }
    redis70 = new TreeSet<>();
    for (String[] words : lines("/redis-7.0.15-functions.txt")) {
      redis70.add(words[0]);
    }
    mappings = new LinkedHashMap<>();
    for (String[] words : lines("/api-coverage.txt")) {
      String[] target = words[1].split("#");
      String className = target[0].contains(".") ? target[0] : "io.jrm." + target[0];
      mappings.put(
          words[0], new Mapping(className, target[1], words.length > 2 ? words[2] : "public"));
    }
  }

  /** The words of each line of a test resource, without blank lines and {@code #} comments. */
  private static List<String[]> lines(String resource) throws IOException {
    List<String[]> lines = new ArrayList<>();
    try (InputStream in = ApiCoverageTest.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] words = line.strip().split("\\s+");
        if (!words[0].isEmpty() && !words[0].startsWith("#")) {
          lines.add(words);
        }
      }
    }
    return lines;
  }

  @Test
  void theReferenceIsRead() {
    assertThat(reference)
        .hasSizeGreaterThan(100)
        .contains("Alloc", "ZsetRangePrev", "ThreadSafeContextUnlock");
  }

  @Test
  void everyReferenceFunctionHasAnIdiomaticMapping() {
    assertThat(missing(reference, name -> mappings.containsKey(name)))
        .as("functions of the reference with no line in api-coverage.txt")
        .isEmpty();
  }

  @Test
  void everyReferenceFunctionIsInTheTableOrProvidedInJava() {
    Set<String> table =
        Arrays.stream(ApiFunction.values()).map(Enum::name).collect(Collectors.toSet());
    assertThat(
            missing(
                reference,
                name ->
                    table.contains(name)
                        || (mappings.containsKey(name)
                            && mappings.get(name).kind().equals("java"))))
        .as("functions of the reference missing from ApiFunction")
        .isEmpty();
  }

  @Test
  void everyTableFunctionHasAThinBindingMethod() {
    Set<String> methods =
        Arrays.stream(RedisModuleApi.class.getDeclaredMethods())
            .map(Method::getName)
            .collect(Collectors.toSet());
    List<String> names = new ArrayList<>();
    for (ApiFunction function : ApiFunction.values()) {
      if (function != ApiFunction.GetApi) { // bound from the context's first word instead
        names.add(function.name());
      }
    }
    assertThat(
            missing(
                names,
                name ->
                    methods.contains(Character.toLowerCase(name.charAt(0)) + name.substring(1))))
        .as("ApiFunction constants without a RedisModuleApi method")
        .isEmpty();
  }

  @Test
  void everyMappedMethodExistsAndPublicOnesArePublic() {
    List<String> broken = new ArrayList<>();
    mappings.forEach(
        (name, mapping) -> {
          try {
            Class<?> type = Class.forName(mapping.className());
            boolean found =
                Arrays.stream(type.getDeclaredMethods())
                    .anyMatch(
                        m ->
                            m.getName().equals(mapping.method())
                                && (!mapping.kind().equals("public")
                                    || java.lang.reflect.Modifier.isPublic(m.getModifiers())));
            if (!found) {
              broken.add(name + " -> " + mapping.className() + "#" + mapping.method());
            }
          } catch (ClassNotFoundException e) {
            broken.add(name + " -> no class " + mapping.className());
          }
        });
    assertThat(broken).as("mapped methods that do not exist").isEmpty();
  }

  @Test
  void everyTableFunctionIsOneRedis70Registers() {
    assertThat(redis70)
        .hasSize(REDIS_7_0_15_FUNCTIONS)
        .contains("ListGet", "CreateTimer", "RegisterInfoFunc");
    List<String> names = new ArrayList<>();
    for (ApiFunction function : ApiFunction.values()) {
      if (function != ApiFunction.GetApi) { // found in the context's first word, not registered
        names.add(function.name());
      }
    }
    assertThat(missing(names, redis70::contains))
        .as("ApiFunction constants Redis 7.0.15 does not register")
        .isEmpty();
  }

  /** Prints, in the test's output, how much of Redis 7.0.15's module API the binding covers. */
  @Test
  void reportsHowManyRedis70FunctionsAreBound() {
    Set<String> table =
        Arrays.stream(ApiFunction.values()).map(Enum::name).collect(Collectors.toSet());
    List<String> unbound = missing(redis70, table::contains);
    int bound = redis70.size() - unbound.size();
    System.out.printf(
        "JRM binds %d of the %d functions of Redis 7.0.15's module API; not bound: %s%n",
        bound, redis70.size(), String.join(" ", unbound));
    assertThat(bound).as("the table's functions but GetApi").isEqualTo(table.size() - 1);
  }

  /**
   * The words of a C function's name that name the object a method is on (DEVELOPERS.md, "Names"):
   * dropped from the method's name, at its start or end.
   */
  private static final Map<String, List<String>> RECEIVER_WORDS =
      Map.ofEntries(
          Map.entry("RedisString", List.of("String")),
          Map.entry("Key", List.of("FromModuleKey", "Key", "ModuleType")),
          Map.entry("RdbInput", List.of("FromIO")),
          Map.entry("KeyOptContext", List.of("FromOptCtx")),
          Map.entry("DefragContext", List.of("FromDefragCtx")),
          Map.entry("CallReply", List.of("CallReply")),
          Map.entry("ZsetRange", List.of("ZsetRange")),
          Map.entry("Digest", List.of("FromDigest", "Digest")),
          Map.entry("AofOutput", List.of("AOF")),
          Map.entry("BlockedClient", List.of("BlockedClient", "Client", "Block")),
          Map.entry("ThreadSafeContext", List.of("ThreadSafeContext")),
          Map.entry("Timer", List.of("Timer")),
          Map.entry("InfoContext", List.of("Info")),
          Map.entry("ServerInfo", List.of("ServerInfo")),
          Map.entry("ScanCursor", List.of("ScanCursor")),
          Map.entry("StreamIterator", List.of("StreamIterator")),
          Map.entry("CommandFilterContext", List.of("CommandFilter")),
          Map.entry("NativeDict", List.of("Dict")),
          Map.entry("DictIterator", List.of("DictIterator", "Dict")),
          Map.entry("EventLoop", List.of("EventLoop")),
          Map.entry("ForkChild", List.of("ForkChild")));

  /** The mappings the rule does not make, each with its reason in DEVELOPERS.md. */
  private static final Map<String, String> NAMED_OTHERWISE =
      Map.ofEntries(
          Map.entry("StringCompare", "compareTo"),
          Map.entry("StringAppendBuffer", "append"),
          Map.entry("CreateStringFromCallReply", "toRedisString"),
          Map.entry("CallReplyDouble", "doubleValue"),
          Map.entry("ModuleTypeGetType", "moduleType"),
          Map.entry("GetBlockedClientPrivateData", "handle"),
          Map.entry("GetTimerInfo", "remaining"),
          Map.entry("InfoAddFieldULongLong", "addFieldUnsigned"),
          Map.entry("CreateStringFromULongLong", "createStringUnsigned"),
          Map.entry("LoadDataTypeFromStringEncver", "loadDataType"),
          Map.entry("DefragShouldStop", "defragShouldStop"),
          Map.entry("ServerInfoGetField", "getString"),
          Map.entry("ServerInfoGetFieldC", "get"),
          Map.entry("ServerInfoGetFieldSigned", "getLong"),
          Map.entry("ServerInfoGetFieldUnsigned", "getUnsignedLong"),
          Map.entry("ServerInfoGetFieldDouble", "getDouble"));

  /** The method name DEVELOPERS.md's naming rule gives C function {@code function} on a class. */
  static String ruleName(String function, String simpleClassName) {
    if (function.startsWith("Free")
        || function.startsWith("Close")
        || function.endsWith("Stop")
        || function.endsWith("Destroy")) {
      return "close";
    }
    String name = function;
    for (String word : RECEIVER_WORDS.getOrDefault(simpleClassName, List.of())) {
      if (name.startsWith(word) && name.length() > word.length()) {
        name = name.substring(word.length());
      } else if (name.endsWith(word) && name.length() > word.length()) {
        name = name.substring(0, name.length() - word.length());
      }
    }
    name = name.replaceFirst("(?<=[a-z])C$", ""); // DictSetC takes a C buffer, DictSet a string
    if (name.matches("Get[A-Z].*")) {
      name = name.substring(3);
    }
    if (name.matches(".*(Ptr|PtrLen)")) {
      return "bytes";
    }
    // Variants C names by argument type are overloads of one Java name.
    name =
        name.replaceFirst(
            "(.)(FromLongLong|FromDouble|FromLongDouble|FromStreamID|FromString|Type)$", "$1");
    name = name.replaceFirst("^(AddField)(String|CString|Double|(?<!U)LongLong)$", "$1");
    name = name.replaceFirst("^(ReplyWith)CString$", "$1String");
    // An acronym is one word: StringDMA -> stringDma, LogIOError -> logIoError.
    name =
        java.util.regex.Pattern.compile("([A-Z])([A-Z]+)(?![a-z])")
            .matcher(name)
            .replaceAll(m -> m.group(1) + m.group(2).toLowerCase(java.util.Locale.ROOT));
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  @Test
  void everyPublicMethodIsNamedByTheNamingRule() {
    List<String> misnamed = new ArrayList<>();
    mappings.forEach(
        (name, mapping) -> {
          String simpleName = mapping.className().substring(mapping.className().indexOf('.') + 1);
          simpleName = simpleName.substring(simpleName.lastIndexOf('.') + 1);
          String expected = NAMED_OTHERWISE.getOrDefault(name, ruleName(name, simpleName));
          if (mapping.kind().equals("public") && !expected.equals(mapping.method())) {
            misnamed.add(name + " -> " + mapping.method() + ", the rule says " + expected);
          }
        });
    assertThat(misnamed).as("methods the naming rule names otherwise").isEmpty();
  }

  private static List<String> missing(
      Iterable<String> names, java.util.function.Predicate<String> present) {
    List<String> absent = new ArrayList<>();
    names.forEach(
        name -> {
          if (!present.test(name)) {
            absent.add(name);
          }
        });
    return absent;
  }
}
