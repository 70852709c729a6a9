package io.masspay.command.batch;

import io.masspay.kernel.batch.BatchCompleted;
import io.masspay.kernel.batch.BatchProgressed;
import io.masspay.kernel.batch.BatchResubmitted;
import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.batch.ItemDecision;
import io.masspay.kernel.batch.ItemOutcome;
import io.masspay.kernel.batch.RecordItemOutcomes;
import io.masspay.kernel.batch.ResubmitBatch;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.payout.ItemStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The batch as a whole. Its items are Transaction aggregates of their own, so a 5,000-item batch is
 * never one giant stream that every step must load. The batch learns, a chunk at a time, where its
 * items ended; it declares itself complete when all are final, and it decides what a resubmission
 * means for each item it already has. An item it has heard nothing about is in its first attempt,
 * still processing.
 *
 * <p>Cached like the per-item aggregates: each chunk's {@link RecordItemOutcomes} would otherwise replay
 * every earlier {@link BatchProgressed} of the batch, quadratic in its size.
 */
@Aggregate(cache = "aggregateCache")
public class Batch {

    @AggregateIdentifier
    private BatchId batchId;
    private int itemCount;
    private boolean completed;
    private final Map<TransactionId, ItemOutcome> items = new HashMap<>();

    protected Batch() {
    }

    /** Created by {@link BatchSubmissionHandler} in the submission's unit of work. */
    Batch(BatchSubmitted submitted) {
        apply(submitted);
    }

    /** A retry that adds items or starts new attempts reopens the batch until they end; a pure replay writes nothing. */
    @CommandHandler
    void handle(ResubmitBatch command) {
        if (!command.retried().isEmpty() || !command.added().isEmpty()) {
            apply(new BatchResubmitted(batchId, command.receivedCount(), command.added(), command.retried(),
                    command.rejected()));
        }
    }

    /** Records only final outcomes that are news: not a repeat, not about an older attempt than known. */
    @CommandHandler
    void handle(RecordItemOutcomes command) {
        Map<TransactionId, ItemOutcome> news = new LinkedHashMap<>();
        for (ItemOutcome outcome : command.outcomes()) {
            if (outcome.status().isFinal() && isNews(outcome)) {
                news.put(outcome.transactionId(), outcome);
            }
        }
        if (news.isEmpty()) {
            return;
        }
        apply(new BatchProgressed(batchId, List.copyOf(news.values())));
        if (!completed && count(null) == itemCount) {
            apply(completion());
        }
    }

    private ItemOutcome current(TransactionId item) {
        return items.getOrDefault(item, new ItemOutcome(item, 1, ItemStatus.Processing));
    }

    private boolean isNews(ItemOutcome outcome) {
        ItemOutcome known = current(outcome.transactionId());
        return outcome.attemptNo() > known.attemptNo()
                || (outcome.attemptNo() == known.attemptNo() && outcome.status() != known.status());
    }

    private BatchCompleted completion() {
        int succeeded = count(ItemStatus.Success);
        BatchStatus status = succeeded == itemCount ? BatchStatus.Completed : BatchStatus.CompletedWithErrors;
        return new BatchCompleted(batchId, status, succeeded, count(ItemStatus.Failed),
                count(ItemStatus.RetainedInWallet));
    }

    /** Final items with {@code status}, or all final items when {@code status} is null. */
    private int count(ItemStatus status) {
        return (int) items.values().stream()
                .filter(o -> o.status().isFinal() && (status == null || o.status() == status))
                .count();
    }

    @EventSourcingHandler
    void on(BatchSubmitted event) {
        batchId = event.batchId();
        itemCount = event.acceptedCount();
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
