package io.masspay.kernel.batch;

import io.masspay.kernel.ids.TransactionId;

/**
 * What a resubmission means for one item the batch already has (API.md section 2, "Duplicates and
 * retries"); {@code attemptNo} is the attempt the item is in after the decision.
 */
public record ItemDecision(TransactionId transactionId, Kind kind, int attemptNo) {

    public enum Kind {
        /** The item succeeded before: rejected with ALREADY_COMPLETED, no money moves. */
        AlreadyCompleted,
        /** The item is still processing: accepted again as it is, same attempt (an idempotent replay). */
        Replay,
        /** The item ended Failed or RetainedInWallet: a new attempt starts. */
        NewAttempt
    }
}
