package io.masspay.infra.projections;

import io.masspay.query.ledger.LedgerProjection;
import io.masspay.query.status.BatchStatusProjection;
import io.masspay.query.support.TransactionViews;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The processors an operator may rebuild: read models only, named one by one. A processor that acts
 * (issues commands, calls a rail, sends a webhook) must never be replayed, it would pay or notify
 * again; an allow-list cannot pick one up by accident the way a "everything but" rule could when a new
 * processor is added. {@link #ACTING} is checked as well, as a second line.
 */
public final class ReadModels {

    /** Batch status, ledger, and item history + audit index + daily totals (one processor, ADR 0011). */
    public static final List<String> GROUPS = List.of(BatchStatusProjection.GROUP, LedgerProjection.GROUP,
            TransactionViews.GROUP);

    /**
     * The tables each read model's projections write, all of them: a rebuild builds empty copies of these beside
     * the live ones and swaps them in together (ADR 0019). A table missing here would keep its live rows while the
     * rest of its read model is replaced, and the copy's processor would write it in public: keep it in step with
     * the reset handlers (each truncates exactly its projection's tables).
     */
    static final Map<String, List<String>> TABLES = Map.of(
            BatchStatusProjection.GROUP, List.of("batch_view", "batch_item_view"),
            LedgerProjection.GROUP, List.of("ledger_posting", "ledger_account"),
            TransactionViews.GROUP, List.of("item_history_batch", "item_history_item", "item_history_attempt",
                    "item_history_step", "audit_batch", "audit_transaction", "audit_event_index", "daily_totals_item",
                    "event_feed_wallet", "event_feed_batch", "event_feed_transaction", "event_feed_index",
                    "event_feed_position"));

    /**
     * Processors with side effects: payments (both lanes), the admission counts (deltas), batch bookkeeping, payout sagas, the wallet registry, the rail
     * dispatch table, webhooks.
     */
    static final Set<String> ACTING = Set.of("payments", "payments-express", "admission", "batch-progress",
            "PayoutSagaProcessor", "wallet-registry", "rail-payouts", "webhook-outbox");

    static {
        for (String group : GROUPS) {
            if (ACTING.contains(group)) {
                throw new IllegalStateException(group + " acts on events and must never be rebuilt");
            }
            if (!TABLES.containsKey(group)) {
                throw new IllegalStateException(group + " has no tables listed: it could not be rebuilt beside itself");
            }
        }
    }

    private ReadModels() {
    }
}
