package io.masspay.kernel.wallet;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a late-paid payout's amount out of the recipient wallet it had been returned to. */
public record RecoverLatePayout(@TargetAggregateIdentifier WalletId walletId, TransactionId transactionId,
                                int attemptNo, SendMethod method, Money amount) {
}
