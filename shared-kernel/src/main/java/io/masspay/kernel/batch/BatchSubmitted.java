package io.masspay.kernel.batch;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record BatchSubmitted(BatchId batchId, IssuerAccountNumber issuer, String customerBatchId,
                             WalletId sourceWalletId, CurrencyCode currency, int receivedCount,
                             int acceptedCount, List<RejectedItem> rejected) {

    public BatchSubmitted {
        rejected = List.copyOf(rejected);
    }
}
