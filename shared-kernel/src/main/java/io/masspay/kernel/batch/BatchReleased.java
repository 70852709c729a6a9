package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.WalletId;
import org.axonframework.serialization.Revision;

/** A held batch (approved, or its scheduled time came) starts processing: the payments processor pays its items from here, as if they had just been submitted. */
@Revision("1")
public record BatchReleased(BatchId batchId, WalletId sourceWalletId) {
}
