package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** No money moved: the recipient wallet no longer holds the amount (it was cashed out meanwhile). */
@Revision("1")
public record PayoutRefused(WalletId walletId, TransactionId transactionId, int attemptNo, Money amount) {
}
