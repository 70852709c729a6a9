package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FundWallet(@TargetAggregateIdentifier WalletId walletId, Money amount, String reference) {
}
