package io.masspay.command.batch;

import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.TransactionId;

import java.util.List;

/**
 * What one submission did to its batch: the items accepted (new, replayed or retried) and those refused;
 * {@code hold} is AwaitingApproval or Scheduled while the batch waits (API.md section 11), null otherwise.
 */
public record SubmissionOutcome(BatchId batchId, String customerBatchId, int receivedCount, List<Accepted> accepted,
                                List<RejectedItem> rejected, BatchStatus hold) {

    public record Accepted(int position, String customerTransactionId, TransactionId transactionId,
                           RecipientId recipientId, int attemptNo) {
    }

    /** A retry in which every item had already succeeded: answered 200, nothing changed (API.md section 2). */
    public boolean nothingLeftToDo() {
        return accepted.isEmpty() && !rejected.isEmpty()
                && rejected.stream().allMatch(r -> r.errorCode() == ErrorCode.ALREADY_COMPLETED);
    }
}
