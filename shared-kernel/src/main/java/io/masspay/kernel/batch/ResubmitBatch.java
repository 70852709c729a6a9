package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * A retry of an existing batch: {@code known} items it already has (matched by CustomerTransactionId),
 * {@code added} items new to it. The batch answers one {@link ItemDecision} per known item.
 */
public record ResubmitBatch(@TargetAggregateIdentifier BatchId batchId, int receivedCount,
                            List<TransactionId> known, List<TransactionId> added, List<RejectedItem> rejected) {

    public ResubmitBatch {
        known = List.copyOf(known);
        added = List.copyOf(added);
        rejected = List.copyOf(rejected);
    }
}
