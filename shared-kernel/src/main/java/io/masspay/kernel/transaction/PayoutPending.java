package io.masspay.kernel.transaction;

import io.masspay.kernel.payout.PayoutStep;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

/**
 * The rail has the payout but has not said how it ended ({@code Pending}, or no answer after every call):
 * its outcome comes by callback or by polling, and the attempt's timeout starts (a {@code PayoutSaga}).
 * No money moves.
 */
@Revision("1")
public record PayoutPending(TransactionId transactionId, int attemptNo, WalletId walletId, SendMethod method,
                            Money amount) implements PayoutStep {
}
