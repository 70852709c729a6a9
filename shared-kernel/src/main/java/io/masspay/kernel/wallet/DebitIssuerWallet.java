package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.WalletId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Debits a chunk of items from one issuer wallet in a single command: the issuer wallet is a hot
 * account, and one load-and-append per chunk instead of per item keeps 5,000 items from serializing
 * into 5,000 round trips. The wallet decides item by item, in the given order, which ones fit.
 */
public record DebitIssuerWallet(@TargetAggregateIdentifier WalletId walletId, List<Debit> debits) {

    public DebitIssuerWallet {
        debits = List.copyOf(debits);
    }
}
