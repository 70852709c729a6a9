package io.masspay.kernel.payout;

import io.masspay.kernel.ids.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ConfirmPayout(@TargetAggregateIdentifier TransactionId transactionId, int attemptNo) {
}
