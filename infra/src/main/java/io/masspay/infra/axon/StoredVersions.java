package io.masspay.infra.axon;

import org.springframework.jdbc.core.JdbcTemplate;

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
}
