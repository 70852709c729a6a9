package io.masspay.command.batch;

import io.masspay.kernel.batch.ApproveBatch;
import io.masspay.kernel.batch.BatchApproved;
import io.masspay.kernel.batch.BatchAwaitingApproval;
import io.masspay.kernel.batch.BatchCancelled;
import io.masspay.kernel.batch.BatchProgressed;
import io.masspay.kernel.batch.BatchRejected;
import io.masspay.kernel.batch.BatchReleased;
import io.masspay.kernel.batch.BatchResubmitted;
import io.masspay.kernel.batch.BatchScheduled;
import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.batch.BatchSubmitted;
import io.masspay.kernel.batch.CancelBatch;
import io.masspay.kernel.batch.ItemOutcome;
import io.masspay.kernel.batch.RecordItemOutcomes;
import io.masspay.kernel.batch.RejectBatch;
import io.masspay.kernel.batch.ResubmitBatch;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.TransactionId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The batch as a whole. Its items are Transaction aggregates of their own, so a 5,000-item batch is
 * never one giant stream that every step must load. The batch learns, a chunk at a time, where its
 * items ended; it declares itself complete when all are final, and it decides what a resubmission
 * means for each item it already has. An item it has heard nothing about is in its first attempt,
 * still processing.
 *
 * <p>It also decides when its money may move (API.md section 11): a batch can be held, awaiting an approver
 * or its scheduled time, and then released, rejected or cancelled. Cancel, approval and the scheduled start
 * all pass through this aggregate, so when they race exactly one wins: the loser finds the phase changed.
 *
 * <p>Cached like the per-item aggregates: each chunk's {@link RecordItemOutcomes} would otherwise replay
 * every earlier {@link BatchProgressed} of the batch, quadratic in its size. What it remembers, and how each
 * event changes that, is {@link BatchState}.
 */
@Aggregate(cache = "aggregateCache")
public class Batch extends BatchState {

    /** The deadline that releases a scheduled batch; a batch cancelled meanwhile ignores it. */
    static final String RELEASE = "batch-release";

    protected Batch() {
    }

    /**
     * Created by {@link BatchSubmissionHandler} in the submission's unit of work, held when its {@code hold}
     * says so: awaiting approval first (a scheduled time then waits for the approval), else until its time.
     */
    Batch(BatchSubmitted submitted, BatchHold hold) {
        apply(submitted);
        if (hold.needsApproval()) {
            apply(new BatchAwaitingApproval(submitted.batchId(), hold.submittedBy(), hold.total(), hold.threshold(),
                    hold.scheduledFor()));
        } else if (hold.scheduledFor() != null) {
            apply(new BatchScheduled(submitted.batchId(), hold.scheduledFor()));
        }
    }

    /**
     * A retry that adds items or starts new attempts reopens the batch until they end; a pure replay writes
     * nothing. A batch rejected or cancelled is over: a retry may not pay what its approver or issuer stopped.
     *
     * @return AwaitingApproval or Scheduled while the batch is held (items the retry adds wait with it), else null
     */
    @CommandHandler
    BatchStatus handle(ResubmitBatch command) {
        boolean changes = !command.retried().isEmpty() || !command.added().isEmpty();
        if (changes && phase == BatchPhase.STOPPED) {
            throw new MassPayException(ErrorCode.ALREADY_COMPLETED, "Batch " + batchId.value()
                    + " was rejected or cancelled; nothing of it is paid. Submit a new batch");
        }
        if (changes) {
            apply(new BatchResubmitted(batchId, command.receivedCount(), command.added(), command.retried(),
                    command.rejected()));
        }
        return phase == BatchPhase.AWAITING_APPROVAL ? BatchStatus.AwaitingApproval
                : phase == BatchPhase.SCHEDULED ? BatchStatus.Scheduled : null;
    }

