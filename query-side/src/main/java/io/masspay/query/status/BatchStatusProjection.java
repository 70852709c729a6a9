package io.masspay.query.status;

import io.masspay.kernel.batch.BatchApproved;
import io.masspay.kernel.batch.BatchAwaitingApproval;
import io.masspay.kernel.batch.BatchCancelled;
import io.masspay.kernel.batch.BatchRejected;
import io.masspay.kernel.batch.BatchReleased;
import io.masspay.kernel.batch.BatchResubmitted;
import io.masspay.kernel.batch.BatchScheduled;
import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.transaction.ItemStatus;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.ItemFailed;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.kernel.transaction.ItemSucceeded;
import io.masspay.query.support.PendingWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The batch status read model (API.md section 4). Every write is keyed by the event's aggregate and
 * guarded by its sequence number, so a redelivered or replayed event changes nothing; the reset
 * handler empties the tables so the model can be rebuilt from the event store. Writes are queued and
 * sent in JDBC batches once per processor batch ({@link PendingWrites}); every change of an item's
 * state is the same seq-guarded statement, so whatever order a batch holds them in, the latest wins.
 */
@Component
@ProcessingGroup(BatchStatusProjection.GROUP)
public class BatchStatusProjection {

    public static final String GROUP = "batch-status";

    static final String INSERT_BATCH = """
            insert into batch_view (batch_id, issuer_account_number, customer_batch_id, source_wallet_id,
                currency, received_count, accepted_count, rejected_count, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (batch_id) do nothing""";
    static final String INSERT_ITEM = """
            insert into batch_item_view (transaction_id, batch_id, position, customer_transaction_id,
                recipient_id, send_method_id, amount_minor, currency, status, attempt_no, wallet_id,
                updated_at, last_sequence)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (transaction_id) do nothing""";
    /** Totals across every submission of the batch: a retry adds what it received, added and refused. */
    static final String COUNT_RESUBMISSION = """
            update batch_view set received_count = received_count + ?, accepted_count = accepted_count + ?,
                rejected_count = rejected_count + ?, counts_sequence = ?
            where batch_id = ? and coalesce(counts_sequence, -1) < ?""";
    /** A held batch's wait (API.md section 11), set and cleared by the Batch's own events in their order. */
    static final String UPDATE_HOLD = """
            update batch_view set hold = ?, scheduled_for = ?, hold_sequence = ?
            where batch_id = ? and coalesce(hold_sequence, -1) < ?""";
    /**
     * Every item change of the processor batch in one statement (a JDBC batch of 5,000 single-row updates cost
     * PostgreSQL about 150 ms per 5,000 items): per item the change with the highest sequence number, applied
     * only over an older one.
     */
    static final String UPDATE_ITEM = """
            update batch_item_view v set status = u.status, error_code = u.error_code, attempt_no = u.attempt_no,
                updated_at = u.updated_at, last_sequence = u.sequence
            from (select distinct on (transaction_id) * from unnest(?::varchar[], ?::varchar[], ?::integer[],
                    ?::timestamptz[], ?::bigint[], ?::varchar[])
                    as c(status, error_code, attempt_no, updated_at, sequence, transaction_id)
                  order by transaction_id, sequence desc) u
            where v.transaction_id = u.transaction_id and v.last_sequence < u.sequence""";

    private final JdbcTemplate jdbc;
    private final PendingWrites writes;

    public BatchStatusProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new PendingWrites(jdbc, GROUP, List.of(INSERT_BATCH, UPDATE_HOLD, INSERT_ITEM, COUNT_RESUBMISSION,
                UPDATE_ITEM));
    }

    @EventHandler
    void on(BatchSubmitted event, @Timestamp Instant at) {
        writes.add(INSERT_BATCH, event.batchId().value(), event.issuer().value(), event.customerBatchId(),
                event.sourceWalletId().value(), event.currency().name(), event.receivedCount(), event.acceptedCount(),
                event.rejected().size(), utc(at));
    }

    @EventHandler
    void on(BatchAwaitingApproval event, @SequenceNumber long sequence) {
        hold(event.batchId(), BatchStatus.AwaitingApproval, event.scheduledFor(), sequence);
    }

    @EventHandler
    void on(BatchScheduled event, @SequenceNumber long sequence) {
        hold(event.batchId(), BatchStatus.Scheduled, event.scheduledFor(), sequence);
    }

    /** Approved: processing, unless a BatchScheduled follows (in the same unit of work). */
    @EventHandler
    void on(BatchApproved event, @SequenceNumber long sequence) {
        hold(event.batchId(), null, null, sequence);
    }

    @EventHandler
    void on(BatchReleased event, @SequenceNumber long sequence) {
        hold(event.batchId(), null, null, sequence);
    }

    /** Rejected or cancelled: the items' CANCELLED failures make the status. */
    @EventHandler
    void on(BatchRejected event, @SequenceNumber long sequence) {
        hold(event.batchId(), null, null, sequence);
    }

    @EventHandler
    void on(BatchCancelled event, @SequenceNumber long sequence) {
        hold(event.batchId(), null, null, sequence);
    }

    @EventHandler
    void on(ItemSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.add(INSERT_ITEM, event.transactionId().value(), event.batchId().value(), event.position(),
                event.customerTransactionId(), event.recipientId().value(), event.sendMethod().id(),
                event.amount().minorUnits(), event.amount().currency().name(), ItemStatus.Processing.name(),
                event.attemptNo(), event.recipientWalletId().value(), utc(at), sequence);
    }

    @EventHandler
    void on(BatchResubmitted event, @SequenceNumber long sequence) {
        writes.add(COUNT_RESUBMISSION, event.receivedCount(), event.added().size(), event.rejected().size(),
                sequence, event.batchId().value(), sequence);
    }

    @EventHandler
    void on(AttemptStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.transactionId().value(), ItemStatus.Processing, null, event.attemptNo(), sequence, at);
    }

    @EventHandler
    void on(ItemSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.transactionId().value(), ItemStatus.Success, null, event.attemptNo(), sequence, at);
    }

    @EventHandler
    void on(ItemFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.transactionId().value(), ItemStatus.Failed, event.reason().name(), event.attemptNo(), sequence, at);
    }

    @EventHandler
    void on(RetainedInWallet event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.transactionId().value(), ItemStatus.RetainedInWallet, event.reason().name(), event.attemptNo(),
                sequence, at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate batch_view, batch_item_view");
    }

    private void hold(BatchId batchId, BatchStatus hold, Instant scheduledFor, long sequence) {
        writes.add(UPDATE_HOLD, hold == null ? null : hold.name(), scheduledFor == null ? null : utc(scheduledFor),
                sequence, batchId.value(), sequence);
    }

    private void update(String transactionId, ItemStatus status, String errorCode, int attemptNo, long sequence,
                        Instant at) {
        writes.add(UPDATE_ITEM, status.name(), errorCode, attemptNo, utc(at), sequence, transactionId);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
