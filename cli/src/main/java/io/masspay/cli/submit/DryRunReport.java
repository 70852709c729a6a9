package io.masspay.cli.submit;

import com.fasterxml.jackson.databind.JsonNode;
import io.masspay.cli.text.Json;
import io.masspay.cli.text.Table;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answer to {@code submit --dry-run} (API.md section 11): one line per forecast outcome with its items and
 * money, the balance before and after, and the items not forecast to succeed up to a screenful; never one line
 * per item of a 5,000-item batch.
 */
final class DryRunReport {

    private static final List<String> OUTCOMES = List.of("Success", "RetainedInWallet", "Failed");

    private DryRunReport() {
    }

    static void print(PrintWriter out, JsonNode answer) {
        JsonNode totals = answer.path("ForecastTotals");
        String currency = Json.text(totals, "Currency");
        out.printf(Locale.ROOT, "Dry run, nothing was submitted: %,d received, %,d accepted, %,d rejected%n",
                Json.number(answer, "ReceivedCount"), Json.number(answer, "AcceptedCount"),
                answer.path("Rejected").size());
        out.printf(Locale.ROOT, "Forecast from the source wallet's balance of %s %s:%n", Json.text(totals, "Balance"),
                currency);
        Table table = Table.withHeaders("Forecast", "Items", "Amount");
        OUTCOMES.forEach(o -> table.row(o, Json.number(totals.path(o), "Count"), Json.text(totals.path(o), "Amount")));
        table.print(out, "  ");
        out.printf(Locale.ROOT, "  Balance after: %s %s%n", Json.text(totals, "BalanceAfter"), currency);
        SubmissionReport.printRefused(out, answer);
        printNotSucceeding(out, answer);
        if (!Json.text(answer, "Note").isEmpty()) {
            out.println("Note: " + Json.text(answer, "Note"));
        }
        out.flush();
    }

    private static void printNotSucceeding(PrintWriter out, JsonNode answer) {
        List<JsonNode> notSucceeding = notSucceeding(answer);
        if (notSucceeding.isEmpty()) {
            return;
        }
        out.println("Items not forecast to succeed:");
        Table table = Table.withHeaders("CustomerTransactionId", "Forecast", "ErrorCode");
        notSucceeding.stream().limit(SubmissionReport.MAX_LISTED).forEach(a -> table.row(
                Json.text(a, "CustomerTransactionId"), Json.text(a, "Forecast"), Json.text(a, "ForecastErrorCode")));
        table.print(out, "  ");
        if (notSucceeding.size() > SubmissionReport.MAX_LISTED) {
            out.printf(Locale.ROOT, "  ... and %,d more%n", notSucceeding.size() - SubmissionReport.MAX_LISTED);
        }
    }

    /** Items a retried batch already holds have no forecast (null): they are not counted as failing. */
    private static List<JsonNode> notSucceeding(JsonNode answer) {
        List<JsonNode> items = new ArrayList<>();
        answer.path("Accepted").forEach(a -> {
            String forecast = Json.text(a, "Forecast");
            if (!forecast.isEmpty() && !"Success".equals(forecast)) {
                items.add(a);
            }
        });
        return items;
    }

    /** Exit 0 only when every item would be accepted and forecast to succeed, so a script can gate the real run. */
    static boolean allForecastToSucceed(JsonNode answer) {
        return SubmissionReport.refused(answer) == 0 && notSucceeding(answer).isEmpty();
    }
}
