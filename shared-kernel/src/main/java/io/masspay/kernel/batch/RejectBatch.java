package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An approver's refusal of a batch awaiting approval. */
public record RejectBatch(@TargetAggregateIdentifier BatchId batchId, IssuerAccountNumber issuer, String rejectedBy, String reason) {
}
