package io.masspay.kernel.transaction;

import io.masspay.kernel.payout.PayoutStep;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

/**
 * Posting: External settlement -> the method's rail clearing account. The rail gave back a payout it had
 * paid ({@code returnCode} is the rail's reason, e.g. an ACH return code, when it gave one); the
 * {@code PayoutSaga} moves the money on to {@code walletId} and retains the item with PAYOUT_RETURNED.
 */
@Revision("1")
public record PayoutReturned(TransactionId transactionId, BatchId batchId, int attemptNo, WalletId walletId,
                             SendMethod method, Money amount, String returnCode) implements PayoutStep {
}
