package io.masspay.kernel.transaction;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import org.axonframework.serialization.Revision;

/** The item ended without moving money (for example INSUFFICIENT_FUNDS_RUNTIME). */
@Revision("1")
public record ItemFailed(TransactionId transactionId, BatchId batchId, int attemptNo, ErrorCode reason) {
}
