package io.masspay.query.status;

import java.util.List;
import java.util.Map;

/** The body of {@code GET /API/v4/Fund/BatchTransfer/{BatchId}} (API.md section 4). */
record BatchStatusView(String batchId, String customerBatchId, String issuerAccountNumber, String sourceWalletId,
                       String currency, String status, String createdAt, String completedAt, int receivedCount,
                       int acceptedCount, int rejectedCount, Map<String, Long> counts, String totalAmount,
                       String successAmount, int page, int pageSize, long totalItems, List<ItemView> items) {

    record ItemView(String transactionId, String customerTransactionId, String recipientId, String sendMethodId,
                    String amount, String currency, String status, String errorCode, int attemptNo, String walletId,
                    String updatedAt) {
    }
}
