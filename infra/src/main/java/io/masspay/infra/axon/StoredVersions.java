package io.masspay.infra.axon;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The last sequence number of an aggregate's stream in the event store, read in the caller's
 * transaction (so in the command's unit of work). An index-only scan of the primary key.
 */
public class StoredVersions {

    /**
     * One index-only backward scan per stream. The obvious {@code = any(?) group by} reads every event of every
     * stream instead: a sequential scan of the store once an issuer wallet has thousands of events (50 ms a chunk).
     */
    static final String LAST_SEQUENCE_NUMBERS = "select id, (select max(sequence_number) from domain_event_entry"
            + " where aggregate_identifier = id) from unnest(?::varchar[]) as ids(id)";

    private final JdbcTemplate jdbc;

    public StoredVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return null when the stream has no events */
    public Long lastSequenceNumber(String aggregateIdentifier) {
        return jdbc.queryForObject(
                "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateIdentifier);
    }

    /** The last sequence number of each stream, in one query; streams without events are left out. */
    public Map<String, Long> lastSequenceNumbers(Collection<String> aggregateIdentifiers) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.query(LAST_SEQUENCE_NUMBERS,
                statement -> statement.setArray(1, statement.getConnection()
                        .createArrayOf("varchar", aggregateIdentifiers.toArray())),
                row -> {
                    long version = row.getLong(2);
                    if (!row.wasNull()) {
                        versions.put(row.getString(1), version);
                    }
                });
        return versions;
    }
}
