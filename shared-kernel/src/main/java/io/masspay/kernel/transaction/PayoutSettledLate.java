package io.masspay.kernel.transaction;

import io.masspay.kernel.payout.PayoutStep;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

/**
 * The rail paid an attempt after its timeout had given the money back to {@code walletId} (ADR 0013). No
 * money moves with this event: the {@code PayoutSaga} takes the amount out of that wallet again
 * ({@link LatePayoutRecovered}), so the ledger shows the one payment the rail made.
 */
@Revision("1")
public record PayoutSettledLate(TransactionId transactionId, BatchId batchId, int attemptNo, WalletId walletId,
                                SendMethod method, Money amount) implements PayoutStep {
}
