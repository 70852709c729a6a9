package io.masspay.command.batch.intake;

import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;

import java.util.List;

/** The outcome of reviewing a submission: what is accepted, what is refused and why. */
public record Intake(BatchId batchId, IssuerAccountNumber issuer, String customerBatchId, WalletId sourceWallet,
                     CurrencyCode currency, int receivedCount, List<AcceptedItem> accepted,
                     List<RejectedItem> rejected) {
}
