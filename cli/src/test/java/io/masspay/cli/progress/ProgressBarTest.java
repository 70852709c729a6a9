package io.masspay.cli.progress;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    private final StringWriter written = new StringWriter();
    private final PrintWriter out = new PrintWriter(written);

    @Test
    void shouldShowItemsFinalOverTotalTheCountsAndTheRate() {
        Progress halfway = new Progress("Processing", 50, 40, 2, 8);

        assertThat(ProgressBar.line(halfway, Duration.ofSeconds(4)))
                .isEqualTo("[###############---------------]  50% 50/100 final"
                        + " | Success 40  Failed 2  RetainedInWallet 8 | 12.5 items/s");
    }

    @Test
    void shouldDrawAnEmptyBarBeforeTheFirstCountsArrive() {
        assertThat(ProgressBar.line(new Progress("Processing", 0, 0, 0, 0), Duration.ZERO))
                .startsWith("[------------------------------]   0% 0/0 final").endsWith("| 0.0 items/s");
    }

    @Test
    void shouldSayWhatAHeldBatchWaitsFor() {
        assertThat(ProgressBar.line(new Progress("AwaitingApproval", 3, 0, 0, 0), Duration.ofSeconds(1)))
                .endsWith("| 0.0 items/s | AwaitingApproval");
    }

    @Test
    void shouldRedrawOneLineInPlaceOnATerminal() {
        ProgressBar bar = new ProgressBar(out, true, Duration.ofSeconds(2));

        bar.show(new Progress("Processing", 9, 1, 0, 0), Duration.ofMillis(100));
        bar.show(new Progress("Processing", 5, 5, 0, 0), Duration.ofMillis(200));
        bar.finish(new Progress("Completed", 0, 10, 0, 0), Duration.ofMillis(300));

        String text = written.toString();
        assertThat(text).doesNotContain("\n" + "[").startsWith("\r[###").endsWith("\n");
        assertThat(text.split("\r")).hasSize(4);
        assertThat(text.chars().filter(c -> c == '\n').count()).as("newlines").isEqualTo(1);
        assertThat(text).contains("10/10 final");
    }

    @Test
    void shouldWipeTheRestOfALongerPreviousLine() {
        ProgressBar bar = new ProgressBar(out, true, Duration.ofSeconds(2));
        bar.show(new Progress("Processing", 0, 10, 0, 0), Duration.ofMillis(1));   // 10000.0 items/s
        int first = written.toString().length();
        bar.show(new Progress("Processing", 0, 10, 0, 0), Duration.ofSeconds(10)); // 1.0 items/s

        String second = written.toString().substring(first);
        assertThat(second.length()).isEqualTo(first);
        assertThat(second).endsWith("1.0 items/s    ");
    }

    @Test
    void shouldWritePlainLinesAtMostEveryPeriodWithoutATerminal() {
        ProgressBar bar = new ProgressBar(out, false, Duration.ofSeconds(2));

        bar.show(new Progress("Processing", 10, 0, 0, 0), Duration.ofMillis(100));
        bar.show(new Progress("Processing", 9, 1, 0, 0), Duration.ofMillis(600));
        bar.show(new Progress("Processing", 5, 5, 0, 0), Duration.ofMillis(2100));
        bar.show(new Progress("Processing", 4, 6, 0, 0), Duration.ofMillis(2500));
        bar.finish(new Progress("CompletedWithErrors", 0, 9, 0, 1), Duration.ofMillis(2600));

        assertThat(written.toString()).doesNotContain("\r");
        assertThat(written.toString().lines()).extracting(l -> l.replaceAll(".*\\] +\\d+% (\\d+/\\d+) final.*", "$1"))
                .containsExactly("0/10", "5/10", "10/10");
    }
}
