package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * APIs shared between modules ({@code ExportSharedAPI}, {@code GetSharedAPI}); see
 * docs/shared-apis.md. Redis keeps the names, so that it refuses to unload a module whose API
 * another one took. A native pointer is shared as itself, with C modules. A Java object is shared
 * under {@code jrm:<name>} (so no C module mistakes it for a function) and kept in the JVM-wide
 * platform MBean server, the one registry every module's class loader sees: the runtime's own
 * statics are per module.
 */
final class SharedApis {
  /** The prefix of the names Java objects are exported under in Redis. */
  static final String JAVA_PREFIX = "jrm:";

  private static final String ATTRIBUTE = "Api";
  private static final List<ObjectName> exported = new ArrayList<>();

  private SharedApis() {}

  static boolean export(Context ctx, String name, long pointer) {
    RedisModuleApi api = ctx.api();
    // Redis keeps the name's pointer for the server's life: a copy nothing frees.
    return api.exportSharedAPI(ctx.pointer(), api.strdup(cString(name)), pointer) == Context.OK;
  }

  static OptionalLong find(Context ctx, String name) {
    long pointer = ctx.api().getSharedAPI(ctx.pointer(), cString(name));
    return pointer == 0 ? OptionalLong.empty() : OptionalLong.of(pointer);
  }

  static synchronized boolean export(Context ctx, String name, Object api) {
    ObjectName objectName = objectName(name);
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    if (server.isRegistered(objectName)) {
      return false;
    }
    // Redis gets a non-zero word: the object itself is the MBean's.
    if (!export(ctx, JAVA_PREFIX + name, 1)) {
      return false;
    }
    try {
      server.registerMBean(new Holder(api), objectName);
    } catch (JMException e) {
      throw new IllegalStateException("cannot keep shared API " + name, e);
    }
    exported.add(objectName);
    return true;
  }

  static <T> Optional<T> find(Context ctx, String name, Class<T> type) {
    // Through Redis first: it records that this module uses the exporter, which then stays.
    if (find(ctx, JAVA_PREFIX + name).isEmpty()) {
      return Optional.empty();
    }
    Object api;
    try {
      api = ManagementFactory.getPlatformMBeanServer().getAttribute(objectName(name), ATTRIBUTE);
    } catch (JMException e) {
      return Optional.empty();
    }
    if (!type.isInstance(api)) {
      throw new ClassCastException(
          "shared API "
              + name
              + " is a "
              + api.getClass().getName()
              + ", not a "
              + type.getName()
              + " of this module's class loader: share JDK types (java.util.function, java.util)");
    }
    return Optional.of(type.cast(api));
  }

  /** Drops the Java objects this module exported, at its unload (Redis drops the names). */
  static synchronized void withdraw() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    for (ObjectName name : exported) {
      try {
        server.unregisterMBean(name);
      } catch (JMException e) {
        // Already gone: nothing to keep the class loader.
      }
    }
    exported.clear();
  }

  private static ObjectName objectName(String name) {
    try {
      return new ObjectName("io.jrm:type=SharedApi,name=" + ObjectName.quote(name));
    } catch (JMException e) {
      throw new IllegalArgumentException("bad shared API name " + name, e);
    }
  }

  /** The MBean that holds one exported object, read as its one attribute. */
  private static final class Holder implements DynamicMBean {
    private final Object api;

    Holder(Object api) {
      this.api = api;
    }

    @Override
    public Object getAttribute(String attribute) {
      return api;
    }

    @Override
    public void setAttribute(Attribute attribute) {
      throw new UnsupportedOperationException("a shared API is read-only");
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
      return new AttributeList();
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
      return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) {
      throw new UnsupportedOperationException("a shared API has no operations");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
      return new MBeanInfo(Holder.class.getName(), "a JRM shared API", null, null, null, null);
    }
  }
}
