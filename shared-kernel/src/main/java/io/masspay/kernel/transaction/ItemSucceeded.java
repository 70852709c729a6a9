package io.masspay.kernel.transaction;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ItemSucceeded(TransactionId transactionId, BatchId batchId, int attemptNo) {
}
