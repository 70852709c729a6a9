package io.masspay.command.batch.intake;

import io.masspay.kernel.error.FieldError;

import java.util.List;

/**
 * A submission as read from the wire (a JSON body or a CSV upload, see {@code paths}); {@code envelopeErrors}
 * are problems that refuse it whole.
 */
public record BatchRequest(String issuerAccountNumber, String sourceWalletId, String customerBatchId,
                           List<ItemRequest> items, List<FieldError> envelopeErrors, ItemPaths paths) {

    public BatchRequest {
        items = List.copyOf(items);
        envelopeErrors = List.copyOf(envelopeErrors);
    }

    /** A JSON submission. */
    public BatchRequest(String issuerAccountNumber, String sourceWalletId, String customerBatchId,
                        List<ItemRequest> items, List<FieldError> envelopeErrors) {
        this(issuerAccountNumber, sourceWalletId, customerBatchId, items, envelopeErrors, ItemPaths.JSON);
    }
}
