package io.masspay.cli.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.masspay.cli.ApiCommand;
import io.masspay.cli.ExitCode;
import io.masspay.cli.text.Json;
import io.masspay.cli.text.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

/** {@code masspay history BATCH_ID TX_ID}: GET .../BatchTransfer/{BatchId}/Items/{CustomerTransactionId}/History. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show every attempt of one item, with its outcome and the time of each step.")
public final class HistoryCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "BATCH_ID", description = "The BatchId (bt_...).")
    String batchId;

    @Parameters(index = "1", paramLabel = "TX_ID", description = "The item's CustomerTransactionId, as in the batch file.")
    String customerTransactionId;

    @Option(names = "--json", description = "Print the API's JSON answer instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        JsonNode history = client().history(batchId, customerTransactionId);
        PrintWriter out = out();
        if (json) {
            JsonOutput.print(out, history);
        } else {
            print(out, history);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, JsonNode h) {
        out.println("Item " + Json.text(h, "CustomerTransactionId") + " (" + Json.text(h, "TransactionId") + "): "
                + Json.text(h, "Status"));
        for (JsonNode attempt : h.path("Attempts")) {
            String error = Json.text(attempt, "ErrorCode");
            out.println();
            out.println("Attempt " + Json.text(attempt, "AttemptNo") + ": " + Json.text(attempt, "Status")
                    + (error.isEmpty() ? "" : " " + error) + "  started " + Json.text(attempt, "StartedAt")
                    + (Json.text(attempt, "FinishedAt").isEmpty() ? "" : "  finished " + Json.text(attempt, "FinishedAt")));
            Table steps = Table.withHeaders("Step", "At");
            attempt.path("Steps").forEach(step -> steps.row(Json.text(step, "Step"), Json.text(step, "At")));
            steps.print(out, "  ");
        }
    }
}
