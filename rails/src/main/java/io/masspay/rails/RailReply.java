package io.masspay.rails;

import java.time.Duration;

/**
 * What one call to a rail came back with. Only the first four are a rail's word about the payout; the
 * others say the call itself did not settle it, and the dispatcher calls again later with the same key.
 *
 * @param retryAfter for {@link Kind#Throttled}: how long the rail asked us to wait, when it said so
 * @param detail     what went wrong, for logs (never a secret)
 */
public record RailReply(Kind kind, Duration retryAfter, String detail) {

    public enum Kind {
        Paid, Declined, DestinationClosed, Pending,
        /** A paid payout came back (only ever by callback). */
        Returned,
        /** The rail said it could not take the payout now (5xx, refused connection): nothing was paid. */
        Unavailable,
        /** The rail asked us to slow down (429): not a failure, the same key goes again later. */
        Throttled,
        /** No usable answer (timeout, garbage, a redirect): the rail may or may not have paid. */
        Unanswered,
        /** The rail does not know this key (a status call): it never received the payout. */
        UnknownKey;

        /** The rail's own final word about the payout. */
        public boolean isFinal() {
            return this == Paid || this == Declined || this == DestinationClosed;
        }
    }

    public static RailReply of(Kind kind) {
        return new RailReply(kind, null, null);
    }

    public static RailReply unanswered(String detail) {
        return new RailReply(Kind.Unanswered, null, detail);
    }
}
