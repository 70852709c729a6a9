package io.masspay.command.batch;

import io.masspay.command.batch.intake.BatchRequest;
import io.masspay.kernel.ids.IssuerAccountNumber;

/**
 * Submit a batch on behalf of {@code caller}; the handler reviews, claims and creates it in one unit of work.
 * {@code credentialId} names the credential that sent it: it may not approve the batch (API.md section 11).
 */
public record SubmitBatch(IssuerAccountNumber caller, BatchRequest request, String credentialId) {

    public SubmitBatch(IssuerAccountNumber caller, BatchRequest request) {
        this(caller, request, null);
    }
}
