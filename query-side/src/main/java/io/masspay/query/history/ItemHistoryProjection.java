package io.masspay.query.history;

import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.CashoutStarted;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.query.support.PendingWrites;
import io.masspay.query.support.TransactionViews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static io.masspay.query.support.Timestamps.utc;

/**
 * Item history (API.md section 4): every attempt of every item with its steps. The events of one item
 * come from its Transaction and from wallets; the processor delivers them in store order (ADR 0012),
 * but the writes do not rely on it: each touches only what its own event knows (an attempt's start and
 * its end are separate columns of one upsert) and a step is keyed by its global index and transaction
 * (a chunk's wallet posting event is a step of each of its items), so redelivery, replay and order all
 * give the same rows. A step's order is its event's global index, read from the store by event
 * identifier, because the tracking token of an event that fills a gap (committed after events with
 * higher indexes) points past it.
 */
@Component
@ProcessingGroup(TransactionViews.GROUP)
public class ItemHistoryProjection {

    /** The read model's name, also the key of its pending writes within the shared processor's batch. */
    public static final String READ_MODEL = "item-history";

    private static final String BATCH = """
            insert into item_history_batch (batch_id, issuer_account_number, customer_batch_id) values (?, ?, ?)
            on conflict do nothing""";
    private static final String ITEM = """
            insert into item_history_item (transaction_id, batch_id, issuer_account_number, customer_transaction_id,
                position, recipient_id, send_method_id, amount_minor, currency) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing""";
    private static final String STARTED = """
            insert into item_history_attempt (transaction_id, attempt_no, status, started_at) values (?, ?, 'Processing', ?)
            on conflict (transaction_id, attempt_no) do update set started_at = excluded.started_at""";
    private static final String FINISHED = """
            insert into item_history_attempt (transaction_id, attempt_no, status, error_code, finished_at)
            values (?, ?, ?, ?, ?)
            on conflict (transaction_id, attempt_no) do update set status = excluded.status,
                error_code = excluded.error_code, finished_at = excluded.finished_at""";
    /**
     * The global index is the stored row's: a tracking token's position is not, for an event that fills a gap.
     * One statement for the whole batch (columns), in event order.
     */
    private static final String STEP = """
            insert into item_history_step (global_index, transaction_id, attempt_no, step, occurred_at)
            select e.global_index, t.transaction_id, t.attempt_no, t.step, t.occurred_at
            from unnest(?::varchar[], ?::integer[], ?::varchar[], ?::timestamptz[], ?::varchar[]) with ordinality
                as t(transaction_id, attempt_no, step, occurred_at, event_identifier, n)
            join domain_event_entry e on e.event_identifier = t.event_identifier
            order by t.n
            on conflict do nothing""";

    private final JdbcTemplate jdbc;
    private final PendingWrites writes;

    public ItemHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new PendingWrites(jdbc, READ_MODEL, List.of(BATCH, ITEM, STARTED, FINISHED, STEP));
    }

    @EventHandler
    void on(BatchSubmitted event) {
        writes.add(BATCH, event.batchId().value(), event.issuer().value(), event.customerBatchId());
    }

    @EventHandler
    void on(ItemSubmitted event, @Timestamp Instant at) {
        writes.add(ITEM, event.transactionId().value(), event.batchId().value(), event.issuer().value(),
                event.customerTransactionId(), event.position(), event.recipientId().value(), event.sendMethod().id(),
                event.amount().minorUnits(), event.amount().currency().name());
        writes.add(STARTED, event.transactionId().value(), event.attemptNo(), utc(at));
    }

    /** A cash-out is a transaction outside any batch; its history is kept all the same (audit reads it). */
    @EventHandler
    void on(CashoutStarted event, @Timestamp Instant at) {
        writes.add(ITEM, event.transactionId().value(), null, event.issuer().value(), null, 0,
                event.recipientId().value(), event.sendMethod().id(), event.amount().minorUnits(),
                event.amount().currency().name());
        writes.add(STARTED, event.transactionId().value(), 1, utc(at));
    }

    @EventHandler
    void on(AttemptStarted event, @Timestamp Instant at) {
        writes.add(STARTED, event.transactionId().value(), event.attemptNo(), utc(at));
    }

    /** Every other event: a step if it is one (see {@link HistoryStep}), and the attempt's end if it ends it. */
    @EventHandler
    void on(Object event, EventMessage<?> message, @Timestamp Instant at) {
        HistoryStep.of(event).forEach(step -> {
            String transactionId = step.transactionId().value();
            writes.add(STEP, transactionId, step.attemptNo(), step.name(), utc(at), message.getIdentifier());
            if (step.outcome() != null) {
                writes.add(FINISHED, transactionId, step.attemptNo(), step.outcome().name(),
                        step.errorCode() == null ? null : step.errorCode().name(), utc(at));
            }
        });
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate item_history_batch, item_history_item, item_history_attempt, item_history_step");
    }
}
