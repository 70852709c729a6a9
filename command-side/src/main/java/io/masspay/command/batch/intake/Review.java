package io.masspay.command.batch.intake;

import io.masspay.command.wallet.WalletEntry;
import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.ids.IssuerAccountNumber;

import java.time.Instant;
import java.util.List;

/**
 * A submission after every rule ran: the valid items, and the rejected ones with their reasons; {@code startAt}
 * is when its money may move (null: at once, API.md section 11).
 */
public record Review(IssuerAccountNumber issuer, WalletEntry source, String customerBatchId, int receivedCount,
                     List<ValidItem> valid, List<RejectedItem> rejected, Instant startAt) {
}
