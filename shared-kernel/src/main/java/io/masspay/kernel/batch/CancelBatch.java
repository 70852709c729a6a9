package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The issuer's cancellation of a batch that has not started. */
public record CancelBatch(@TargetAggregateIdentifier BatchId batchId, IssuerAccountNumber issuer, String cancelledBy) {
}
