package io.masspay.cli.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.masspay.cli.api.MassPayClient;
import io.masspay.cli.text.Json;
import io.masspay.cli.text.Table;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a finished batch came to: counts by status, money paid, and the items that need a look. */
public final class Summary {

    /** Enough to act on from a terminal; the report has every row. */
    static final int MAX_LISTED = 20;

    private Summary() {
    }

    /**
     * {@code moved} is how many items this run set going (a submission's AcceptedCount), or -1 when it set none
     * going itself ({@code status --wait}); {@code command} is how the user runs the CLI, for the hints.
     */
    public static void print(PrintWriter out, JsonNode status, Duration elapsed, long moved, String command,
                             MassPayClient client) throws InterruptedException {
        Progress p = Progress.of(status);
        String batchId = Json.text(status, "BatchId");
        out.println();
        if (moved == 0) {
            // a retry of a finished batch: a rate over items an earlier run paid would be a made-up figure
            out.printf(Locale.ROOT, "Batch %s %s: nothing to do, all %,d items were already final (nothing paid twice)%n",
                    batchId, p.status(), p.total());
        } else {
            out.printf(Locale.ROOT, "Batch %s %s in %.1f s (%s items/s)%n", batchId, p.status(),
                    elapsed.toMillis() / 1000.0, ProgressBar.rate(moved > 0 ? moved : p.done(), elapsed));
        }
        Table counts = Table.withHeaders("Status", "Items")
                .row("Success", p.success())
                .row("Failed", p.failed())
                .row("RetainedInWallet", p.retained());
        long rejected = Json.number(status, "RejectedCount");
        if (rejected > 0) {
            counts.row("Rejected at submission", rejected);
        }
        counts.row("Total", p.total() + rejected).print(out, "  ");
        String currency = Json.text(status, "Currency");
        out.printf("  Paid %s of %s %s%n", Json.text(status, "SuccessAmount"), Json.text(status, "TotalAmount"), currency);
        if (!p.allSucceeded()) {
            printUnsuccessful(out, client, batchId, p, command);
        }
        out.println("Report: " + command + " report " + batchId + " > report.csv");
        out.flush();
    }

    private static void printUnsuccessful(PrintWriter out, MassPayClient client, String batchId, Progress p,
                                          String command) throws InterruptedException {
        out.println("Items that did not succeed:");
        Table table = Table.withHeaders("CustomerTransactionId", "TransactionId", "Amount", "Status", "ErrorCode");
        for (String status : List.of("Failed", "RetainedInWallet")) {
            JsonNode page = client.status(batchId, Map.of("Status", status, "PageSize", String.valueOf(MAX_LISTED)));
            for (JsonNode item : page.path("Items")) {
                if (table.rowCount() < MAX_LISTED) {
                    table.row(Json.text(item, "CustomerTransactionId"), Json.text(item, "TransactionId"),
                            Json.text(item, "Amount"), Json.text(item, "Status"), Json.text(item, "ErrorCode"));
                }
            }
        }
        table.print(out, "  ");
        long unsuccessful = p.failed() + p.retained();
        if (unsuccessful > table.rowCount()) {
            out.printf("  ... and %d more: %s status %s --item-status RetainedInWallet (or Failed)%n",
                    unsuccessful - table.rowCount(), command, batchId);
        }
    }
}
