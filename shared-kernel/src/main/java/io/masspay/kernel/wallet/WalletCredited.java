package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** Posting: in transit -> the recipient wallet. */
@Revision("1")
public record WalletCredited(WalletId walletId, TransactionId transactionId, int attemptNo, Money amount) {
}
