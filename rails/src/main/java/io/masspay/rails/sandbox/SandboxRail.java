package io.masspay.rails.sandbox;

import io.masspay.kernel.payout.PayOut;
import io.masspay.kernel.payout.RailOutcome;
import io.masspay.kernel.payout.RailResponse;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.RailGateway;

import java.time.Duration;

/**
 * A simulated rail with the deterministic outcomes of API.md ("Sandbox rails"), driven by the cents
 * of the amount: .91 declined, .92 unavailable on every call, .93 slow then paid, .94 destination
 * closed, anything else paid. Currencies without cents (JPY) always pay. A key that was paid answers
 * Paid again without paying twice; every call is recorded.
 */
record SandboxRail(SendMethod method, SandboxPayouts payouts, Duration slowness)
        implements RailGateway {

    @Override
    public RailResponse payOut(PayOut request) {
        SandboxOutcome outcome = payouts.call(request, outcomeFor(request));
        if (outcome == SandboxOutcome.Pending) {
            slowDown();
            outcome = SandboxOutcome.Paid;
            payouts.record(request, outcome);
        }
        return new RailResponse(outcome.railOutcome());
    }

    private static SandboxOutcome outcomeFor(PayOut request) {
        if (request.amount().currency().minorUnits() != 2) {
            return SandboxOutcome.Paid;
        }
        return switch ((int) (request.amount().minorUnits() % 100)) {
            case 91 -> SandboxOutcome.Declined;
            case 92 -> SandboxOutcome.Unavailable;
            case 93 -> SandboxOutcome.Pending;
            case 94 -> SandboxOutcome.DestinationClosed;
            default -> SandboxOutcome.Paid;
        };
    }

    /** The simulated provider is slow: that is the behaviour being simulated, not a wait for a condition. */
    private void slowDown() {
        try {
            Thread.sleep(slowness.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
