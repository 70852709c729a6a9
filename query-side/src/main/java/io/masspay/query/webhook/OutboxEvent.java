package io.masspay.query.webhook;

import io.masspay.kernel.batch.BatchStatus;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.payout.ItemStatus;

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
}
