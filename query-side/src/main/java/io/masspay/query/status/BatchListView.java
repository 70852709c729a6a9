package io.masspay.query.status;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /API/v4/Fund/BatchTransfer} without a CustomerBatchId: one page of the caller's
 * batches, newest first. Each row carries the batch-level fields of the status read, without items.
 */
record BatchListView(int page, int pageSize, long totalItems, List<BatchSummary> items) {

    record BatchSummary(String batchId, String customerBatchId, String sourceWalletId, String currency, String status,
                        String createdAt, String completedAt, int receivedCount, int acceptedCount, int rejectedCount,
                        Map<String, Long> counts, String totalAmount, String successAmount) {
    }
}
