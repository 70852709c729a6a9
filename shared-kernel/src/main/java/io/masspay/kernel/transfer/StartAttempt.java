package io.masspay.kernel.transfer;

import io.masspay.kernel.ids.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartAttempt(@TargetAggregateIdentifier TransactionId transactionId, int attemptNo) {
}
