package io.masspay.infra.projections;

import io.masspay.query.ledger.LedgerProjection;
import io.masspay.query.status.BatchStatusProjection;
import io.masspay.query.support.TransactionViews;

import java.util.List;
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
        }
    }

    private ReadModels() {
    }
}
