package io.masspay.command.batch;

import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.ids.BatchId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The batch as a whole. Its items are Transaction aggregates of their own, so a 5,000-item batch is
 * never one giant stream that every step must load.
 */
@Aggregate
public class Batch {

    @AggregateIdentifier
    private BatchId batchId;

    protected Batch() {
    }

    /** Created by {@link BatchSubmissionHandler} in the submission's unit of work. */
    Batch(BatchSubmitted submitted) {
        apply(submitted);
    }

    @EventSourcingHandler
    void on(BatchSubmitted event) {
        batchId = event.batchId();
    }
}
