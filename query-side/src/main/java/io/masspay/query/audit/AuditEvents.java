package io.masspay.query.audit;

import io.masspay.kernel.ids.IssuerAccountNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static io.masspay.query.support.Timestamps.iso;

/**
 * Reads the audited events from the event store itself, through the audit index: a page is one index
 * range scan joined to {@code domain_event_entry} by primary key, resumed after the last global index
 * seen (keyset paging), so a 20,000-event batch never sits in memory at once. A chunk's wallet posting
 * event is indexed once per transaction (ADR 0012); a batch lists it once.
 */
@Repository
class AuditEvents {

    /** Which index column a read goes by; fixed strings, never from the request. */
    enum Scope {
        Batch("batch_id", "select 1 from audit_batch where batch_id = ? and issuer_account_number = ?"),
        Transaction("transaction_id",
                "select 1 from audit_transaction where transaction_id = ? and issuer_account_number = ?");

        private final String column;
        private final String ownership;

        Scope(String column, String ownership) {
            this.column = column;
            this.ownership = ownership;
        }
    }

    private final JdbcTemplate jdbc;

    AuditEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Another issuer's batch or transaction is indistinguishable from a missing one. */
    boolean belongsTo(Scope scope, String id, IssuerAccountNumber issuer) {
        return !jdbc.queryForList(scope.ownership, Integer.class, id, issuer.value()).isEmpty();
    }

    List<AuditEvent> page(Scope scope, String id, long afterGlobalIndex, int size) {
        return jdbc.query("""
                        select e.global_index, e.payload_type, e.payload_revision, e.time_stamp, e.type,
                            e.aggregate_identifier, e.sequence_number, e.payload
                        from domain_event_entry e
                        where e.global_index in (
                            select distinct i.global_index from audit_event_index i
                            where i.%s = ? and i.global_index > ?
                            order by i.global_index limit ?)
                        order by e.global_index""".formatted(scope.column),
                (rs, n) -> event(rs), id, afterGlobalIndex, size);
    }

    static AuditEvent event(ResultSet rs) throws SQLException {
        String payloadType = rs.getString("payload_type");
        return new AuditEvent(rs.getLong("global_index"), payloadType.substring(payloadType.lastIndexOf('.') + 1),
                rs.getString("payload_revision"), iso(Instant.parse(rs.getString("time_stamp"))), rs.getString("type"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getBytes("payload"));
    }
}
