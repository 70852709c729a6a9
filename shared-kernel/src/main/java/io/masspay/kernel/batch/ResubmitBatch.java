package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Records a retry on the batch: the items it adds and the items that started a new attempt (each
 * decided by its Transaction), so the batch knows it is not complete until they end.
 */
public record ResubmitBatch(@TargetAggregateIdentifier BatchId batchId, int receivedCount,
                            List<TransactionId> added, List<ItemDecision> retried, List<RejectedItem> rejected) {

    public ResubmitBatch {
        added = List.copyOf(added);
        retried = List.copyOf(retried);
        rejected = List.copyOf(rejected);
    }
}
