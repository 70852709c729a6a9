package io.masspay.kernel.transaction;

import io.masspay.kernel.payout.PayoutKey;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.TransactionId;

/**
 * What a rail said about one payout attempt, as the rail dispatcher hands it to the ledger; the cases are
 * the ones that change the item (a throttle or a call to try again changes nothing and never gets here).
 */
public record RailAnswer(TransactionId transactionId, int attemptNo, Kind kind, ErrorCode reason,
                         int coversAttemptNo, String returnCode) {

    public enum Kind {
        /**
         * Paid under this attempt's key, or under {@code coversAttemptNo}'s (an earlier, timed-out key); for an
         * attempt that had timed out meanwhile, a late payment.
         */
        Paid,
        /** Refused for good ({@code reason}: PROVIDER_DECLINED, DESTINATION_CLOSED), or unavailable on every call. */
        Refused,
        /** The rail has it and will tell later. */
        Pending,
        /** A paid payout came back. */
        Returned
    }

    public static RailAnswer paid(TransactionId transactionId, int attemptNo) {
        return new RailAnswer(transactionId, attemptNo, Kind.Paid, null, 0, null);
    }

    public static RailAnswer refused(TransactionId transactionId, int attemptNo, ErrorCode reason) {
        return new RailAnswer(transactionId, attemptNo, Kind.Refused, reason, 0, null);
    }

    public String payoutKey() {
        return PayoutKey.of(transactionId, attemptNo);
    }
}
