package io.masspay.rails.sandbox;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.money.Money;

import java.time.Duration;
import java.util.Optional;

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

    static SandboxScript of(Money amount, Duration pendingFor, Duration returnedAfter) {
        if (amount.currency().minorUnits() != 2) {
            return answer(SandboxOutcome.Paid);
        }
        return switch ((int) (amount.minorUnits() % 100)) {
            case 91 -> answer(SandboxOutcome.Declined);
            case 92 -> answer(SandboxOutcome.Unavailable);
            case 93 -> new SandboxScript(SandboxOutcome.Paid, true, null, null);
            case 94 -> answer(SandboxOutcome.DestinationClosed);
            case 95 -> new SandboxScript(SandboxOutcome.Pending, false, "Paid", pendingFor);
            case 96 -> new SandboxScript(SandboxOutcome.Paid, false, "Returned", returnedAfter);
            default -> answer(SandboxOutcome.Paid);
        };
    }

    /**
     * The runtime ErrorCode an item paid with this script ends with (API.md section 3), or empty when it ends
     * {@code Success}: a decline, a rail unavailable on every call, a closed destination, or a return after paying.
     */
    Optional<ErrorCode> failure() {
        if ("Returned".equals(callback)) {
            return Optional.of(ErrorCode.PAYOUT_RETURNED);
        }
        return Optional.ofNullable(switch (outcome) {
            case Declined -> ErrorCode.PROVIDER_DECLINED;
            case Unavailable -> ErrorCode.PROVIDER_UNAVAILABLE;
            case DestinationClosed -> ErrorCode.DESTINATION_CLOSED;
            case Paid, Pending, Returned -> null;
        });
    }

    private static SandboxScript answer(SandboxOutcome outcome) {
        return new SandboxScript(outcome, false, null, null);
    }
}
