package io.masspay.query.audit;

import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.transaction.CashoutStarted;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.query.support.PendingWrites;
import io.masspay.query.support.TransactionViews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which stored events concern which batch and which transaction, by global index, so the audit reads
 * find a batch's events with one index range instead of scanning the store. A wallet posting names
 * only its transactions (a chunk's, one per line); their batch is looked up from each transaction's
 * ItemSubmitted, which the processor's single segment delivers first (ADR 0012), and which is written
 * by an earlier statement of the same flush at the latest. Rows are keyed by global index and
 * transaction: redelivery and replay change nothing.
 */
@Component
@ProcessingGroup(TransactionViews.GROUP)
public class AuditIndexProjection {

    /** The read model's name, also the key of its pending writes within the shared processor's batch. */
    public static final String READ_MODEL = "audit-index";

    private static final String BATCH = """
            insert into audit_batch (batch_id, issuer_account_number) values (?, ?) on conflict do nothing""";
    private static final String TRANSACTION = """
            insert into audit_transaction (transaction_id, batch_id, issuer_account_number) values (?, ?, ?)
            on conflict do nothing""";
    /**
     * The global index comes from the stored row, found by event identifier: the tracking token of an event
     * that fills a gap (committed after events with higher indexes) points past the event itself. One
     * statement for the whole batch (columns), in event order.
     */
    private static final String INDEX = """
            insert into audit_event_index (global_index, batch_id, transaction_id)
            select e.global_index, coalesce(t.batch_id, x.batch_id), t.transaction_id
            from unnest(?::varchar[], ?::varchar[], ?::varchar[]) with ordinality
                as t(batch_id, transaction_id, event_identifier, n)
            join domain_event_entry e on e.event_identifier = t.event_identifier
            left join audit_transaction x on x.transaction_id = t.transaction_id
            order by t.n
            on conflict do nothing""";

    private final JdbcTemplate jdbc;
    private final PendingWrites writes;

    public AuditIndexProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new PendingWrites(jdbc, READ_MODEL, List.of(BATCH, TRANSACTION, INDEX));
    }

    @EventHandler
    void on(BatchSubmitted event, EventMessage<?> message) {
        writes.add(BATCH, event.batchId().value(), event.issuer().value());
        index(event, message);
    }

    @EventHandler
    void on(ItemSubmitted event, EventMessage<?> message) {
        writes.add(TRANSACTION, event.transactionId().value(), event.batchId().value(), event.issuer().value());
        index(event, message);
    }

    @EventHandler
    void on(CashoutStarted event, EventMessage<?> message) {
        writes.add(TRANSACTION, event.transactionId().value(), null, event.issuer().value());
        index(event, message);
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        index(event, message);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate audit_batch, audit_transaction, audit_event_index");
    }

    private void index(Object event, EventMessage<?> message) {
        AuditSubject.of(event).forEach(subject -> writes.add(INDEX, subject.batchId(), subject.transactionId(),
                message.getIdentifier()));
    }
}
