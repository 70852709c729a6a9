package io.masspay.command.transaction;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.CashoutStarted;
import io.masspay.kernel.transaction.ItemFailed;
import io.masspay.kernel.transaction.ItemStatus;
import io.masspay.kernel.transaction.ItemSubmitted;
import io.masspay.kernel.transaction.ItemSucceeded;
import io.masspay.kernel.transaction.LatePayoutApplied;
import io.masspay.kernel.transaction.PayoutFailed;
import io.masspay.kernel.transaction.PayoutPending;
import io.masspay.kernel.transaction.PayoutReturned;
import io.masspay.kernel.transaction.PayoutSettledLate;
import io.masspay.kernel.transaction.PayoutSucceeded;
import io.masspay.kernel.transaction.RetainedInWallet;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.HashSet;
import java.util.Set;

/**
 * What a {@link Transaction} remembers of its events: only what its decisions read. Kept apart from the
 * decisions so each side reads on its own: here how every event changes the state, there what each command
 * may still do. Axon finds the event sourcing handlers of this superclass as it finds the aggregate's own.
 */
abstract class TransactionState {

    @AggregateIdentifier
    TransactionId transactionId;
    BatchId batchId;
    int attemptNo;
    ItemStatus status;
    SendMethod method;
    Money amount;
    WalletId walletId;
    boolean payoutFailed;
    boolean payoutPending;
    boolean fundsInRecipientWallet;
    int paidAttemptNo;
    boolean returned;
    /** Attempts given up by their timeout while the rail had not said whether it paid. */
    final Set<Integer> unresolvedAttempts = new HashSet<>();

    boolean awaits(int commandAttempt) {
        return commandAttempt == attemptNo && !status.isFinal();
    }

    boolean awaitsPayout(int commandAttempt) {
        return awaits(commandAttempt) && !payoutFailed;
    }

    @EventSourcingHandler
    void on(ItemSubmitted event) {
        transactionId = event.transactionId();
        batchId = event.batchId();
        attemptNo = event.attemptNo();
        method = event.sendMethod();
        amount = event.amount();
        walletId = event.recipientWalletId();
        status = ItemStatus.Processing;
    }

    @EventSourcingHandler
    void on(CashoutStarted event) {
        transactionId = event.transactionId();
        attemptNo = 1;
        method = event.sendMethod();
        amount = event.amount();
        walletId = event.walletId();
        status = ItemStatus.Processing;
    }

    @EventSourcingHandler
    void on(AttemptStarted event) {
        attemptNo = event.attemptNo();
        status = ItemStatus.Processing;
        payoutFailed = false;
        payoutPending = false;
    }

    @EventSourcingHandler
    void on(PayoutPending event) {
        payoutPending = true;
    }

    @EventSourcingHandler
    void on(PayoutFailed event) {
        payoutFailed = true;
        if (event.outcomeUnknown()) {
            unresolvedAttempts.add(event.attemptNo());
        }
    }

    @EventSourcingHandler
    void on(PayoutSucceeded event) {
        paidAttemptNo = event.attemptNo();
        returned = false;
    }

    @EventSourcingHandler
    void on(PayoutSettledLate event) {
        unresolvedAttempts.remove(event.attemptNo());
        paidAttemptNo = event.attemptNo();
        returned = false;
    }

    @EventSourcingHandler
    void on(LatePayoutApplied event) {
        unresolvedAttempts.remove(event.attemptNo());
    }

    @EventSourcingHandler
    void on(PayoutReturned event) {
        returned = true;
    }

    @EventSourcingHandler
    void on(RetainedInWallet event) {
        status = ItemStatus.RetainedInWallet;
        fundsInRecipientWallet = true;
    }

    @EventSourcingHandler
    void on(ItemSucceeded event) {
        status = ItemStatus.Success;
    }

    @EventSourcingHandler
    void on(ItemFailed event) {
        status = ItemStatus.Failed;
    }
}
