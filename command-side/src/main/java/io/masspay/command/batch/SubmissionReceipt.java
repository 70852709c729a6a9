package io.masspay.command.batch;

import io.masspay.command.batch.intake.Intake;
import io.masspay.kernel.error.ErrorCode;

import java.util.List;

/** The 202 body of API.md section 2. */
record SubmissionReceipt(String batchId, String customerBatchId, String status, int receivedCount, int acceptedCount,
                         List<Accepted> accepted, List<Rejected> rejected) {

    record Accepted(String customerTransactionId, String transactionId, String recipientId, String status,
                    int attemptNo) {
    }

    record Rejected(String customerTransactionId, ErrorCode errorCode, String field, String message) {
    }

    static SubmissionReceipt of(Intake intake) {
        return new SubmissionReceipt(intake.batchId().value(), intake.customerBatchId(), "Processing",
                intake.receivedCount(), intake.accepted().size(),
                intake.accepted().stream().map(i -> new Accepted(i.customerTransactionId(), i.transactionId().value(),
                        i.recipientId().value(), "Processing", 1)).toList(),
                intake.rejected().stream().map(r -> new Rejected(r.customerTransactionId(), r.errorCode(), r.field(),
                        r.message())).toList());
    }
}
