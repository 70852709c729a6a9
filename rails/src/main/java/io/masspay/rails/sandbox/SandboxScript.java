package io.masspay.rails.sandbox;

import io.masspay.rails.PayoutOrder;

import java.time.Duration;

/**
 * What a sandbox rail does with a payout, driven by the cents of its amount (API.md, "Sandbox rails"):
 * .91 declined, .92 unavailable on every call, .93 slow then paid, .94 destination closed, .95 pending
 * then paid by callback, .96 paid then returned by callback, anything else paid. Currencies without cents
 * (JPY) always pay.
 *
 * @param callback      the status the rail calls back with later, or null
 * @param callbackAfter when, after the call
 */
record SandboxScript(SandboxOutcome outcome, boolean slow, String callback, Duration callbackAfter) {

    static SandboxScript of(PayoutOrder order, Duration pendingFor, Duration returnedAfter) {
        if (order.amount().currency().minorUnits() != 2) {
            return answer(SandboxOutcome.Paid);
        }
        return switch ((int) (order.amount().minorUnits() % 100)) {
            case 91 -> answer(SandboxOutcome.Declined);
            case 92 -> answer(SandboxOutcome.Unavailable);
            case 93 -> new SandboxScript(SandboxOutcome.Paid, true, null, null);
            case 94 -> answer(SandboxOutcome.DestinationClosed);
            case 95 -> new SandboxScript(SandboxOutcome.Pending, false, "Paid", pendingFor);
            case 96 -> new SandboxScript(SandboxOutcome.Paid, false, "Returned", returnedAfter);
            default -> answer(SandboxOutcome.Paid);
        };
    }

    private static SandboxScript answer(SandboxOutcome outcome) {
        return new SandboxScript(outcome, false, null, null);
    }
}
