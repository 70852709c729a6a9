package io.masspay.command.wallet;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.wallet.FundsReturnedToWallet;
import io.masspay.kernel.wallet.IssuerDebited;
import io.masspay.kernel.wallet.LatePayoutRecovered;
import io.masspay.kernel.wallet.OwnerType;
import io.masspay.kernel.wallet.PayoutRequested;
import io.masspay.kernel.wallet.WalletCreated;
import io.masspay.kernel.wallet.WalletCredited;
import io.masspay.kernel.wallet.WalletFunded;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * What a {@link Wallet} remembers of its events: its id, owner kind and balance. Kept apart from the
 * decisions so each side reads on its own; Axon finds the event sourcing handlers of this superclass as it
 * finds the aggregate's own. A snapshot stores these fields by name (they are detected as fields, as on
 * the aggregate), so snapshots taken before the split read the same.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
abstract class WalletState {

    @AggregateIdentifier
    WalletId walletId;
    OwnerType ownerType;
    Money balance;

    @EventSourcingHandler
    void on(WalletCreated event) {
        walletId = event.walletId();
        ownerType = event.ownerType();
        balance = Money.zero(event.currency());
    }

    @EventSourcingHandler
    void on(WalletFunded event) {
        balance = balance.plus(event.amount());
    }

    @EventSourcingHandler
    void on(IssuerDebited event) {
        event.debits().forEach(debit -> balance = balance.minus(debit.amount()));
    }

    @EventSourcingHandler
    void on(WalletCredited event) {
        event.credits().forEach(credit -> balance = balance.plus(credit.amount()));
    }

    @EventSourcingHandler
    void on(PayoutRequested event) {
        balance = balance.minus(event.amount());
    }

    @EventSourcingHandler
    void on(FundsReturnedToWallet event) {
        balance = balance.plus(event.amount());
    }

    @EventSourcingHandler
    void on(LatePayoutRecovered event) {
        balance = balance.minus(event.amount());
    }
}
