package io.masspay.command.batch;

import io.masspay.command.batch.intake.BatchRequest;
import io.masspay.kernel.ids.IssuerAccountNumber;

/** Submit a batch on behalf of {@code caller}; the handler reviews, claims and creates it in one unit of work. */
public record SubmitBatch(IssuerAccountNumber caller, BatchRequest request) {
}
