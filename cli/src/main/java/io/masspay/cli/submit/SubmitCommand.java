package io.masspay.cli.submit;

import com.fasterxml.jackson.databind.JsonNode;
import io.masspay.cli.ApiCommand;
import io.masspay.cli.ExitCode;
import io.masspay.cli.api.MassPayClient;
import io.masspay.cli.progress.Progress;
import io.masspay.cli.progress.Summary;
import io.masspay.cli.progress.WaitOptions;
import io.masspay.cli.text.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Map;

/** {@code masspay submit batch.json|batch.csv [--wait]}: POST /API/v4/Fund/BatchTransfer. */
@Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Submit a batch of payouts from a JSON file (the API's request body) or a CSV file "
                + "(a header row of item fields, Destination fields as Destination.<Field> columns; the envelope "
                + "comes from the CSV-only options).",
                "Prints what was accepted and rejected; with --wait, follows the batch until it is final."})
public final class SubmitCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "batch.json or batch.csv; '-' reads stdin (with --format).")
    String file;

    @Option(names = "--format", paramLabel = "json|csv", description = "Body format when the file name does not say.")
    BatchFormat format;

    @Mixin
    WaitOptions waiting;

    @Mixin
    CsvEnvelope envelope;

    @Override
    public Integer call() throws InterruptedException {
        BatchFile batch = readBatch();
        Map<String, String> query = envelopeFor(batch.format());
        MassPayClient client = client();
        PrintWriter out = out();

        long started = root.nanoTime().getAsLong();
        JsonNode answer = client.submit(batch.content(), batch.format().contentType(), query).body();
        SubmissionReport.print(out, answer);
        long refused = SubmissionReport.refused(answer);
        if (!waiting.enabled()) {
            return refused == 0 ? ExitCode.OK : ExitCode.NOT_ALL_SUCCEEDED;
        }
        String batchId = Json.text(answer, "BatchId");
        long accepted = Json.number(answer, "AcceptedCount");
        JsonNode status = waiting.watcher(client, out, root.interactive(), root.nanoTime(), command())
                .awaitFinal(batchId, started, accepted);
        Summary.print(out, status, Duration.ofNanos(root.nanoTime().getAsLong() - started), accepted, command(), client);
        return refused == 0 && Progress.of(status).allSucceeded() ? ExitCode.OK : ExitCode.NOT_ALL_SUCCEEDED;
    }

    private BatchFile readBatch() {
        try {
            return BatchFile.read(file, format, root.stdin());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "No such file: " + file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + file + ": " + e.getMessage());
        }
    }

    private Map<String, String> envelopeFor(BatchFormat bodyFormat) {
        if (bodyFormat == BatchFormat.JSON) {
            if (envelope.anySet()) {
                throw new ParameterException(spec.commandLine(), "The envelope options are for CSV files; a JSON "
                        + "batch carries IssuerAccountNumber, SourceWalletId and CustomerBatchId in its body");
            }
            return Map.of();
        }
        if (!envelope.missingForCsv().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "A CSV batch needs its envelope: missing "
                    + String.join(" and ", envelope.missingForCsv()));
        }
        return envelope.queryParameters();
    }
}
