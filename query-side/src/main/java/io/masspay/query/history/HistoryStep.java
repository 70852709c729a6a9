package io.masspay.query.history;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.transaction.ItemStatus;
import io.masspay.kernel.wallet.PayoutRefused;
import io.masspay.kernel.payout.PayoutStep;
import io.masspay.kernel.transaction.RetainedInWallet;
import io.masspay.kernel.transaction.ItemFailed;
import io.masspay.kernel.transaction.ItemSucceeded;
import io.masspay.kernel.wallet.IssuerDebitRejected;
import io.masspay.kernel.wallet.WalletPostings;

import java.util.List;

/**
 * One step of an item attempt, named after the event that records it. Wallet events belong to wallet
 * aggregates but carry the transaction and attempt they move money for, which is all a step needs; a
 * chunk's wallet posting event is a step of every item it has a line for.
 * {@code outcome} is set on the steps that end the attempt.
 */
record HistoryStep(TransactionId transactionId, int attemptNo, String name, ItemStatus outcome, ErrorCode errorCode) {

    static List<HistoryStep> of(Object event) {
        if (event instanceof WalletPostings postings) {
            return postings.lines().stream().map(line -> step(line.transactionId(), line.attemptNo(), event)).toList();
        }
        HistoryStep step = null;
        if (event instanceof ItemSucceeded e) {
            step = new HistoryStep(e.transactionId(), e.attemptNo(), name(e), ItemStatus.Success, null);
        } else if (event instanceof ItemFailed e) {
            step = new HistoryStep(e.transactionId(), e.attemptNo(), name(e), ItemStatus.Failed, e.reason());
        } else if (event instanceof RetainedInWallet e) {
            step = new HistoryStep(e.transactionId(), e.attemptNo(), name(e), ItemStatus.RetainedInWallet, e.reason());
        } else if (event instanceof PayoutStep e) {
            step = step(e.transactionId(), e.attemptNo(), e);
        } else if (event instanceof IssuerDebitRejected e) {
            step = step(e.transactionId(), e.attemptNo(), e);
        } else if (event instanceof PayoutRefused e) {
            step = step(e.transactionId(), e.attemptNo(), e);
        }
        return step == null ? List.of() : List.of(step);
    }

    private static HistoryStep step(TransactionId transactionId, int attemptNo, Object event) {
        return new HistoryStep(transactionId, attemptNo, name(event), null, null);
    }

    private static String name(Object event) {
        return event.getClass().getSimpleName();
    }
}
