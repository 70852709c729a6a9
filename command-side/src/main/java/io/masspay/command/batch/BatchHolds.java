package io.masspay.command.batch;

import io.masspay.command.batch.intake.Review;
import io.masspay.command.batch.intake.ValidItem;
import io.masspay.command.directory.IssuerDirectory;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.money.Money;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Decides whether a new batch is held (API.md section 11), and schedules the release of a scheduled one. The
 * release is a deadline on the Batch aggregate, kept by the deadline manager in PostgreSQL: it survives
 * restarts, fires on one node, and the aggregate decides it against a cancel racing it.
 */
@Component
class BatchHolds {

    private final IssuerDirectory issuers;
    private final DeadlineManager deadlines;

    BatchHolds(IssuerDirectory issuers, DeadlineManager deadlines) {
        this.issuers = issuers;
        this.deadlines = deadlines;
    }

    /** Awaiting approval when the accepted items' total reaches the issuer's threshold; scheduled when asked. */
    BatchHold of(Review review, String submittedBy) {
        Money total = Money.zero(review.source().currency());
        for (ValidItem item : review.valid()) {
            total = total.plus(item.amount());
        }
        BigDecimal reached = new BigDecimal(total.toDecimalString());
        BigDecimal threshold = issuers.approvalThreshold(review.issuer())
                .filter(limit -> reached.compareTo(limit) >= 0)
                .orElse(null);
        return new BatchHold(submittedBy, total, threshold, review.startAt());
    }

    /** Releases the batch at {@code at}, in the caller's unit of work (a rollback drops the deadline too). */
    void scheduleRelease(BatchId batchId, Instant at) {
        deadlines.schedule(at, Batch.RELEASE, null, new AggregateScopeDescriptor(Batch.class.getSimpleName(),
                batchId.value()));
    }
}
