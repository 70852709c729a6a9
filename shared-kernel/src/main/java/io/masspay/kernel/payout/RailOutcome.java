package io.masspay.kernel.payout;

/** What a rail said about one payout call (the sandbox's Outcome column uses the same names). */
public enum RailOutcome {
    Paid, Declined, Unavailable, DestinationClosed;

    /** Only an unavailable rail is worth calling again; a decline or a closed destination is final. */
    public boolean isRetryable() {
        return this == Unavailable;
    }
}
