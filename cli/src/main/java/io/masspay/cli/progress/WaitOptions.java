package io.masspay.cli.progress;

import io.masspay.cli.api.MassPayClient;
import io.masspay.cli.text.DurationConverter;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;

/** {@code --wait} and how to wait: shared by submit and status. */
public final class WaitOptions {

    /** A plain (non-terminal) progress line at most this often: a CI log gets a line per few seconds. */
    static final Duration PLAIN_LINE_EVERY = Duration.ofSeconds(2);

    @Option(names = "--wait", description = "Follow the batch with a progress bar until it is final, then print a "
            + "summary; exit 0 only if every item succeeded, else 1.")
    boolean wait;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "500ms",
            converter = DurationConverter.class, description = "With --wait: time between status polls (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --wait: give up waiting after this long (exit 7); the batch goes on. Default: no limit.")
    Duration timeout;

    public boolean enabled() {
        return wait;
    }

    public BatchWatcher watcher(MassPayClient client, PrintWriter out, boolean interactive,
                                java.util.function.LongSupplier nanoTime, String command) {
        return new BatchWatcher(client, new ProgressBar(out, interactive, PLAIN_LINE_EVERY), interval, timeout, nanoTime,
                command);
    }
}
