package io.masspay.rails.sandbox;

import io.masspay.rails.RailReply;

/** What the sandbox recorded for an idempotency key (API.md section 9, "Sandbox/Payouts"). */
public enum SandboxOutcome {
    Paid, Declined, Unavailable, DestinationClosed, Pending,
    /** Paid, then given back by the rail (an amount ending in .96). */
    Returned;

    RailReply reply() {
        return RailReply.of(switch (this) {
            case Paid, Returned -> RailReply.Kind.Paid;
            case Declined -> RailReply.Kind.Declined;
            case DestinationClosed -> RailReply.Kind.DestinationClosed;
            case Pending -> RailReply.Kind.Pending;
            case Unavailable -> RailReply.Kind.Unavailable;
        });
    }
}
