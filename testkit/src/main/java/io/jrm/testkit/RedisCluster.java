package io.jrm.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.params.MigrateParams;

/**
 * A real Redis Cluster of {@link RedisServer}s on free loopback ports: masters that share the 16384
 * slots evenly, each with its replicas, joined with {@code CLUSTER ADDSLOTSRANGE}, {@code CLUSTER
 * MEET} and {@code CLUSTER REPLICATE}. {@link Builder#start()} returns once every node says {@code
 * cluster_state:ok}, knows every other node, and every replica follows its master.
 *
 * <pre>{@code
 * try (RedisCluster cluster = RedisCluster.builder()
 *         .masters(3)
 *         .replicasPerMaster(1)
 *         .module(Path.of("target/mymodule.so"))
 *         .start();
 *      JedisCluster jedis = cluster.client()) {
 *   jedis.set("key", "value");
 *   int slot = JedisClusterCRC16.getSlot("key");
 *   cluster.moveSlots(slot, slot, cluster.masters().get(1));
 * }
 * }</pre>
 *
 * <p>{@link #moveSlots} reshards (keys go with {@code MIGRATE}, which is {@code DUMP} and {@code
 * RESTORE}: a module's values travel through its type's RDB callbacks) and {@link #failover}
 * promotes a replica ({@code CLUSTER FAILOVER}). Every wait is bounded by the builder's timeout and
 * ends with a {@link RedisServerException} that says what the cluster did not reach.
 */
public final class RedisCluster implements AutoCloseable {
  /** Redis Cluster's hash slots. */
  public static final int SLOTS = 16384;

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final long POLL_MILLIS = 50;
  private static final int MIGRATE_BATCH = 100;
  private static final int CLIENT_TIMEOUT_MILLIS = 10_000;
  private static final int CLIENT_ATTEMPTS = 10;

  // CLUSTER NODES: id, address, flags, master, ping, pong, epoch, link state, then slots.
  private static final int NODES_ID = 0;
  private static final int NODES_FLAGS = 2;
  private static final int NODES_MASTER = 3;
  private static final int NODES_FIRST_SLOT = 8;

  private final List<RedisServer> nodes;
  private final Map<RedisServer, String> ids = new HashMap<>();
  private final Duration timeout;

  private RedisCluster(List<RedisServer> nodes, Duration timeout) {
    this.nodes = List.copyOf(nodes);
    this.timeout = timeout;
  }

  /**
   * @return a builder; nothing is started until {@link Builder#start()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return every node, masters first in the order they got their slots, then the replicas
   */
  public List<RedisServer> nodes() {
    return nodes;
  }

  /**
   * @return the nodes that are masters now (after a {@link #failover}, a former replica is one)
   */
  public List<RedisServer> masters() {
    return nodes.stream().filter(RedisCluster::isMaster).toList();
  }

  /**
   * @param master a node of this cluster
   * @return the nodes that replicate {@code master} now
   */
  public List<RedisServer> replicasOf(RedisServer master) {
    String id = nodeId(master);
    return nodes.stream().filter(n -> id.equals(ownLine(n)[NODES_MASTER])).toList();
  }

  /**
   * @param node a node of this cluster
   * @return its node id ({@code CLUSTER MYID}), 40 hexadecimal characters
   */
  public String nodeId(RedisServer node) {
    return ids.computeIfAbsent(node, n -> ask(n, Jedis::clusterMyId));
  }

  /**
   * @param slot a hash slot, 0 to 16383
   * @return the master that serves {@code slot}, in its own view
   */
  public RedisServer masterOf(int slot) {
    checkSlot(slot);
    return masters().stream()
        .filter(m -> nodeId(m).equals(owner(ask(m, Jedis::clusterNodes), slot)))
        .findFirst()
        .orElseThrow(() -> new RedisServerException("No master serves slot " + slot));
  }

  /**
   * Opens a cluster client that finds every node from the first one. The caller closes it.
   *
   * @return a connected cluster client
   */
  public JedisCluster client() {
    RedisServer first = nodes.get(0);
    return new JedisCluster(
        new HostAndPort(first.host(), first.port()), CLIENT_TIMEOUT_MILLIS, CLIENT_ATTEMPTS);
  }

  /**
   * Moves slots {@code first} to {@code last} with their keys to master {@code target}, as {@code
   * redis-cli --cluster reshard} does: {@code CLUSTER SETSLOT IMPORTING} and {@code MIGRATING},
   * {@code MIGRATE} of the keys in batches, then {@code CLUSTER SETSLOT NODE} on every master.
   * Returns once every node sees {@code target} serving both ends of the range.
   *
   * @param first the first slot
   * @param last the last slot, at least {@code first}
   * @param target a master of this cluster
   */
  public void moveSlots(int first, int last, RedisServer target) {
    checkSlot(first);
    checkSlot(last);
    if (last < first) {
      throw new IllegalArgumentException("slot range " + first + "-" + last + " is empty");
    }
    String targetId = nodeId(target);
    for (int slot = first; slot <= last; slot++) {
      RedisServer source = masterOf(slot);
      if (source != target) {
        moveSlot(slot, source, target, targetId);
      }
    }
    await(
        "every node sees " + target + " serving slots " + first + "-" + last,
        () ->
            nodes.stream()
                .allMatch(
                    n -> {
                      String view = ask(n, Jedis::clusterNodes);
                      return targetId.equals(owner(view, first))
                          && targetId.equals(owner(view, last));
                    }));
  }

