package io.jrm;

/**
 * What {@link ClusterNodeInfo#flags()} tells about a node ({@code REDISMODULE_NODE_*} of Redis
 * 7.0), in bit order: constant {@code i} is bit {@code 1 << i}.
 */
public enum ClusterNodeFlag {
  /** The node is the one the module runs on. */
  MYSELF,
  /** The node is a master. */
  MASTER,
  /** The node is a replica. */
  REPLICA,
  /** This node sees the node as failing. */
  PFAIL,
  /** The cluster agrees that the node is failing. */
  FAIL,
  /** The node is a replica configured never to fail over. */
  NOFAILOVER
}
