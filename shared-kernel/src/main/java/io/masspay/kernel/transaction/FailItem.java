package io.masspay.kernel.transaction;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FailItem(@TargetAggregateIdentifier TransactionId transactionId, int attemptNo, ErrorCode reason) {
}
