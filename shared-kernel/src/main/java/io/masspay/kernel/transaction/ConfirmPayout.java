package io.masspay.kernel.transaction;

import io.masspay.kernel.ids.TransactionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The rail paid this attempt. {@code coversAttemptNo} is non-zero when the payment was made under an
 * earlier attempt's key that had timed out (its late {@code Paid} was found before this attempt was sent):
 * that earlier attempt is then settled by this one, and nothing is paid twice (ADR 0013).
 */
public record ConfirmPayout(@TargetAggregateIdentifier TransactionId transactionId, int attemptNo,
                            int coversAttemptNo) {

    public ConfirmPayout(TransactionId transactionId, int attemptNo) {
        this(transactionId, attemptNo, 0);
    }
}
