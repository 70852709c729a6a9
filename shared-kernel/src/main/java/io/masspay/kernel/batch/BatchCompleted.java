package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import org.axonframework.serialization.Revision;

/** Every accepted item of the batch is final. */
@Revision("1")
public record BatchCompleted(BatchId batchId, BatchStatus status, int succeeded, int failed, int retainedInWallet) {
}
