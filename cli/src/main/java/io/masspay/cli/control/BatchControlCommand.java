package io.masspay.cli.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.masspay.cli.ApiCommand;
import io.masspay.cli.ExitCode;
import io.masspay.cli.text.Json;
import picocli.CommandLine.Parameters;

/**
 * What {@code approve}, {@code reject} and {@code cancel} share (API.md section 11): one POST to
 * {@code .../BatchTransfer/{BatchId}/{Action}} and the batch's status after it, in one line a script can read.
 * A refusal (403, 404, 409) goes to stderr with its exit code, as for every other command.
 */
abstract class BatchControlCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "BATCH_ID", description = "The BatchId from the submission (bt_...).")
    String batchId;

    /** The last segment of the path: {@code Approve}, {@code Reject} or {@code Cancel}. */
    abstract String action();

    /** What the call did, as the printed line says it: approved, rejected, cancelled. */
    abstract String outcome();

    /** The reason sent as the body's {@code Reason}; null sends no body. */
    String reason() {
        return null;
    }

    @Override
    public Integer call() throws Exception {
        JsonNode answer = client().control(batchId, action(), reason());
        out().println("Batch " + Json.text(answer, "BatchId") + " " + outcome() + ": " + Json.text(answer, "Status"));
        out().flush();
        return ExitCode.OK;
    }
}
