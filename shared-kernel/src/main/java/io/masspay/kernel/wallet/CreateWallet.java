package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateWallet(@TargetAggregateIdentifier WalletId walletId, IssuerAccountNumber issuer,
                         OwnerType ownerType, String ownerId, CurrencyCode currency) {
}
