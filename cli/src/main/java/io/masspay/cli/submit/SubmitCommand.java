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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code masspay submit batch.json|batch.csv [--wait] [--dry-run] [--at INSTANT]}: POST /API/v4/Fund/BatchTransfer. */
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

    @Option(names = "--dry-run", description = "Only forecast: the service validates the batch as a submission "
            + "and answers each item's forecast against the wallet's balance now; nothing is submitted. Prints the "
            + "totals per forecast outcome; exit 0 only if every item is accepted and forecast Success, else 1.")
    boolean dryRun;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Schedule the batch: its money moves at this "
            + "ISO-8601 instant (2026-12-01T09:00:00Z; an offset is converted to UTC), sent as ScheduledFor (in the JSON envelope, or as a "
            + "query parameter of a CSV upload).")
    String at;

    @Mixin
    WaitOptions waiting;

    @Mixin
    CsvEnvelope envelope;

    @Override
    public Integer call() throws InterruptedException {
        if (dryRun && waiting.enabled()) {
            throw new ParameterException(spec.commandLine(), "--dry-run submits nothing, so there is nothing to --wait for");
        }
        BatchFile batch = readBatch();
        Map<String, String> query = new LinkedHashMap<>(envelopeFor(batch.format()));
        byte[] body = schedule(batch, query);
        if (dryRun) {
            query.put("DryRun", "true");
        }
        MassPayClient client = client();
        PrintWriter out = out();

        long started = root.nanoTime().getAsLong();
        JsonNode answer = client.submit(body, batch.format().contentType(), query).body();
        if (dryRun) {
            DryRunReport.print(out, answer);
            return DryRunReport.allForecastToSucceed(answer) ? ExitCode.OK : ExitCode.NOT_ALL_SUCCEEDED;
        }
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

    /** {@code --at}: a query parameter of a CSV upload, a field of a JSON envelope; the body as it goes out. */
    private byte[] schedule(BatchFile batch, Map<String, String> query) {
        if (at == null) {
            return batch.content();
        }
        try {
            Instant when = ScheduledFor.parse(at);
            if (batch.format() == BatchFormat.CSV) {
                query.put(ScheduledFor.FIELD, when.toString());
                return batch.content();
            }
            return ScheduledFor.into(batch.content(), when);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
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
