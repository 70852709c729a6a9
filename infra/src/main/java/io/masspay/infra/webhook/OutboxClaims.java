package io.masspay.infra.webhook;

import io.masspay.infra.projections.ReadModelPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The delivery worker's side of the outbox. A claim is one statement: it locks due rows of one issuer with
 * {@code for update skip locked} (nodes claiming at once get different rows, never wait for each other)
 * and gives them a lease, so no other node takes them while this one calls the endpoint; the row lock is
 * gone when the statement ends, and no transaction stays open across an HTTP call. A node that dies
 * mid-delivery leaves only a lease, which expires: the row is delivered again (at least once).
 */
@Repository
class OutboxClaims {

    /**
     * Due, and already shown by every read (API.md section 10): a row whose event the read models have not
     * all passed yet waits, so an issuer that reads on a webhook finds what it announces.
     */
    private static final String DUE = """
            status in ('Pending', 'Failing') and next_attempt_at <= now() and (lease_until is null or lease_until < now())
            and (source_position is null or source_position <= ?)""";

    private final JdbcTemplate jdbc;
    private final ReadModelPositions reads;

    OutboxClaims(JdbcTemplate jdbc, ReadModelPositions reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    List<String> issuersWithDueDeliveries() {
        return jdbc.queryForList("select distinct issuer_account_number from webhook_outbox where " + DUE, String.class,
                Long.MAX_VALUE);
    }

    /** Up to {@code limit} due rows of {@code issuer}, oldest first. */
    List<ClaimedDelivery> claim(String issuer, int limit, Duration lease) {
        return jdbc.query("""
                        with due as (
                            select event_id from webhook_outbox where issuer_account_number = ? and %s
                            order by seq limit ? for update skip locked)
                        update webhook_outbox o set lease_until = now() + ? * interval '1 millisecond'
                        from due, webhook_endpoint e
                        where o.event_id = due.event_id and e.issuer_account_number = o.issuer_account_number
                        returning o.event_id, o.seq, o.body, o.consecutive_failures, e.url, e.secret""".formatted(DUE),
                        (rs, i) -> new ClaimedDelivery(rs.getString(1), rs.getLong(2), issuer, rs.getBytes(3),
                                rs.getInt(4), rs.getString(5), rs.getString(6)),
                        issuer, reads.consistentThrough(), limit, lease.toMillis()).stream()
                .sorted(Comparator.comparingLong(ClaimedDelivery::seq)).toList();
    }

    void delivered(String eventId, int statusCode) {
        jdbc.update("""
                update webhook_outbox set status = 'Delivered', attempts = attempts + 1, consecutive_failures = 0,
                    last_status_code = ?, last_attempt_at = now(), next_attempt_at = null, lease_until = null
                where event_id = ?""", statusCode, eventId);
    }

    /**
     * Counts a failed try and schedules the next one, or gives up once the retry window has passed: retries
     * cover at least {@code giveUpAfter}. Returns true when this failure ended the retries.
     */
    boolean failed(String eventId, Integer statusCode, Duration backoff, Duration giveUpAfter) {
        List<String> status = jdbc.queryForList("""
                        update webhook_outbox set attempts = attempts + 1, consecutive_failures = consecutive_failures + 1,
                            last_status_code = ?, last_attempt_at = now(), lease_until = null,
                            status = case when now() >= retry_window_start + ? * interval '1 millisecond'
                                then 'Failed' else 'Failing' end,
                            next_attempt_at = case when now() >= retry_window_start + ? * interval '1 millisecond'
                                then null else now() + ? * interval '1 millisecond' end
                        where event_id = ? and status in ('Pending', 'Failing')
                        returning status""", String.class,
                new SqlParameterValue(Types.INTEGER, statusCode), giveUpAfter.toMillis(), giveUpAfter.toMillis(),
                backoff.toMillis(), eventId);
        return status.contains("Failed");
    }
}
