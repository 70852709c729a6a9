package io.masspay.command.wallet;

import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Function;

/**
 * What debiting an issuer wallet would do now, asked of the {@link Wallet} aggregate itself: its balance is the
 * one the next debit decides with (events in the store; a cached copy is checked against the store's version
 * first, BoundedCache). The ledger read model of the query side is not used: it follows the store
 * asynchronously, so right after a top-up or a debit it would forecast with an old balance.
 */
@Component
public class DebitForecasts {

    private final Repository<Wallet> wallets;

    DebitForecasts(Repository<Wallet> wallets) {
        this.wallets = wallets;
    }

    /**
     * Loads the wallet in a unit of work of its own that is rolled back: nothing is applied, no snapshot is
     * taken, and the wallet's lock is held only while the plan is made. The rollback drops the node's cached copy
     * of the wallet; the next debit reads it from its snapshot, a cost paid per dry run, not per item.
     */
    public <T> DebitPlan<T> plan(WalletId wallet, List<T> items, Function<T, Money> amount) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return wallets.load(wallet.value()).invoke(w -> w.plan(items, amount));
        } finally {
            unitOfWork.rollback();
        }
    }
}
