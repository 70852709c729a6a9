package io.masspay.kernel.wallet;

import io.masspay.kernel.payout.PayoutStep;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

/**
 * Posting: recipient wallet -> External settlement, for a payout the rail made after its attempt had timed
 * out and returned the money to the wallet. The wallet may go below zero: the recipient then owes what it
 * was paid twice (it spent the returned money meanwhile), a receivable the balance shows.
 */
@Revision("1")
public record LatePayoutRecovered(WalletId walletId, TransactionId transactionId, int attemptNo, SendMethod method,
                                  Money amount) implements PayoutStep {
}
