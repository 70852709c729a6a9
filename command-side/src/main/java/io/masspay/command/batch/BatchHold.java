package io.masspay.command.batch;

import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.money.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How a new batch waits before its money moves: for an approver when its total reached the issuer's threshold
 * ({@code threshold} non-null), and until {@code scheduledFor} when that is still to come (null: at once).
 */
record BatchHold(String submittedBy, Money total, BigDecimal threshold, Instant scheduledFor) {

    boolean needsApproval() {
        return threshold != null;
    }

    boolean isHeld() {
        return needsApproval() || scheduledFor != null;
    }

    /** The status a held batch shows until it is released: null when it is not held. */
    BatchStatus status() {
        return needsApproval() ? BatchStatus.AwaitingApproval : scheduledFor != null ? BatchStatus.Scheduled : null;
    }
}
