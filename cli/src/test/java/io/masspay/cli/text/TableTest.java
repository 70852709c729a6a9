package io.masspay.cli.text;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TableTest {

    @Test
    void shouldAlignTextLeftAndNumbersRight() {
        StringWriter written = new StringWriter();
        Table.withHeaders("Status", "Items").row("Success", 980).row("RetainedInWallet", 5)
                .print(new PrintWriter(written, true), "  ");

        assertThat(written.toString().lines()).containsExactly(
                "  Status            Items",
                "  Success             980",
                "  RetainedInWallet      5");
    }

    /** Issue 16: output redirected into a spreadsheet must not run client-chosen ids as formulas. */
    @Test
    void shouldNeutraliseCellsASpreadsheetWouldEvaluateButKeepNumbers() {
        StringWriter written = new StringWriter();
        Table.withHeaders("CustomerTransactionId", "Amount").row("-1-2:cmd", "-5.00").row("=HYPERLINK(1)", "3")
                .row("@SUM", "1").row("+1", "2").row("\tTAB", "4").row("OK-1", "5")
                .print(new PrintWriter(written, true), "");

        assertThat(written.toString().lines().skip(1).map(line -> line.split(" +")[0]))
                .containsExactly("'-1-2:cmd", "'=HYPERLINK(1)", "'@SUM", "'+1", "'\tTAB", "OK-1");
        assertThat(written.toString()).contains("-5.00");
    }
}
