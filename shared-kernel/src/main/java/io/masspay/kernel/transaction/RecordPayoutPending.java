package io.masspay.kernel.transaction;

import io.masspay.kernel.ids.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The rail has the payout but no final answer yet. */
public record RecordPayoutPending(@TargetAggregateIdentifier TransactionId transactionId, int attemptNo) {
}
