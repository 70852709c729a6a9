package io.masspay.command.batch;

import io.masspay.kernel.batch.BatchApproved;
import io.masspay.kernel.batch.BatchAwaitingApproval;
import io.masspay.kernel.batch.BatchCancelled;
import io.masspay.kernel.batch.BatchCompleted;
import io.masspay.kernel.batch.BatchProgressed;
import io.masspay.kernel.batch.BatchRejected;
import io.masspay.kernel.batch.BatchReleased;
import io.masspay.kernel.batch.BatchResubmitted;
import io.masspay.kernel.batch.BatchScheduled;
import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.batch.ItemOutcome;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.transaction.ItemStatus;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a {@link Batch} remembers of its events: who submitted it from which wallet, how many items it has and
 * where each ended, and its phase (held, released, stopped). Kept apart from the decisions so each side reads on
 * its own; Axon finds the event sourcing handlers of this superclass as it finds the aggregate's own.
 */
abstract class BatchState {

    @AggregateIdentifier
    BatchId batchId;
    IssuerAccountNumber issuer;
    WalletId sourceWalletId;
    int itemCount;
    boolean completed;
    BatchPhase phase = BatchPhase.RELEASED;
    String submittedBy;
    Instant scheduledFor;
    boolean approved;
    boolean rejected;
    final Map<TransactionId, ItemOutcome> items = new HashMap<>();

    ItemOutcome current(TransactionId item) {
        return items.getOrDefault(item, new ItemOutcome(item, 1, ItemStatus.Processing));
    }

    boolean isNews(ItemOutcome outcome) {
        ItemOutcome known = current(outcome.transactionId());
        return outcome.attemptNo() > known.attemptNo()
                || (outcome.attemptNo() == known.attemptNo() && outcome.status() != known.status());
    }

    BatchCompleted completion() {
        int succeeded = count(ItemStatus.Success);
        BatchStatus status = succeeded == itemCount ? BatchStatus.Completed : BatchStatus.CompletedWithErrors;
        return new BatchCompleted(batchId, status, succeeded, count(ItemStatus.Failed),
                count(ItemStatus.RetainedInWallet));
    }

    /** Final items with {@code status}, or all final items when {@code status} is null. */
    int count(ItemStatus status) {
        return (int) items.values().stream()
                .filter(o -> o.status().isFinal() && (status == null || o.status() == status))
                .count();
    }

    @EventSourcingHandler
    void on(BatchSubmitted event) {
        batchId = event.batchId();
        issuer = event.issuer();
        sourceWalletId = event.sourceWalletId();
        itemCount = event.acceptedCount();
    }

    @EventSourcingHandler
    void on(BatchAwaitingApproval event) {
        phase = BatchPhase.AWAITING_APPROVAL;
        submittedBy = event.submittedBy();
        scheduledFor = event.scheduledFor();
    }

    @EventSourcingHandler
    void on(BatchApproved event) {
        approved = true;
    }

    @EventSourcingHandler
    void on(BatchScheduled event) {
        phase = BatchPhase.SCHEDULED;
        scheduledFor = event.scheduledFor();
    }

    @EventSourcingHandler
    void on(BatchReleased event) {
        phase = BatchPhase.RELEASED;
    }

    @EventSourcingHandler
    void on(BatchRejected event) {
        phase = BatchPhase.STOPPED;
        rejected = true;
    }

    @EventSourcingHandler
    void on(BatchCancelled event) {
        phase = BatchPhase.STOPPED;
    }

    @EventSourcingHandler
    void on(BatchResubmitted event) {
        itemCount += event.added().size();
        event.retried().forEach(d -> items.put(d.transactionId(),
                new ItemOutcome(d.transactionId(), d.attemptNo(), ItemStatus.Processing)));
        if (!event.added().isEmpty() || !event.retried().isEmpty()) {
            completed = false;
        }
    }

    @EventSourcingHandler
    void on(BatchProgressed event) {
        event.outcomes().forEach(o -> items.put(o.transactionId(), o));
    }

    @EventSourcingHandler
    void on(BatchCompleted event) {
        completed = true;
    }
}
