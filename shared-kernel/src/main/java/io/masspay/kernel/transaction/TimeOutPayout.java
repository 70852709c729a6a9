package io.masspay.kernel.transaction;

import io.masspay.kernel.ids.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The attempt's timeout passed without a final answer from the rail: give the money back, outcome unknown. */
public record TimeOutPayout(@TargetAggregateIdentifier TransactionId transactionId, int attemptNo) {
}
