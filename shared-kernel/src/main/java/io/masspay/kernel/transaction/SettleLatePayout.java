package io.masspay.kernel.transaction;

import io.masspay.kernel.ids.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The rail says it paid an attempt that had already timed out. */
public record SettleLatePayout(@TargetAggregateIdentifier TransactionId transactionId, int attemptNo) {
}
