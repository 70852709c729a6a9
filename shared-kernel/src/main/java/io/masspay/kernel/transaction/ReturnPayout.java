package io.masspay.kernel.transaction;

import io.masspay.kernel.ids.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The rail gave back the paid payout of this attempt. */
public record ReturnPayout(@TargetAggregateIdentifier TransactionId transactionId, int attemptNo, String returnCode) {
}
