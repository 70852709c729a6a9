package io.masspay.kernel.wallet;

import io.masspay.kernel.payout.PayoutStep;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** Posting: the method's rail clearing account -> the recipient wallet. */
@Revision("1")
public record FundsReturnedToWallet(WalletId walletId, TransactionId transactionId, int attemptNo, SendMethod method,
                                    Money amount) implements PayoutStep {
}
