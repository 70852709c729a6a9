package io.masspay.cli.submit;

import com.fasterxml.jackson.databind.JsonNode;
import io.masspay.cli.text.Json;
import io.masspay.cli.text.Table;

import java.io.PrintWriter;

/** The synchronous answer to a submission: what was accepted, and each rejected item with its reason. */
final class SubmissionReport {

    /** A retry names items that were paid before; they are done, not refused. */
    private static final String ALREADY_COMPLETED = "ALREADY_COMPLETED";

    private SubmissionReport() {
    }

    static void print(PrintWriter out, JsonNode answer) {
        String customerBatchId = Json.text(answer, "CustomerBatchId");
        out.printf("Batch %s%s: %d received, %d accepted, %d rejected%n", Json.text(answer, "BatchId"),
                customerBatchId.isEmpty() ? "" : " (CustomerBatchId " + customerBatchId + ")",
                Json.number(answer, "ReceivedCount"), Json.number(answer, "AcceptedCount"),
                answer.path("Rejected").size());
        if (answer.path("Rejected").size() > 0) {
            out.println("Rejected items:");
            Table table = Table.withHeaders("CustomerTransactionId", "Field", "ErrorCode", "Message");
            for (JsonNode r : answer.path("Rejected")) {
                table.row(Json.text(r, "CustomerTransactionId"), Json.text(r, "Field"), Json.text(r, "ErrorCode"),
                        Json.text(r, "Message"));
            }
            table.print(out, "  ");
        }
        out.flush();
    }

    /** Rejections that mean an item will not be paid by this batch (ALREADY_COMPLETED ones were paid before). */
    static long refused(JsonNode answer) {
        long refused = 0;
        for (JsonNode r : answer.path("Rejected")) {
            if (!ALREADY_COMPLETED.equals(Json.text(r, "ErrorCode"))) {
                refused++;
            }
        }
        return refused;
    }
}
