package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.WalletId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Moves items from a recipient wallet to rail clearing, one command per wallet per chunk. */
public record RequestPayouts(@TargetAggregateIdentifier WalletId walletId, List<Payout> payouts) {

    public RequestPayouts {
        payouts = List.copyOf(payouts);
    }
}
