package io.masspay.command.batch.intake;

import io.masspay.kernel.error.FieldError;

import java.util.List;

/**
 * A submission as read from the wire (a JSON body or a CSV upload, see {@code paths}); {@code envelopeErrors}
 * are problems that refuse it whole. {@code itemCount} is how many items the body holds: a reader keeps at
 * most the issuer's limit of them in {@code items} and only counts the rest (ADR 0015), so a body far over the
 * limit is refused without building an item for each of its entries. {@code cutShort}: the reader stopped
 * reading once there were more items than any issuer may send, so {@code itemCount} is only a lower bound and
 * the rest of the body (envelope fields after Items included) was never read. {@code scheduledFor} is the
 * envelope's ScheduledFor as sent (null when absent), checked by the review.
 */
public record BatchRequest(String issuerAccountNumber, String sourceWalletId, String customerBatchId,
                           List<ItemRequest> items, List<FieldError> envelopeErrors, ItemPaths paths, int itemCount,
                           boolean cutShort, String scheduledFor) {

    public BatchRequest {
        items = List.copyOf(items);
        envelopeErrors = List.copyOf(envelopeErrors);
    }

    /** Not scheduled. */
    public BatchRequest(String issuerAccountNumber, String sourceWalletId, String customerBatchId,
                        List<ItemRequest> items, List<FieldError> envelopeErrors, ItemPaths paths, int itemCount,
                        boolean cutShort) {
        this(issuerAccountNumber, sourceWalletId, customerBatchId, items, envelopeErrors, paths, itemCount, cutShort,
                null);
    }

    public BatchRequest withScheduledFor(String at) {
        return new BatchRequest(issuerAccountNumber, sourceWalletId, customerBatchId, items, envelopeErrors, paths,
                itemCount, cutShort, at);
    }

    /** Every item kept. */
    public BatchRequest(String issuerAccountNumber, String sourceWalletId, String customerBatchId,
                        List<ItemRequest> items, List<FieldError> envelopeErrors, ItemPaths paths) {
        this(issuerAccountNumber, sourceWalletId, customerBatchId, items, envelopeErrors, paths, items.size(), false);
    }

    /** A JSON submission, every item kept. */
    public BatchRequest(String issuerAccountNumber, String sourceWalletId, String customerBatchId,
                        List<ItemRequest> items, List<FieldError> envelopeErrors) {
        this(issuerAccountNumber, sourceWalletId, customerBatchId, items, envelopeErrors, ItemPaths.JSON);
    }
}
