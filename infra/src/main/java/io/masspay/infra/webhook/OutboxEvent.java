package io.masspay.infra.webhook;

import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.transaction.ItemStatus;

import java.time.Instant;

/**
 * A webhook event about to enter the outbox, still without the facts (issuer, ids, amount) that other
 * events brought. {@code sourceEventId} is the domain event's identifier: the webhook's EventId is
 * derived from it, so a redelivered domain event yields the same EventId.
 */
sealed interface OutboxEvent {

    String sourceEventId();

    Instant at();

    String batchId();

    String type();

    record BatchStarted(String sourceEventId, Instant at, String batchId, int acceptedCount) implements OutboxEvent {
        @Override
        public String type() {
            return "Batch.Started";
        }
    }

    record ItemFinished(String sourceEventId, Instant at, String batchId, String transactionId, int attemptNo,
                        ItemStatus status, ErrorCode errorCode) implements OutboxEvent {
        @Override
        public String type() {
            if (errorCode == ErrorCode.PAYOUT_RETURNED) {
                return "Batch.Item.Returned";
            }
            return status == ItemStatus.Success ? "Batch.Item.Completed" : "Batch.Item.Failed";
        }
    }

    record BatchFinished(String sourceEventId, Instant at, String batchId, BatchStatus status, int succeeded,
                         int failed, int retainedInWallet) implements OutboxEvent {
        @Override
        public String type() {
            return "Batch.Completed";
        }
    }

    /**
     * A decision about a batch before its money moved (API.md section 11): it awaits approval, or an approver
     * rejected it, or its issuer cancelled it. {@code reason} is the approver's, for a rejection.
     */
    record BatchDecided(String sourceEventId, Instant at, String batchId, String type, String status, String reason)
            implements OutboxEvent {

        static BatchDecided awaitingApproval(String sourceEventId, Instant at, String batchId) {
            return new BatchDecided(sourceEventId, at, batchId, "Batch.AwaitingApproval", "AwaitingApproval", null);
        }

        static BatchDecided rejected(String sourceEventId, Instant at, String batchId, String reason) {
            return new BatchDecided(sourceEventId, at, batchId, "Batch.Rejected", "CompletedWithErrors", reason);
        }

        static BatchDecided cancelled(String sourceEventId, Instant at, String batchId) {
            return new BatchDecided(sourceEventId, at, batchId, "Batch.Cancelled", "CompletedWithErrors", null);
        }
    }
}
