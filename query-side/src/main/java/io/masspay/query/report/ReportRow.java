package io.masspay.query.report;

import java.util.List;

/** One item attempt as the finance report lists it; {@link #COLUMNS} is the header, in order. */
record ReportRow(String batchId, String customerBatchId, String transactionId, String customerTransactionId,
                 int attemptNo, String recipientId, String sendMethodId, String amount, String currency,
                 String status, String errorCode, String startedAt, String finishedAt, String postingIds,
                 int position) {

    static final String[] COLUMNS = {"BatchId", "CustomerBatchId", "TransactionId", "CustomerTransactionId",
            "AttemptNo", "RecipientId", "SendMethodId", "Amount", "Currency", "Status", "ErrorCode", "StartedAt",
            "FinishedAt", "PostingIds"};

    List<Object> values() {
        return java.util.Arrays.asList(batchId, customerBatchId, transactionId, customerTransactionId, attemptNo,
                recipientId, sendMethodId, amount, currency, status, errorCode, startedAt, finishedAt, postingIds);
    }
}
