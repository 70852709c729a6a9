package io.masspay.command.transfer;

import io.masspay.kernel.batch.ItemDecision;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.ConfirmPayout;
import io.masspay.kernel.payout.FailPayout;
import io.masspay.kernel.payout.ItemStatus;
import io.masspay.kernel.payout.PayoutFailed;
import io.masspay.kernel.payout.PayoutSucceeded;
import io.masspay.kernel.payout.RetainItem;
import io.masspay.kernel.payout.RetainedInWallet;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.transfer.AttemptStart;
import io.masspay.kernel.transfer.AttemptStarted;
import io.masspay.kernel.transfer.CashoutStarted;
import io.masspay.kernel.transfer.CompleteItem;
import io.masspay.kernel.transfer.FailItem;
import io.masspay.kernel.transfer.ItemFailed;
import io.masspay.kernel.transfer.ItemSubmitted;
import io.masspay.kernel.transfer.ItemSucceeded;
import io.masspay.kernel.transfer.ResumeItem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One payout item across its attempts. It decides only whether a step still applies: a final item,
 * or a message about an older attempt, changes nothing (redelivery is harmless); a payout that
 * failed can no longer be confirmed; and where a new attempt starts depends on where the money is.
 * It keeps the method and amount because its payout events post them to the ledger.
 */
@Aggregate(repository = "transactionRepository")
public class Transaction {

    @AggregateIdentifier
    private TransactionId transactionId;
    private BatchId batchId;
    private int attemptNo;
    private ItemStatus status;
    private SendMethod method;
    private Money amount;
    private boolean payoutFailed;
    private boolean fundsInRecipientWallet;

    protected Transaction() {
    }

    /** Created by the batch submission, inside its unit of work (see BatchSubmissionHandler). */
    public Transaction(ItemSubmitted submitted) {
        apply(submitted);
    }

    /** Created by a cash-out: one transaction outside any batch. */
    public Transaction(CashoutStarted cashout) {
        apply(cashout);
    }

    @CommandHandler
    void handle(CompleteItem command) {
        if (appliesTo(command.attemptNo())) {
            apply(new ItemSucceeded(transactionId, batchId, attemptNo));
        }
    }

    @CommandHandler
    void handle(FailItem command) {
        if (appliesTo(command.attemptNo())) {
            apply(new ItemFailed(transactionId, batchId, attemptNo, command.reason()));
        }
    }

    /** The rail paid: the money leaves rail clearing for good, and the item has succeeded. */
    @CommandHandler
    void handle(ConfirmPayout command) {
        if (appliesTo(command.attemptNo()) && !payoutFailed) {
            apply(new PayoutSucceeded(transactionId, attemptNo, method, amount));
            apply(new ItemSucceeded(transactionId, batchId, attemptNo));
        }
    }

    @CommandHandler
    void handle(FailPayout command) {
        if (appliesTo(command.attemptNo()) && !payoutFailed) {
            apply(new PayoutFailed(transactionId, attemptNo, command.reason()));
        }
    }

    /** Only after a failed payout whose money is back in the wallet (the saga sends it then). */
    @CommandHandler
    void handle(RetainItem command) {
        if (appliesTo(command.attemptNo()) && payoutFailed) {
            apply(new RetainedInWallet(transactionId, batchId, attemptNo, command.reason(), command.walletId()));
        }
    }

    /**
     * A resubmission names this item again; the answer depends on where it is. Still processing: a
     * replay, nothing changes. Succeeded: already completed. Ended otherwise: a new attempt starts.
     * Once the issuer's money reached the recipient wallet (the item was RetainedInWallet once), every
     * later attempt pays out from there, even after one that failed because the recipient had cashed
     * the balance out meanwhile: the issuer is never debited twice for one item. An item that never got
     * that far moved no money, so it starts again from the issuer debit.
     */
    @CommandHandler
    ItemDecision handle(ResumeItem command) {
        if (status == ItemStatus.Processing) {
            return new ItemDecision(transactionId, ItemDecision.Kind.Replay, attemptNo);
        }
        if (status == ItemStatus.Success) {
            return new ItemDecision(transactionId, ItemDecision.Kind.AlreadyCompleted, attemptNo);
        }
        AttemptStart start = fundsInRecipientWallet ? AttemptStart.RecipientWallet : AttemptStart.IssuerDebit;
        apply(new AttemptStarted(transactionId, batchId, attemptNo + 1, start));
        return new ItemDecision(transactionId, ItemDecision.Kind.NewAttempt, attemptNo); // the new attempt's number
    }

    private boolean appliesTo(int commandAttempt) {
        return commandAttempt == attemptNo && !status.isFinal();
    }

    @EventSourcingHandler
    void on(ItemSubmitted event) {
        transactionId = event.transactionId();
        batchId = event.batchId();
        attemptNo = event.attemptNo();
        method = event.sendMethod();
        amount = event.amount();
        status = ItemStatus.Processing;
    }

    @EventSourcingHandler
    void on(CashoutStarted event) {
        transactionId = event.transactionId();
        attemptNo = 1;
        method = event.sendMethod();
        amount = event.amount();
        status = ItemStatus.Processing;
    }

    @EventSourcingHandler
    void on(AttemptStarted event) {
        attemptNo = event.attemptNo();
        status = ItemStatus.Processing;
        payoutFailed = false;
    }

    @EventSourcingHandler
    void on(PayoutFailed event) {
        payoutFailed = true;
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
