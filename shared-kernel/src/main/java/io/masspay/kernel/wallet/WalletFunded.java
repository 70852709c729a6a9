package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.serialization.Revision;

/** Posting: External settlement -> the wallet. */
@Revision("1")
public record WalletFunded(WalletId walletId, Money amount, String reference) {
}
