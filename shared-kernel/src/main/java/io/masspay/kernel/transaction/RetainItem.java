package io.masspay.kernel.transaction;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetainItem(@TargetAggregateIdentifier TransactionId transactionId, int attemptNo, ErrorCode reason,
                         WalletId walletId) {
}
