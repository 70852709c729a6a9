package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A retry was accepted: items added to the batch and items that start a new attempt. */
@Revision("1")
public record BatchResubmitted(BatchId batchId, int receivedCount, List<TransactionId> added,
                               List<ItemDecision> retried, List<RejectedItem> rejected) {

    public BatchResubmitted {
        added = List.copyOf(added);
        retried = List.copyOf(retried);
        rejected = List.copyOf(rejected);
    }
}
