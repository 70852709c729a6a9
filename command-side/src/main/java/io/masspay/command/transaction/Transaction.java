package io.masspay.command.transaction;

import io.masspay.kernel.batch.ItemDecision;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.transaction.AttemptStart;
import io.masspay.kernel.transaction.AttemptStarted;
import io.masspay.kernel.transaction.CashoutStarted;
import io.masspay.kernel.transaction.CompleteItem;
import io.masspay.kernel.transaction.ConfirmPayout;
import io.masspay.kernel.transaction.FailItem;
import io.masspay.kernel.transaction.FailPayout;
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
import io.masspay.kernel.transaction.RecordPayoutPending;
import io.masspay.kernel.transaction.ResumeItem;
import io.masspay.kernel.transaction.RetainItem;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.transaction.ReturnPayout;
import io.masspay.kernel.transaction.SettleLatePayout;
import io.masspay.kernel.transaction.TimeOutPayout;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One payout item across its attempts. It decides only whether a step still applies: a final item, or a
 * message about an older attempt, changes nothing (redelivery is harmless); a payout that failed can no
 * longer be confirmed; where a new attempt starts depends on where the money is; only a paid payout can be
 * returned; a late {@code Paid} counts once (ADR 0013). It keeps the method, amount and recipient wallet
 * because its payout events post them to the ledger. Rail answers never throw here: they arrive in batches
 * (RecordRailAnswers), and one answer that no longer applies must not undo the others. What it remembers, and
 * how each event changes that, is {@link TransactionState}.
 */
@Aggregate(repository = "transactionRepository")
public class Transaction extends TransactionState {

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
        if (awaits(command.attemptNo())) {
            apply(new ItemSucceeded(transactionId, batchId, attemptNo));
        }
    }

    @CommandHandler
    void handle(FailItem command) {
        if (awaits(command.attemptNo())) {
            apply(new ItemFailed(transactionId, batchId, attemptNo, command.reason()));
        }
    }

    /**
     * The rail paid: the money leaves rail clearing for good, and the item has succeeded. A {@code Paid}
     * for an attempt that had timed out is a late payment instead ({@link #handle(SettleLatePayout)}).
     *
     * @return false while a late payment has to wait
     */
    @CommandHandler
    boolean handle(ConfirmPayout command) {
        if (awaitsPayout(command.attemptNo())) {
            if (unresolvedAttempts.contains(command.coversAttemptNo())) {
                apply(new LatePayoutApplied(transactionId, command.coversAttemptNo(), attemptNo));
            }
            apply(new PayoutSucceeded(transactionId, attemptNo, method, amount));
            apply(new ItemSucceeded(transactionId, batchId, attemptNo));
            return true;
        }
        return handle(new SettleLatePayout(transactionId, command.attemptNo()));
    }

    @CommandHandler
    void handle(FailPayout command) {
        if (awaitsPayout(command.attemptNo())) {
            apply(new PayoutFailed(transactionId, attemptNo, command.reason(), walletId, method, amount, false));
        }
    }

    @CommandHandler
    void handle(RecordPayoutPending command) {
        if (awaitsPayout(command.attemptNo()) && !payoutPending) {
            apply(new PayoutPending(transactionId, attemptNo, walletId, method, amount));
        }
    }

    /**
     * The rail may still pay what it never answered: the attempt stays unresolved until it says.
     *
     * @return false when the payout was settled before its timeout
     */
    @CommandHandler
    boolean handle(TimeOutPayout command) {
        if (!awaitsPayout(command.attemptNo())) {
            return false;
        }
        apply(new PayoutFailed(transactionId, attemptNo, ErrorCode.PROVIDER_UNAVAILABLE, walletId, method, amount, true));
        return true;
    }

    /**
     * A timed-out attempt was paid after all: the item is paid. While the item is not final (the timeout's
     * compensation, or a newer attempt, is under way) this waits and returns false; the rail dispatcher
     * asks again later, and resolves the old key before it sends a newer attempt's, which is then settled
     * by the old payment instead of paying again (ADR 0013).
     *
     * @return false while it has to wait
     */
    @CommandHandler
    boolean handle(SettleLatePayout command) {
        int late = command.attemptNo();
        if (!unresolvedAttempts.contains(late)) {
            return true; // settled before, or never given up: nothing is owed
        }
        if (!status.isFinal()) {
            return false;
        }
        apply(new PayoutSettledLate(transactionId, batchId, late, walletId, method, amount));
        if (status != ItemStatus.Success) {
            apply(new ItemSucceeded(transactionId, batchId, attemptNo));
        }
        return true;
    }

    /** Only the paid attempt, once. The money then comes back to the wallet and the item is retained. */
    @CommandHandler
    boolean handle(ReturnPayout command) {
        if (command.attemptNo() != paidAttemptNo || returned) {
            return command.attemptNo() == paidAttemptNo;
        }
        apply(new PayoutReturned(transactionId, batchId, paidAttemptNo, walletId, method, amount,
                command.returnCode()));
        return true;
    }

    /** After a failed payout or a return, once the money is back in the wallet (the saga sends it then). */
    @CommandHandler
    void handle(RetainItem command) {
        boolean afterFailure = awaits(command.attemptNo()) && payoutFailed;
        boolean afterReturn = command.attemptNo() == paidAttemptNo && returned && status == ItemStatus.Success;
        if (afterFailure || afterReturn) {
            apply(new RetainedInWallet(transactionId, batchId, command.attemptNo(), command.reason(),
                    command.walletId()));
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
}
