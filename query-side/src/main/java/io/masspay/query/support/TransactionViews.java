package io.masspay.query.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.stereotype.Component;

/**
 * The one processor behind the item history, the audit index and the daily totals (ADR 0011). All three read
 * only what an item's transaction and its postings say, and all three want an item's events in store order,
 * so they share the processor instead of each having its own: every pooled processor reads every event and
 * its coordinator walks its queues for each one, the largest cost in a profile of a 5,000-item batch
 * (README, "Benchmark"). Each keeps its own tables, writes and reset handler; a rebuild resets the three
 * together.
 *
 * <p>Its events are handled in store order, all of them, in one segment (this class is that sequencing
 * policy). A chunk's wallet posting event concerns up to a chunk's worth of transactions (ADR 0012), so no
 * per-transaction key can keep it after each item's ItemSubmitted and before each item's outcome; store
 * order does. The price: one node at a time builds these three read models.
 */
@Component(TransactionViews.SEQUENCING_POLICY)
public final class TransactionViews implements SequencingPolicy<EventMessage<?>> {

    public static final String GROUP = "transaction-views";
    public static final String SEQUENCING_POLICY = "transactionViewsSequencingPolicy";

    /** One key for every event; a string, so every node maps it to the same segment (an Object's hash would not). */
    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return GROUP;
    }
}
