package io.masspay.kernel.batch;

import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.transaction.ItemStatus;

/** Where one item of a batch ended, for the batch's own bookkeeping. */
public record ItemOutcome(TransactionId transactionId, int attemptNo, ItemStatus status) {
}
