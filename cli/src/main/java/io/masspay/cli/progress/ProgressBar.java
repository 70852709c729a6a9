package io.masspay.cli.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * One line of progress. On a terminal it is redrawn in place with a carriage return; into a file or a
 * CI log (no terminal) it becomes a plain line at most every {@code plainEvery}, so logs stay short.
 */
public final class ProgressBar {

    static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean interactive;
    private final Duration plainEvery;
    private Duration lastPlain;
    private int lastLength;

    public ProgressBar(PrintWriter out, boolean interactive, Duration plainEvery) {
        this.out = out;
        this.interactive = interactive;
        this.plainEvery = plainEvery;
    }

    /** {@code elapsed} counts from the submission, so items/s is the batch's end-to-end rate. */
    public void show(Progress progress, Duration elapsed) {
        String line = line(progress, elapsed);
        if (interactive) {
            redraw(line);
        } else if (lastPlain == null || elapsed.minus(lastPlain).compareTo(plainEvery) >= 0) {
            out.println(line);
            lastPlain = elapsed;
        }
        out.flush();
    }

    /** The last state, always printed, ending the line so what follows starts on a fresh one. */
    public void finish(Progress progress, Duration elapsed) {
        String line = line(progress, elapsed);
        if (interactive) {
            redraw(line);
            out.println();
        } else {
            out.println(line);
        }
        out.flush();
    }

    private void redraw(String line) {
        // spaces wipe what is left of a longer previous line (e.g. when the rate loses a digit)
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
    }

    public static String line(Progress p, Duration elapsed) {
        long total = p.total();
        int filled = total == 0 ? 0 : (int) (WIDTH * p.done() / total);
        int percent = total == 0 ? 0 : (int) (100 * p.done() / total);
        return String.format(Locale.ROOT, "[%s%s] %3d%% %d/%d final | Success %d  Failed %d  RetainedInWallet %d | %s items/s",
                "#".repeat(filled), "-".repeat(WIDTH - filled), percent, p.done(), total, p.success(), p.failed(),
                p.retained(), rate(p.done(), elapsed)) + (p.isHeld() ? " | " + p.status() : "");
    }

    static String rate(long items, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        return String.format(Locale.ROOT, "%.1f", seconds <= 0 ? 0.0 : items / seconds);
    }
}
