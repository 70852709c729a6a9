package io.masspay.infra.webhook;

import io.masspay.query.support.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The operator's view of an issuer's outbox: newest first, two statements per page. A given-up row
 * ('Failed' inside) is shown as "Failing" with no NextAttemptAt, the contract's vocabulary having no
 * fourth status; Redeliver gives it a new retry window.
 */
@Repository
class DeliveryLog {

    private final JdbcTemplate jdbc;

    DeliveryLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Delivery(String eventId, String eventType, String status, int attempts, Integer lastStatusCode,
                    String nextAttemptAt) {
    }

    record Page(long totalItems, List<Delivery> items) {
    }

    Page page(String issuer, DeliveriesQuery query) {
        Object statuses = query.storedStatuses();
        Long total = jdbc.queryForObject("""
                select count(*) from webhook_outbox where issuer_account_number = ? and status = any(?)""",
                Long.class, issuer, statuses);
        List<Delivery> items = jdbc.query("""
                        select event_id, event_type, status, attempts, last_status_code, next_attempt_at
                        from webhook_outbox where issuer_account_number = ? and status = any(?)
                        order by seq desc limit ? offset ?""",
                (rs, i) -> new Delivery(rs.getString(1), rs.getString(2),
                        "Failed".equals(rs.getString(3)) ? "Failing" : rs.getString(3), rs.getInt(4),
                        (Integer) rs.getObject(5), Timestamps.iso(rs.getObject(6, OffsetDateTime.class))),
                issuer, statuses, query.pageSize(), (long) (query.page() - 1) * query.pageSize());
        return new Page(total == null ? 0 : total, items);
    }

    /** Due now, same EventId and body, a fresh retry window; false when the issuer has no such event. */
    boolean redeliver(String issuer, String eventId) {
        return jdbc.update("""
                update webhook_outbox set status = 'Pending', next_attempt_at = now(), retry_window_start = now(),
                    consecutive_failures = 0
                where issuer_account_number = ? and event_id = ?""", issuer, eventId) == 1;
    }
}
