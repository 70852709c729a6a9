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
}
