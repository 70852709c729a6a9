package io.masspay.command.batch.intake;

import io.masspay.kernel.error.FieldError;

import java.util.List;

/** A submission as read from the wire; {@code envelopeErrors} are problems that refuse it whole. */
public record BatchRequest(String issuerAccountNumber, String sourceWalletId, String customerBatchId,
                           List<ItemRequest> items, List<FieldError> envelopeErrors) {

    public BatchRequest {
        items = List.copyOf(items);
        envelopeErrors = List.copyOf(envelopeErrors);
    }
}
