package io.masspay.command.transfer;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.payout.ItemStatus;
import io.masspay.kernel.transfer.CompleteItem;
import io.masspay.kernel.transfer.FailItem;
import io.masspay.kernel.transfer.ItemFailed;
import io.masspay.kernel.transfer.ItemSubmitted;
import io.masspay.kernel.transfer.ItemSucceeded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One payout item across its attempts. It decides only whether a step still applies: a final item,
 * or a message about an older attempt, changes nothing (redelivery is harmless).
 */
@Aggregate
public class Transaction {

    @AggregateIdentifier
    private TransactionId transactionId;
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

    private boolean appliesTo(int commandAttempt) {
        return commandAttempt == attemptNo && !status.isFinal();
    }

    @EventSourcingHandler
    void on(ItemSubmitted event) {
        transactionId = event.transactionId();
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
