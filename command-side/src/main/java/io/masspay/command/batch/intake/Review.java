package io.masspay.command.batch.intake;

import io.masspay.command.wallet.WalletEntry;
import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.ids.IssuerAccountNumber;

import java.util.List;

/** A submission after every rule ran: the valid items, and the rejected ones with their reasons. */
public record Review(IssuerAccountNumber issuer, WalletEntry source, String customerBatchId, int receivedCount,
                     List<ValidItem> valid, List<RejectedItem> rejected) {
}
