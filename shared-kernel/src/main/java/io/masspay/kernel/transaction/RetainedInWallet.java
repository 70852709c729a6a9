package io.masspay.kernel.transaction;

import io.masspay.kernel.payout.PayoutStep;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import org.axonframework.serialization.Revision;

/** Final: the rail did not pay, the money is safe in the recipient's wallet. */
@Revision("1")
public record RetainedInWallet(TransactionId transactionId, BatchId batchId, int attemptNo, ErrorCode reason,
                               WalletId walletId) implements PayoutStep {
}
