package io.masspay.kernel.wallet;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The compensation of a failed payout: rail clearing back to the recipient wallet. */
public record ReturnFunds(@TargetAggregateIdentifier WalletId walletId, TransactionId transactionId, int attemptNo,
                          SendMethod method, Money amount) {
}
