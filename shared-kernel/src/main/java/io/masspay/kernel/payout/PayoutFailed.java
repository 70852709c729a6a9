package io.masspay.kernel.payout;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.TransactionId;
import org.axonframework.serialization.Revision;

/** The rail refused the payout for good, or stayed unavailable through every retry. No money moved yet. */
@Revision("1")
public record PayoutFailed(TransactionId transactionId, int attemptNo, ErrorCode reason) {
}
