package io.jrm;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One node of the cluster as this node sees it ({@link Context#clusterNodeInfo}).
 *
 * @param id the node's id, 40 hexadecimal characters
 * @param ip the node's address as this node knows it (empty when not known yet)
 * @param masterId the id of the node's master when it is a replica that knows it, else null
 * @param port the node's client port
 * @param flags what this node knows of the node: role and failure state
 */
public record ClusterNodeInfo(
    String id, String ip, @Nullable String masterId, int port, Set<ClusterNodeFlag> flags) {
  /**
   * Copies {@code flags}, so the record stays immutable whatever set the caller passes.
   *
   * @param id the node's id
   * @param ip the node's address
   * @param masterId the id of the node's master, or null
   * @param port the node's client port
   * @param flags what this node knows of the node
   */
  public ClusterNodeInfo {
    flags = Set.copyOf(flags);
  }
}
