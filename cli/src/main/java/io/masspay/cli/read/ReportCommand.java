package io.masspay.cli.read;

import io.masspay.cli.ExitCode;
import io.masspay.cli.MassPayCli;
import io.masspay.cli.api.ConnectionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code masspay report BATCH_ID > report.csv}: GET .../BatchTransfer/{BatchId}/Report.csv, streamed to stdout. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the batch's finance report (CSV, one row per item attempt) to stdout.")
public final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    MassPayCli root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BATCH_ID", description = "The BatchId (bt_...).")
    String batchId;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        root.client(connection, spec.commandLine()).report(batchId, spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
