package io.masspay.cli.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.masspay.cli.api.MassPayClient;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Polls {@code GET /API/v4/Fund/BatchTransfer/{BatchId}} (one item per page: only the counts matter)
 * until the batch is final, drawing the progress bar after each answer.
 */
public final class BatchWatcher {

    private static final Map<String, String> COUNTS_ONLY = Map.of("PageSize", "1");

    private final MassPayClient client;
    private final ProgressBar bar;
    private final Duration interval;
    private final Duration timeout;
    private final LongSupplier nanoTime;
    private final String command;

    /**
     * {@code timeout} null waits as long as it takes: the batch goes on at the service anyway. {@code command}
     * is how the user runs the CLI, for the hint on a timeout.
     */
    public BatchWatcher(MassPayClient client, ProgressBar bar, Duration interval, Duration timeout,
                        LongSupplier nanoTime, String command) {
        this.command = command;
        this.client = client;
        this.bar = bar;
        this.interval = interval;
        this.timeout = timeout;
        this.nanoTime = nanoTime;
    }

    /**
     * The final status body. {@code startNanos} is when the clock for items/s started (the submission);
     * {@code acceptedItems} is how many items the submission set going (-1 if unknown: {@code status --wait}).
     */
    public JsonNode awaitFinal(String batchId, long startNanos, long acceptedItems) throws InterruptedException {
        long waitStarted = nanoTime.getAsLong();
        boolean firstPoll = true;
        while (true) {
            JsonNode status = client.status(batchId, COUNTS_ONLY);
            Progress progress = Progress.of(status).expecting(acceptedItems);
            Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - startNanos);
            if (progress.isFinal()) {
                if (!(firstPoll && acceptedItems == 0)) {
                    bar.finish(progress, elapsed); // a retry that set nothing going has no progress (nor rate) to show
                }
                return status;
            }
            firstPoll = false;
            bar.show(progress, elapsed);
            if (timeout != null && Duration.ofNanos(nanoTime.getAsLong() - waitStarted).compareTo(timeout) >= 0) {
                throw new WaitTimedOut(batchId, timeout, progress, command);
            }
            Thread.sleep(interval.toMillis());
        }
    }

    /** {@code --timeout} passed before the batch was final; the batch itself goes on. */
    public static final class WaitTimedOut extends RuntimeException {
        public WaitTimedOut(String batchId, Duration timeout, Progress last, String command) {
            super("batch " + batchId + " is still " + last.status() + " after " + timeout + " (" + last.done() + "/"
                    + last.total() + " final); it goes on at the service: " + command + " status " + batchId + " --wait");
        }
    }
}
