package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Credits items to a recipient wallet, opening it first when this is its first money. */
public record CreditRecipientWallet(@TargetAggregateIdentifier WalletId walletId, IssuerAccountNumber issuer,
                                    RecipientId recipientId, CurrencyCode currency, List<Credit> credits) {

    public CreditRecipientWallet {
        credits = List.copyOf(credits);
    }
}
