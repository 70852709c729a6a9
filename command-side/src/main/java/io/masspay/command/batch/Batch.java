package io.masspay.command.batch;

import io.masspay.kernel.batch.BatchCompleted;
import io.masspay.kernel.batch.BatchProgressed;
import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.batch.ItemOutcome;
import io.masspay.kernel.batch.RecordItemOutcomes;
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
 * never one giant stream that every step must load. The batch only learns, a chunk at a time, where
 * its items ended, and declares itself complete when all of them are final.
 */
@Aggregate
public class Batch {

    @AggregateIdentifier
    private BatchId batchId;
    private int acceptedCount;
    private boolean completed;
    private final Map<TransactionId, ItemOutcome> finalItems = new HashMap<>();

    protected Batch() {
    }

    /** Created by {@link BatchSubmissionHandler} in the submission's unit of work. */
    Batch(BatchSubmitted submitted) {
        apply(submitted);
    }

    /** Records only final outcomes that are news: not a repeat, not about an older attempt than known. */
    @CommandHandler
    void handle(RecordItemOutcomes command) {
        Map<TransactionId, ItemOutcome> latest = new LinkedHashMap<>();
        for (ItemOutcome outcome : command.outcomes()) {
            if (outcome.status().isFinal() && isNews(outcome)) {
                latest.put(outcome.transactionId(), outcome);
            }
        }
        List<ItemOutcome> news = List.copyOf(latest.values());
        if (news.isEmpty()) {
            return;
        }
        apply(new BatchProgressed(batchId, news));
        if (!completed && finalItems.size() == acceptedCount) {
            apply(completion());
        }
    }

    private boolean isNews(ItemOutcome outcome) {
        ItemOutcome known = finalItems.get(outcome.transactionId());
        return known == null || outcome.attemptNo() > known.attemptNo()
                || (outcome.attemptNo() == known.attemptNo() && outcome.status() != known.status());
    }

    private BatchCompleted completion() {
        int succeeded = count(ItemStatus.Success);
        int failed = count(ItemStatus.Failed);
        int retained = count(ItemStatus.RetainedInWallet);
        BatchStatus status = succeeded == acceptedCount ? BatchStatus.Completed : BatchStatus.CompletedWithErrors;
        return new BatchCompleted(batchId, status, succeeded, failed, retained);
    }

    private int count(ItemStatus status) {
        return (int) finalItems.values().stream().filter(o -> o.status() == status).count();
    }

    @EventSourcingHandler
    void on(BatchSubmitted event) {
        batchId = event.batchId();
        acceptedCount = event.acceptedCount();
    }

    @EventSourcingHandler
    void on(BatchProgressed event) {
        event.outcomes().forEach(o -> finalItems.put(o.transactionId(), o));
    }

    @EventSourcingHandler
    void on(BatchCompleted event) {
        completed = true;
    }
}
