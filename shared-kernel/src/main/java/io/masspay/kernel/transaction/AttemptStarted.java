package io.masspay.kernel.transaction;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import org.axonframework.serialization.Revision;

/**
 * A new attempt of an item that ended Failed or RetainedInWallet. The item's details are in its
 * {@link ItemSubmitted}; the attempt only says where it starts.
 */
@Revision("1")
public record AttemptStarted(TransactionId transactionId, BatchId batchId, int attemptNo, AttemptStart startFrom) {
}
