package io.masspay.command.wallet;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.wallet.CreateWallet;
import io.masspay.kernel.wallet.CreditRecipientWallet;
import io.masspay.kernel.wallet.Debit;
import io.masspay.kernel.wallet.DebitIssuerWallet;
import io.masspay.kernel.wallet.FundWallet;
import io.masspay.kernel.wallet.FundsReturnedToWallet;
import io.masspay.kernel.wallet.IssuerDebitRejected;
import io.masspay.kernel.wallet.IssuerDebited;
import io.masspay.kernel.wallet.LatePayoutRecovered;
import io.masspay.kernel.wallet.OwnerType;
import io.masspay.kernel.wallet.Payout;
import io.masspay.kernel.wallet.PayoutRefused;
import io.masspay.kernel.wallet.PayoutRequested;
import io.masspay.kernel.wallet.RecoverLatePayout;
import io.masspay.kernel.wallet.RequestPayouts;
import io.masspay.kernel.wallet.ReturnFunds;
import io.masspay.kernel.wallet.WalletCreated;
import io.masspay.kernel.wallet.WalletCredited;
import io.masspay.kernel.wallet.WalletFunded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One ledger account. It keeps only its balance, currency and owner kind: all an invariant needs
 * (never negative, one currency, only issuer wallets fund batches); what it remembers, and how each event
 * changes that, is {@link WalletState}. Snapshotted (see {@link WalletSnapshots}); the state's fields are
 * what a snapshot stores.
 */
@Aggregate(snapshotTriggerDefinition = "walletSnapshotTrigger", cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Wallet extends WalletState {

    protected Wallet() {
    }

    @CommandHandler
    public Wallet(CreateWallet command) {
        apply(new WalletCreated(command.walletId(), command.issuer(), command.ownerType(), command.ownerId(),
                command.currency()));
    }

    /** @return the balance after funding, for the operator's answer. */
    @CommandHandler
    Money handle(FundWallet command) {
        requireCurrency(command.amount().currency());
        if (command.amount().minorUnits() <= 0) {
            throw new MassPayException(ErrorCode.INVALID_AMOUNT, "Amount must be greater than zero");
        }
        requireRoomFor(command.amount());
        apply(new WalletFunded(walletId, command.amount(), command.reference()));
        return balance;
    }

    /**
     * Decides item by item, in the given order, so which items fail for lack of funds is predictable; the
     * items it covers leave in one event (ADR 0012).
     */
    @CommandHandler
    List<TransactionId> handle(DebitIssuerWallet command) {
        if (ownerType != OwnerType.Issuer) {
            throw new IllegalStateException("Only issuer wallets fund payouts: " + walletId);
        }
        command.debits().forEach(debit -> requirePositive(debit.amount()));
        DebitPlan<Debit> plan = plan(command.debits(), Debit::amount);
        plan.refused().forEach(debit -> apply(new IssuerDebitRejected(walletId, debit.transactionId(),
                debit.attemptNo(), debit.amount(), ErrorCode.INSUFFICIENT_FUNDS_RUNTIME)));
        if (!plan.covered().isEmpty()) {
            apply(new IssuerDebited(walletId, plan.covered()));
        }
        return plan.covered().stream().map(Debit::transactionId).toList();
    }

    /** What a debit of these items would do now; decides nothing, so a forecast can ask it too. */
    <T> DebitPlan<T> plan(List<T> items, Function<T, Money> amount) {
        return DebitPlan.of(balance, items, amount);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreditRecipientWallet command) {
        if (walletId != null && ownerType != OwnerType.Recipient) {
            throw new IllegalStateException("Items are credited to recipient wallets only: " + walletId);
        }
        if (walletId == null) {
            apply(new WalletCreated(command.walletId(), command.issuer(), OwnerType.Recipient,
                    command.recipientId().value(), command.currency()));
        }
        command.credits().forEach(credit -> requirePositive(credit.amount()));
        if (!command.credits().isEmpty()) {
            apply(new WalletCredited(walletId, command.credits()));
        }
    }

    /**
     * Moves items from this recipient wallet to rail clearing. An item the balance no longer covers (the
     * recipient cashed out meanwhile) is refused, nothing moves.
     *
     * @return the transactions refused
     */
    @CommandHandler
    List<TransactionId> handle(RequestPayouts command) {
        requireOwner(OwnerType.Recipient);
        List<TransactionId> refused = new ArrayList<>();
        for (Payout payout : command.payouts()) {
            requirePositive(payout.amount());
            if (balance.isLessThan(payout.amount())) {
                apply(new PayoutRefused(walletId, payout.transactionId(), payout.attemptNo(), payout.amount()));
                refused.add(payout.transactionId());
            } else {
                apply(new PayoutRequested(walletId, payout.transactionId(), payout.attemptNo(), payout.method(),
                        payout.amount(), payout.destination()));
            }
        }
        return refused;
    }

    /** The compensation of a failed payout; the money was set aside in rail clearing, so it always fits. */
    @CommandHandler
    void handle(ReturnFunds command) {
        requireOwner(OwnerType.Recipient);
        requirePositive(command.amount());
        apply(new FundsReturnedToWallet(walletId, command.transactionId(), command.attemptNo(), command.method(),
                command.amount()));
    }

    /**
     * A payout the rail made after its attempt had timed out and given the money back here: it leaves again.
     * Not refused when the balance no longer covers it: the rail has paid, and the shortfall is what the
     * recipient owes (ADR 0013).
     */
    @CommandHandler
    void handle(RecoverLatePayout command) {
        requireOwner(OwnerType.Recipient);
        requirePositive(command.amount());
        apply(new LatePayoutRecovered(walletId, command.transactionId(), command.attemptNo(), command.method(),
                command.amount()));
    }

    /**
     * A balance is a {@code long} of minor units: a top-up it cannot hold is refused like any bad amount,
     * never left to overflow (about 92 million maximal top-ups of one USD wallet).
     */
    private void requireRoomFor(Money amount) {
        try {
            balance.plus(amount);
        } catch (ArithmeticException tooLarge) {
            throw new MassPayException(ErrorCode.INVALID_AMOUNT, "Wallet " + walletId + " cannot hold more than "
                    + new Money(Long.MAX_VALUE, balance.currency()).toDecimalString() + " " + balance.currency());
        }
    }

    private void requireOwner(OwnerType expected) {
        if (ownerType != expected) {
            throw new IllegalStateException("Wallet " + walletId + " is an " + ownerType + " wallet, not " + expected);
        }
    }

    /** Intake already refuses such amounts; the ledger refuses them again rather than trust its callers. */
    private void requirePositive(Money amount) {
        requireCurrency(amount.currency());
        if (amount.minorUnits() <= 0) {
            throw new IllegalArgumentException("A posting moves a positive amount, not " + amount);
        }
    }

    private void requireCurrency(CurrencyCode currency) {
        if (balance.currency() != currency) {
            throw new MassPayException(ErrorCode.CURRENCY_MISMATCH,
                    "Wallet " + walletId + " holds " + balance.currency() + ", not " + currency);
        }
    }
}
