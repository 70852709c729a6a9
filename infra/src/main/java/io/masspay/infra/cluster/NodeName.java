package io.masspay.infra.cluster;

import java.lang.management.ManagementFactory;

/**
 * This node's name among the nodes sharing one database: the owner written into Axon's token claims,
 * db-scheduler's {@code picked_by}, and the {@code application_name} of its database connections. Set
 * {@code masspay.node.name} (or {@code MASSPAY_NODE_NAME}) to something an operator recognises; unset, it
 * is the JVM's {@code pid@host}, which is unique but changes with every start.
 */
public record NodeName(String value) {

    /** The prefix of every MassPay connection's {@code application_name}; {@link LiveNodes} counts them. */
    public static final String APPLICATION_NAME_PREFIX = "masspay-node:";

    public static NodeName of(String configured) {
        String name = configured == null || configured.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() : configured.strip();
        // PostgreSQL keeps 63 bytes of application_name; the token table's owner column takes 255
        return new NodeName(name.length() > 40 ? name.substring(0, 40) : name);
    }

    public String applicationName() {
        return APPLICATION_NAME_PREFIX + value;
    }
}
