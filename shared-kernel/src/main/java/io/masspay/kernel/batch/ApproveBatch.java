package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An approver's decision to let a batch awaiting approval go. */
public record ApproveBatch(@TargetAggregateIdentifier BatchId batchId, IssuerAccountNumber issuer, String approvedBy) {
}
