package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** Posting: issuer wallet -> in transit (until the recipient wallet is credited). */
@Revision("1")
public record IssuerDebited(WalletId walletId, TransactionId transactionId, int attemptNo, Money amount) {
}
