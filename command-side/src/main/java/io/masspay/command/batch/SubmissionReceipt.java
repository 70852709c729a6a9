package io.masspay.command.batch;

import io.masspay.kernel.error.ErrorCode;

import java.util.List;

/** The 202 (or 200) body of API.md section 2. */
record SubmissionReceipt(String batchId, String customerBatchId, String status, int receivedCount, int acceptedCount,
                         List<Accepted> accepted, List<Rejected> rejected) {

    record Accepted(String customerTransactionId, String transactionId, String recipientId, String status,
                    int attemptNo) {
    }

    record Rejected(String customerTransactionId, ErrorCode errorCode, String field, String message) {
    }

    static SubmissionReceipt of(SubmissionOutcome outcome) {
        return new SubmissionReceipt(outcome.batchId().value(), outcome.customerBatchId(),
                outcome.nothingLeftToDo() ? "Completed" : outcome.hold() != null ? outcome.hold().name() : "Processing",
                outcome.receivedCount(),
                outcome.accepted().size(),
                outcome.accepted().stream().map(a -> new Accepted(a.customerTransactionId(), a.transactionId().value(),
                        a.recipientId().value(), "Processing", a.attemptNo())).toList(),
                outcome.rejected().stream().map(r -> new Rejected(r.customerTransactionId(), r.errorCode(), r.field(),
                        r.message())).toList());
    }
}