  private void moveSlot(int slot, RedisServer source, RedisServer target, String targetId) {
    String sourceId = nodeId(source);
    ask(target, j -> j.clusterSetSlotImporting(slot, sourceId));
    ask(source, j -> j.clusterSetSlotMigrating(slot, targetId));
    // Bounded: each batch moves its keys away, so the slot empties in count / batch rounds.
    long rounds = ask(source, j -> j.clusterCountKeysInSlot(slot)) / MIGRATE_BATCH + 1;
    for (long round = 0; round < rounds; round++) {
      List<byte[]> keys = ask(source, j -> j.clusterGetKeysInSlotBinary(slot, MIGRATE_BATCH));
      if (keys.isEmpty()) {
        break;
      }
      ask(
          source,
          j ->
              j.migrate(
                  target.host(),
                  target.port(),
                  0,
                  (int) timeout.toMillis(),
                  new MigrateParams(),
                  keys.toArray(byte[][]::new)));
    }
    ask(target, j -> j.clusterSetSlotNode(slot, targetId));
    ask(source, j -> j.clusterSetSlotNode(slot, targetId));
    for (RedisServer master : masters()) {
      if (master != source && master != target) {
        ask(master, j -> j.clusterSetSlotNode(slot, targetId));
      }
    }
  }

