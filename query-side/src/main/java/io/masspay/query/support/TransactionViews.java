package io.masspay.query.support;

/**
 * The one processor behind the item history, the audit index and the daily totals (ADR 0011). All three read
 * only what an item's transaction and its postings say, and all three want an item's events in store order
 * in one segment ({@code perTransactionSequencingPolicy}), so they share the processor instead of each
 * having its own: every pooled processor reads every event and its coordinator walks its queues for each
 * one, the largest cost in a profile of a 5,000-item batch (README, "Benchmark"). Each keeps its own
 * tables, writes and reset handler; a rebuild resets the three together.
 */
public final class TransactionViews {

    public static final String GROUP = "transaction-views";

    private TransactionViews() {
    }
}
