package io.masspay.cli.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.masspay.cli.progress.Progress;
import io.masspay.cli.text.Json;
import io.masspay.cli.text.Table;

import java.io.PrintWriter;

/** A batch status body as a person reads it: the header facts, then one page of items. */
final class BatchView {

    private BatchView() {
    }

    static void print(PrintWriter out, JsonNode s) {
        Progress p = Progress.of(s);
        String customer = Json.text(s, "CustomerBatchId");
        out.println("Batch     " + Json.text(s, "BatchId") + (customer.isEmpty() ? "" : "  (CustomerBatchId " + customer + ")"));
        out.println("Status    " + p.status());
        out.println("Issuer    " + Json.text(s, "IssuerAccountNumber") + "  wallet " + Json.text(s, "SourceWalletId"));
        String completed = Json.text(s, "CompletedAt");
        out.println("Created   " + Json.text(s, "CreatedAt") + (completed.isEmpty() ? "" : "  completed " + completed));
        out.printf("Items     %d received, %d accepted, %d rejected%n", Json.number(s, "ReceivedCount"),
                Json.number(s, "AcceptedCount"), Json.number(s, "RejectedCount"));
        out.printf("Counts    Processing %d  Success %d  Failed %d  RetainedInWallet %d%n", p.processing(), p.success(),
                p.failed(), p.retained());
        out.printf("Amount    paid %s of %s %s%n", Json.text(s, "SuccessAmount"), Json.text(s, "TotalAmount"),
                Json.text(s, "Currency"));
        JsonNode items = s.path("Items");
        if (items.isEmpty()) {
            return;
        }
        out.println();
        Table table = Table.withHeaders("CustomerTransactionId", "TransactionId", "RecipientId", "SendMethodId",
                "Amount", "Status", "ErrorCode", "AttemptNo");
        for (JsonNode i : items) {
            table.row(Json.text(i, "CustomerTransactionId"), Json.text(i, "TransactionId"), Json.text(i, "RecipientId"),
                    Json.text(i, "SendMethodId"), Json.text(i, "Amount"), Json.text(i, "Status"),
                    Json.text(i, "ErrorCode"), Json.text(i, "AttemptNo"));
        }
        table.print(out, "");
        long totalItems = Json.number(s, "TotalItems");
        long pageSize = Math.max(1, Json.number(s, "PageSize"));
        long pages = Math.max(1, (totalItems + pageSize - 1) / pageSize);
        out.printf("Page %d of %d (%d items%s)%n", Json.number(s, "Page"), pages, totalItems,
                pages > 1 ? "; more with --page" : "");
    }
}
