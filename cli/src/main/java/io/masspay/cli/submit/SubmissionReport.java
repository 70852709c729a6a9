package io.masspay.cli.submit;

import com.fasterxml.jackson.databind.JsonNode;
import io.masspay.cli.text.Json;
import io.masspay.cli.text.Table;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The synchronous answer to a submission: what was accepted, what an earlier submission of the batch already
 * did, and the rejected items with their reasons, counted per code and listed up to a screenful.
 */
final class SubmissionReport {

    /** A retry names items that were paid before; they are done, not refused. */
    private static final String ALREADY_COMPLETED = "ALREADY_COMPLETED";
    /** Enough to act on from a terminal; the answer's JSON (or the status read) has every one. */
    static final int MAX_LISTED = 20;
    private static final int IDS_SHOWN = 3;

    private SubmissionReport() {
    }

    static void print(PrintWriter out, JsonNode answer) {
        List<JsonNode> done = new ArrayList<>();
        List<JsonNode> refused = new ArrayList<>();
        answer.path("Rejected").forEach(r -> (ALREADY_COMPLETED.equals(Json.text(r, "ErrorCode")) ? done : refused).add(r));
        String customerBatchId = Json.text(answer, "CustomerBatchId");
        out.printf(Locale.ROOT, "Batch %s%s: %,d received, %,d accepted%s, %,d rejected%n", Json.text(answer, "BatchId"),
                customerBatchId.isEmpty() ? "" : " (CustomerBatchId " + customerBatchId + ")",
                Json.number(answer, "ReceivedCount"), Json.number(answer, "AcceptedCount"),
                done.isEmpty() ? "" : String.format(Locale.ROOT, ", %,d already completed", done.size()), refused.size());
        if (!done.isEmpty()) {
            StringJoiner ids = new StringJoiner(", ");
            done.stream().limit(IDS_SHOWN).forEach(r -> ids.add(Json.text(r, "CustomerTransactionId")));
            out.printf(Locale.ROOT, "Already completed by an earlier submission of this batch (not paid again): %,d "
                    + "item(s), e.g. %s%s%n", done.size(), ids, done.size() > IDS_SHOWN ? ", ..." : "");
        }
        if (!refused.isEmpty()) {
            printRefused(out, refused);
        }
        out.flush();
    }

    /** The rejected items of an answer that will not be paid, if any (a dry run's report shows them too). */
    static void printRefused(PrintWriter out, JsonNode answer) {
        List<JsonNode> refused = new ArrayList<>();
        answer.path("Rejected").forEach(r -> {
            if (!ALREADY_COMPLETED.equals(Json.text(r, "ErrorCode"))) {
                refused.add(r);
            }
        });
        if (!refused.isEmpty()) {
            printRefused(out, refused);
        }
    }

    private static void printRefused(PrintWriter out, List<JsonNode> refused) {
        Map<String, Integer> perCode = new TreeMap<>();
        refused.forEach(r -> perCode.merge(Json.text(r, "ErrorCode"), 1, Integer::sum));
        StringJoiner counts = new StringJoiner(", ");
        perCode.forEach((code, n) -> counts.add(String.format(Locale.ROOT, "%s %,d", code, n)));
        out.println("Rejected items: " + counts);
        Table table = Table.withHeaders("CustomerTransactionId", "Field", "ErrorCode", "Message");
        refused.stream().limit(MAX_LISTED).forEach(r -> table.row(Json.text(r, "CustomerTransactionId"),
                Json.text(r, "Field"), Json.text(r, "ErrorCode"), Json.text(r, "Message")));
        table.print(out, "  ");
        if (refused.size() > MAX_LISTED) {
            out.printf(Locale.ROOT, "  ... and %,d more%n", refused.size() - MAX_LISTED);
        }
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
