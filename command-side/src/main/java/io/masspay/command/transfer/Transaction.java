package io.masspay.command.transfer;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.payout.ItemStatus;
import io.masspay.kernel.transfer.AttemptStart;
import io.masspay.kernel.transfer.AttemptStarted;
import io.masspay.kernel.transfer.CompleteItem;
import io.masspay.kernel.transfer.FailItem;
import io.masspay.kernel.transfer.ItemFailed;
import io.masspay.kernel.transfer.ItemSubmitted;
import io.masspay.kernel.transfer.ItemSucceeded;
import io.masspay.kernel.transfer.StartAttempt;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One payout item across its attempts. It decides only whether a step still applies: a final item,
 * or a message about an older attempt, changes nothing (redelivery is harmless); and where a new
 * attempt starts, which depends on where the money is.
 */
@Aggregate
public class Transaction {

    @AggregateIdentifier
    private TransactionId transactionId;
    private BatchId batchId;
    private int attemptNo;
    private ItemStatus status;

    protected Transaction() {
    }

    /** Created by the batch submission, inside its unit of work (see BatchSubmissionHandler). */
    public Transaction(ItemSubmitted submitted) {
        apply(submitted);
    }

    @CommandHandler
    void handle(CompleteItem command) {
        if (appliesTo(command.attemptNo())) {
            apply(new ItemSucceeded(transactionId, attemptNo));
        }
    }

    @CommandHandler
    void handle(FailItem command) {
        if (appliesTo(command.attemptNo())) {
            apply(new ItemFailed(transactionId, attemptNo, command.reason()));
        }
    }

    /**
     * A Failed item moved no money, so it starts again from the issuer debit; a RetainedInWallet item's
     * money is in the recipient wallet, so it pays out from there and the issuer is not debited again.
     */
    @CommandHandler
    void handle(StartAttempt command) {
        if (command.attemptNo() != attemptNo + 1 || !status.isFinal() || status == ItemStatus.Success) {
            throw new IllegalStateException("Attempt " + command.attemptNo() + " cannot start for " + transactionId
                    + " in attempt " + attemptNo + " " + status);
        }
        AttemptStart start = status == ItemStatus.RetainedInWallet ? AttemptStart.RecipientWallet : AttemptStart.IssuerDebit;
        apply(new AttemptStarted(transactionId, batchId, command.attemptNo(), start));
    }

    private boolean appliesTo(int commandAttempt) {
        return commandAttempt == attemptNo && !status.isFinal();
    }

    @EventSourcingHandler
    void on(ItemSubmitted event) {
        transactionId = event.transactionId();
        batchId = event.batchId();
        attemptNo = event.attemptNo();
        status = ItemStatus.Processing;
    }

    @EventSourcingHandler
    void on(AttemptStarted event) {
        attemptNo = event.attemptNo();
        status = ItemStatus.Processing;
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
