package io.masspay.command.wallet;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.wallet.OwnerType;

/** A wallet as the registry knows it: enough to check ownership and currency at submission. */
public record WalletEntry(WalletId walletId, IssuerAccountNumber issuer, OwnerType ownerType, String ownerId,
                         CurrencyCode currency) {
}
