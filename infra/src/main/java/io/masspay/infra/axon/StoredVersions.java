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
        jdbc.query("select aggregate_identifier, max(sequence_number) from domain_event_entry"
                        + " where aggregate_identifier = any(?) group by aggregate_identifier",
                statement -> statement.setArray(1, statement.getConnection()
                        .createArrayOf("varchar", aggregateIdentifiers.toArray())),
                row -> {
                    versions.put(row.getString(1), row.getLong(2));
                });
        return versions;
    }
}
