package io.masspay.infra.cluster;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * How many MassPay nodes are connected to this database right now, read from PostgreSQL's own
 * {@code pg_stat_activity}: every node tags its connections with {@link NodeName#applicationName()}.
 * No membership table, no heartbeat of ours: a node that dies loses its connections, and PostgreSQL
 * forgets it (at once for a crash on the same host; after TCP keepalive for a lost network).
 * Read at most once a second; on any failure this node counts itself alone.
 */
public class LiveNodes {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile long readAt;
    private volatile int count = 1;

    public LiveNodes(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public int count() {
        long now = clock.millis();
        if (readAt == 0 || now - readAt >= FRESH.toMillis()) {
            count = read();
            readAt = now;
        }
        return count;
    }

    private int read() {
        try {
            Integer nodes = jdbc.queryForObject("""
                    select count(distinct application_name) from pg_stat_activity
                    where datname = current_database() and application_name like ?""",
                    Integer.class, NodeName.APPLICATION_NAME_PREFIX + "%");
            return nodes == null || nodes < 1 ? 1 : nodes;
        } catch (RuntimeException e) {
            return 1;
        }
    }
}
