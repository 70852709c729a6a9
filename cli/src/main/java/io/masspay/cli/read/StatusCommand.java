package io.masspay.cli.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.masspay.cli.ApiCommand;
import io.masspay.cli.ExitCode;
import io.masspay.cli.api.MassPayClient;
import io.masspay.cli.progress.Progress;
import io.masspay.cli.progress.Summary;
import io.masspay.cli.progress.WaitOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code masspay status BATCH_ID}: GET /API/v4/Fund/BatchTransfer/{BatchId}. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show a batch: status, counts, amounts and a page of its items. With --wait, follow it "
                + "until it is final first.")
public final class StatusCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "BATCH_ID", description = "The BatchId from the submission (bt_...).")
    String batchId;

    @Option(names = "--item-status", paramLabel = "STATUS",
            description = "Only items with this Status: Processing, Success, Failed or RetainedInWallet.")
    String itemStatus;

    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Page of items, from 1.")
    int page;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "100", description = "Items per page, 1..1000 (default ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--json", description = "Print the API's JSON answer instead of the table.")
    boolean json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() throws Exception {
        MassPayClient client = client();
        var out = out();
        if (waiting.enabled()) {
            long started = root.nanoTime().getAsLong();
            JsonNode status = waiting.watcher(client, out, root.interactive(), root.nanoTime(), command())
                    .awaitFinal(batchId, started, -1);
            Summary.print(out, status, Duration.ofNanos(root.nanoTime().getAsLong() - started), -1, command(), client);
            return Progress.of(status).allSucceeded() ? ExitCode.OK : ExitCode.NOT_ALL_SUCCEEDED;
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (itemStatus != null) {
            query.put("Status", itemStatus);
        }
        query.put("Page", String.valueOf(page));
        query.put("PageSize", String.valueOf(pageSize));
        JsonNode status = client.status(batchId, query);
        if (json) {
            JsonOutput.print(out, status);
        } else {
            BatchView.print(out, status);
        }
        out.flush();
        return ExitCode.OK;
    }
}
