package io.masspay.cli.read;

import io.masspay.cli.ApiCommand;
import io.masspay.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;


/** {@code masspay report BATCH_ID > report.csv}: GET .../BatchTransfer/{BatchId}/Report.csv, streamed to stdout. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the batch's finance report (CSV, one row per item attempt) to stdout.")
public final class ReportCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "BATCH_ID", description = "The BatchId (bt_...).")
    String batchId;

    @Override
    public Integer call() throws Exception {
        client().report(batchId, out());
        return ExitCode.OK;
    }
}
