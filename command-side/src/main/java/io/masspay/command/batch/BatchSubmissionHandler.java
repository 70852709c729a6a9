package io.masspay.command.batch;

import io.masspay.command.admission.Admission;
import io.masspay.command.batch.intake.BatchIntake;
import io.masspay.command.batch.intake.Review;
import io.masspay.command.batch.intake.SubmissionClaims;
import io.masspay.command.batch.intake.SubmissionClaims.NewClaim;
import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.batch.RejectedItem;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.ServerIds;
import io.masspay.kernel.transaction.PaymentLane;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts a submission in ONE unit of work, hence one database transaction: the review, the id
 * claims, the admission (ADR 0014), the batch and one Transaction aggregate per new item commit together or
 * not at all. The answer is sent after that commit, so an accepted item is never lost (docs/DESIGN.md, "The
 * cost model").
 * A CustomerBatchId that is already taken makes the submission a retry ({@link BatchRetry}).
 */
@Component
class BatchSubmissionHandler {

    private final BatchIntake intake;
    private final SubmissionClaims claims;
    private final BatchRetry retry;
    private final BatchItems items;
    private final Repository<Batch> batches;
    private final Admission admission;
    private final BatchHolds holds;

    BatchSubmissionHandler(BatchIntake intake, SubmissionClaims claims, BatchRetry retry, BatchItems items,
                           Repository<Batch> batches, Admission admission, BatchHolds holds) {
        this.admission = admission;
        this.holds = holds;
        this.intake = intake;
        this.claims = claims;
        this.retry = retry;
        this.items = items;
        this.batches = batches;
    }

    @CommandHandler
    public SubmissionOutcome handle(SubmitBatch command) throws Exception {
        admission.precheck(command.caller(), command.request().customerBatchId(), command.request().items().size());
        Review review = intake.review(command.caller(), command.request());
        BatchId batchId = ServerIds.newBatchId();
        Optional<SubmissionClaims.ExistingBatch> existing = claims.claimBatch(review.issuer(), review.customerBatchId(),
                batchId, review.source().walletId());
        if (existing.isPresent()) {
            return retry.resubmit(existing.get(), review);
        }
        if (review.valid().isEmpty()) {
            throw refusedWhole(review.rejected());
        }
        List<NewClaim> newClaims = review.valid().stream()
                .map(item -> new NewClaim(item.customerTransactionId(), ServerIds.newTransactionId(), item)).toList();
        refuseIfTaken(claims.claimItems(review.issuer(), batchId, newClaims), review);
        // after the claims: a racing identical submission waits at the claim, never holding the issuer's lock
        PaymentLane lane = admission.admit(review.issuer(), batchId, newClaims.size());
        BatchHold hold = holds.of(review, command.credentialId());
        batches.newInstance(() -> new Batch(new BatchSubmitted(batchId, review.issuer(), review.customerBatchId(),
                review.source().walletId(), review.source().currency(), review.receivedCount(), newClaims.size(),
                review.rejected()), hold));
        if (hold.scheduledFor() != null && !hold.needsApproval()) {
            holds.scheduleRelease(batchId, hold.scheduledFor());
        }
        items.create(batchId, review, newClaims, hold.isHeld() ? PaymentLane.HELD : lane);
        return new SubmissionOutcome(batchId, review.customerBatchId(), review.receivedCount(),
                newClaims.stream().map(BatchItems::accepted).toList(), review.rejected(), hold.status());
    }

    /** An id held by another batch of the issuer refuses the whole request: 409, nothing accepted. */
    static void refuseIfTaken(Set<String> taken, Review review) {
        if (taken.isEmpty()) {
            return;
        }
        List<FieldError> errors = review.valid().stream()
                .filter(item -> taken.contains(item.customerTransactionId()))
                .map(item -> new FieldError(item.request().path("CustomerTransactionId"), ErrorCode.DUPLICATE_TRANSACTION,
                        item.customerTransactionId() + " belongs to another batch of this issuer"))
                .toList();
        throw new MassPayException(ErrorCode.DUPLICATE_TRANSACTION,
                errors.size() + " CustomerTransactionId(s) belong to another batch; nothing was accepted", errors);
    }

    /** Zero acceptable items: 422 VALIDATION_FAILED listing every item's problem, in request order. */
    static MassPayException refusedWhole(List<RejectedItem> rejected) {
        return new MassPayException(ErrorCode.VALIDATION_FAILED, "No item of the batch can be accepted", rejected.stream()
                .map(r -> new FieldError(r.field(), r.errorCode(), r.message())).toList());
    }
}
