package io.masspay.kernel.transaction;

import io.masspay.kernel.ids.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteItem(@TargetAggregateIdentifier TransactionId transactionId, int attemptNo) {
}