  /**
   * Fails {@code master} over to one of its replicas with {@code CLUSTER FAILOVER} (the coordinated
   * manual failover: the replica catches up with the master first, so no acknowledged write is
   * lost). Returns once the roles have swapped and the cluster is healthy again.
   *
   * @param master a master of this cluster with at least one replica
   * @return the replica that is now the master
   */
  public RedisServer failover(RedisServer master) {
    RedisServer replica =
        replicasOf(master).stream()
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(master + " has no replica"));
    ask(replica, Jedis::clusterFailover);
    await(
        replica + " takes over from " + master,
        () -> isMaster(replica) && nodeId(replica).equals(ownLine(master)[NODES_MASTER]));
    awaitHealthy();
    return replica;
  }

  /**
   * Waits until every node says {@code cluster_state:ok}, knows every other node, and every
   * replica's link to its master is up.
   */
  public void awaitHealthy() {
    int replicas = nodes.size() - masters().size();
    await(
        "cluster_state:ok on every node, with " + nodes.size() + " nodes known to each",
        () ->
            nodes.stream()
                .allMatch(
                    n -> {
                      String info = ask(n, Jedis::clusterInfo);
                      return info.contains("cluster_state:ok")
                          && info.contains("cluster_known_nodes:" + nodes.size() + "\r\n")
                          && countFlag(ask(n, Jedis::clusterNodes), "slave") == replicas
                          && (isMaster(n)
                              || ask(n, j -> j.info("replication"))
                                  .contains("master_link_status:up"));
                    }));
  }

  /** Stops every node and deletes their directories. Idempotent. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (RedisServer node : nodes) {
      try {
        node.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "RedisCluster" + nodes;
  }

  private void join(int masters) {
    RedisServer seed = nodes.get(0);
    for (int i = 0; i < masters; i++) {
      int from = i * SLOTS / masters;
      int to = (i + 1) * SLOTS / masters - 1;
      ask(nodes.get(i), j -> j.clusterAddSlotsRange(from, to));
    }
    for (RedisServer node : nodes.subList(1, nodes.size())) {
      ask(seed, j -> j.clusterMeet(node.host(), node.port()));
    }
    await(
        "every node knows the " + nodes.size() + " nodes",
        () -> nodes.stream().allMatch(n -> knownNodes(n) == nodes.size()));
    for (int i = masters; i < nodes.size(); i++) {
      String masterId = nodeId(nodes.get((i - masters) % masters));
      ask(nodes.get(i), j -> j.clusterReplicate(masterId));
    }
    awaitHealthy();
  }

  /** The nodes {@code node} knows past the handshake, itself included. */
  private static int knownNodes(RedisServer node) {
    int known = 0;
    for (String line : ask(node, Jedis::clusterNodes).split("\n")) {
      String[] fields = line.trim().split(" ");
      if (fields.length > NODES_FLAGS
          && !fields[NODES_FLAGS].contains("handshake")
          && !fields[NODES_FLAGS].contains("noaddr")) {
        known++;
      }
    }
    return known;
  }

  private static long countFlag(String clusterNodes, String flag) {
    return clusterNodes
        .lines()
        .map(line -> line.split(" "))
        .filter(fields -> fields.length > NODES_FLAGS)
        .filter(fields -> Set.of(fields[NODES_FLAGS].split(",")).contains(flag))
        .count();
  }

  /** The node's own line of {@code CLUSTER NODES}, split into its fields. */
  private static String[] ownLine(RedisServer node) {
    return ask(node, Jedis::clusterNodes)
        .lines()
        .map(line -> line.split(" "))
        .filter(fields -> fields.length > NODES_FLAGS && fields[NODES_FLAGS].contains("myself"))
        .findFirst()
        .orElseThrow(() -> new RedisServerException(node + " does not list itself"));
  }

  private static boolean isMaster(RedisServer node) {
    return ask(node, j -> j.info("replication")).contains("role:master");
  }

  /** The id of the node that serves {@code slot} in one node's {@code CLUSTER NODES}, or null. */
  private static String owner(String clusterNodes, int slot) {
    for (String line : clusterNodes.split("\n")) {
      String[] fields = line.trim().split(" ");
      for (int i = NODES_FIRST_SLOT; i < fields.length; i++) {
        String range = fields[i];
        if (range.startsWith("[")) {
          continue; // a slot migrating or importing: still served by its owner's range
        }
        int dash = range.indexOf('-');
        int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
        int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
        if (from <= slot && slot <= to) {
          return fields[NODES_ID];
        }
      }
    }
    return null;
  }

  private static void checkSlot(int slot) {
    if (slot < 0 || slot >= SLOTS) {
      throw new IllegalArgumentException("a hash slot is 0 to " + (SLOTS - 1) + ", not " + slot);
    }
  }

  private static <T> T ask(RedisServer node, Function<Jedis, T> command) {
    try (Jedis jedis = node.client()) {
      return command.apply(jedis);
    }
  }

  private void await(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new RedisServerException(
            "The cluster did not reach this within " + timeout + ": " + what + "; " + this);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RedisServerException("Interrupted while waiting until " + what, e);
      }
    }
  }

  /**
   * Collects the shape, modules and configuration of a {@link RedisCluster}. Every node gets the
   * same modules and configuration.
   */
  public static final class Builder {
    private int masters = 3;
    private int replicasPerMaster;
    private Duration timeout = DEFAULT_TIMEOUT;
    private final List<Path> modules = new ArrayList<>();
    private final List<String[]> moduleArgs = new ArrayList<>();
    private final List<String[]> configs = new ArrayList<>();

    private Builder() {}

    /**
     * @param masters how many masters share the slots, at least 1; 3 by default
     * @return this builder
     */
    public Builder masters(int masters) {
      if (masters < 1 || masters > SLOTS) {
        throw new IllegalArgumentException("masters must be 1 to " + SLOTS + ": " + masters);
      }
      this.masters = masters;
      return this;
    }

    /**
     * @param replicas how many replicas each master has, at least 0; none by default
     * @return this builder
     */
    public Builder replicasPerMaster(int replicas) {
      if (replicas < 0) {
        throw new IllegalArgumentException("replicasPerMaster must be 0 or more: " + replicas);
      }
      this.replicasPerMaster = replicas;
      return this;
    }

    /**
     * Loads a module on every node, as {@link RedisServer.Builder#module}. Repeatable.
     *
     * @param soFile the module's shared library
     * @param args arguments passed to its {@code RedisModule_OnLoad}
     * @return this builder
     */
    public Builder module(Path soFile, String... args) {
      modules.add(Objects.requireNonNull(soFile, "soFile"));
      moduleArgs.add(args.clone());
      return this;
    }

    /**
     * Adds a configuration directive to every node, as {@link RedisServer.Builder#config}.
     *
     * @param name directive name
     * @param values its arguments
     * @return this builder
     */
    public Builder config(String name, String... values) {
      String[] directive = new String[values.length + 1];
      directive[0] = Objects.requireNonNull(name, "name");
      System.arraycopy(values, 0, directive, 1, values.length);
      configs.add(directive);
      return this;
    }

    /**
     * How long each wait for the cluster lasts at most (joining, resharding, a failover); 60
     * seconds by default.
     *
     * @param timeout positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Starts every node and joins them into a cluster; on any failure, stops those started.
     *
     * @return the healthy cluster; close it when done
     * @throws RedisServerException if a node does not come up or the cluster does not become
     *     healthy within the timeout
     */
    public RedisCluster start() {
      RedisServer.Builder node = RedisServer.builder().clusterEnabled();
      for (String[] directive : configs) {
        node.config(directive[0], Arrays.copyOfRange(directive, 1, directive.length));
      }
      for (int i = 0; i < modules.size(); i++) {
        node.module(modules.get(i), moduleArgs.get(i));
      }
      List<RedisServer> started = new ArrayList<>();
      try {
        for (int i = 0; i < masters * (1 + replicasPerMaster); i++) {
          started.add(node.start());
        }
        RedisCluster cluster = new RedisCluster(started, timeout);
        cluster.join(masters);
        return cluster;
      } catch (RuntimeException e) {
        started.forEach(RedisServer::close);
        throw e;
      }
    }
  }
}
