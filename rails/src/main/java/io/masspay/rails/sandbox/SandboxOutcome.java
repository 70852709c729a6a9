package io.masspay.rails.sandbox;

import io.masspay.kernel.payout.RailOutcome;

/** What the sandbox recorded for an idempotency key (API.md section 9, "Sandbox/Payouts"). */
public enum SandboxOutcome {
    Paid, Declined, Unavailable, DestinationClosed, Pending;

    RailOutcome railOutcome() {
        return switch (this) {
            case Paid -> RailOutcome.Paid;
            case Declined -> RailOutcome.Declined;
            case DestinationClosed -> RailOutcome.DestinationClosed;
            case Unavailable, Pending -> RailOutcome.Unavailable;
        };
    }
}
