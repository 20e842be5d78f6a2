package io.jrm;

/**
 * The server became a master or a replica ({@code RedisModuleReplicationInfo}).
 *
 * @param subEvent {@link SubEvent#NOW_MASTER} or {@link SubEvent#NOW_REPLICA}
 * @param master whether the server is now a master
 * @param masterHost the master's host, empty on a master
 * @param masterPort the master's port
 * @param replicationId the main replication id
 * @param secondaryReplicationId the secondary replication id
 * @param replicationOffset the main replication offset
 * @param secondaryReplicationOffset up to where the secondary replication id is valid
 */
public record ReplicationRoleChange(
    SubEvent subEvent,
    boolean master,
    String masterHost,
    int masterPort,
    String replicationId,
    String secondaryReplicationId,
    long replicationOffset,
    long secondaryReplicationOffset)
    implements ServerEventData {}