    /**
     * Lets a batch awaiting approval go: scheduled when its time is still to come, released otherwise. A repeat
     * (the batch was approved before) changes nothing. The credential that submitted it may not approve it.
     */
    @CommandHandler
    BatchStatus handle(ApproveBatch command, DeadlineManager deadlines) {
        requireIssuer(command.issuer());
        if (approved && phase != BatchPhase.STOPPED) {
            return phase == BatchPhase.SCHEDULED ? BatchStatus.Scheduled : BatchStatus.Processing;
        }
        requireAwaitingApproval("approved");
        if (command.approvedBy() != null && command.approvedBy().equals(submittedBy)) {
            throw new MassPayException(ErrorCode.APPROVAL_NOT_ALLOWED,
                    "The credential that submitted a batch may not approve it; another approver must");
        }
        Instant now = Instant.now();
        apply(new BatchApproved(batchId, command.approvedBy(), now));
        if (scheduledFor != null && scheduledFor.isAfter(now)) {
            apply(new BatchScheduled(batchId, scheduledFor));
            deadlines.schedule(scheduledFor, RELEASE);
            return BatchStatus.Scheduled;
        }
        apply(new BatchReleased(batchId, sourceWalletId));
        return BatchStatus.Processing;
    }

    /** Refuses a batch awaiting approval: its items fail CANCELLED in the same unit of work. A repeat changes nothing. */
    @CommandHandler
    BatchStatus handle(RejectBatch command, StoppedItems items) {
        requireIssuer(command.issuer());
        if (!(phase == BatchPhase.STOPPED && rejected)) {
            requireAwaitingApproval("rejected");
            apply(new BatchRejected(batchId, command.rejectedBy(), Instant.now(), command.reason()));
            items.cancelAll(batchId);
        }
        return BatchStatus.CompletedWithErrors;
    }

    /** Stops a batch that has not started: its items fail CANCELLED in the same unit of work. A repeat changes nothing. */
    @CommandHandler
    BatchStatus handle(CancelBatch command, StoppedItems items) {
        requireIssuer(command.issuer());
        if (!(phase == BatchPhase.STOPPED && !rejected)) {
            if (!phase.isHeld()) {
                throw new MassPayException(ErrorCode.BATCH_NOT_CANCELLABLE, "Batch " + batchId.value() + " "
                        + (phase == BatchPhase.STOPPED ? "was rejected" : "has started processing")
                        + "; only a Scheduled or AwaitingApproval batch can be cancelled");
            }
            apply(new BatchCancelled(batchId, command.cancelledBy(), Instant.now()));
            items.cancelAll(batchId);
        }
        return BatchStatus.CompletedWithErrors;
    }

    /** Records only final outcomes that are news: not a repeat, not about an older attempt than known. */
    @CommandHandler
    void handle(RecordItemOutcomes command) {
        Map<TransactionId, ItemOutcome> news = new LinkedHashMap<>();
        for (ItemOutcome outcome : command.outcomes()) {
            if (outcome.status().isFinal() && isNews(outcome)) {
                news.put(outcome.transactionId(), outcome);
            }
        }
        if (news.isEmpty()) {
            return;
        }
        apply(new BatchProgressed(batchId, List.copyOf(news.values())));
        if (!completed && count(null) == itemCount) {
            apply(completion());
        }
    }

    /** Its time came. A batch cancelled (or still awaiting approval) meanwhile stays as it is. */
    @DeadlineHandler(deadlineName = RELEASE)
    void release() {
        if (phase == BatchPhase.SCHEDULED) {
            apply(new BatchReleased(batchId, sourceWalletId));
        }
    }

    /** Another issuer's batch is as unknown as one that does not exist. */
    private void requireIssuer(IssuerAccountNumber caller) {
        if (!issuer.equals(caller)) {
            throw MassPayException.notFound("Batch");
        }
    }

    private void requireAwaitingApproval(String what) {
        if (phase != BatchPhase.AWAITING_APPROVAL) {
            throw new MassPayException(ErrorCode.BATCH_NOT_CANCELLABLE, "Batch " + batchId.value() + " cannot be "
                    + what + ": it is not awaiting approval (" + phase.describe() + ")");
        }
    }
}
