package io.masspay.kernel.wallet;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** No money moved: the issuer wallet could not cover the item at that moment. */
@Revision("1")
public record IssuerDebitRejected(WalletId walletId, TransactionId transactionId, int attemptNo, Money amount,
                                  ErrorCode reason) {
}
