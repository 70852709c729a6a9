package io.masspay.command.batch.intake;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link CsvShape}: the caps checked before the CSV parser runs (ADR 0015), each at and one over: a header row
 * of 4,096 characters, 32 cells a row, 4,096 characters a cell; quote-aware (commas and line breaks inside
 * quotes, escaped quotes) and counting CRLF as one line break, so the refusal names the right line.
 */
class CsvShapeTest {

    private static final String HEADER = String.join(",", CsvColumns.ALL) + "\n";

    static Stream<Arguments> uploads() {
        return Stream.of(
                arguments("every column and a row", HEADER + "T-1,PAT-1,XTR94500,1.00" + ",".repeat(12) + "\n", null),
                // header length
                arguments("a header of 4,096 characters", headerOf(4096), null),
                arguments("a header of 4,097 characters", headerOf(4097), "Header"),
                // cells per row
                arguments("a header of 32 cells", ",".repeat(31) + "\n", null),
                arguments("a header of 33 cells", ",".repeat(32) + "\n", "Header"),
                arguments("a row of 32 cells", HEADER + ",".repeat(31) + "\n", null),
                arguments("a row of 33 cells", HEADER + ",".repeat(32) + "\n", "Line[2]"),
                arguments("cells are counted per row", HEADER + (",".repeat(31) + "\n").repeat(2), null),
                arguments("commas inside quotes are no cells", HEADER + "\"" + ",".repeat(40) + "\"\n", null),
                arguments("an escaped quote keeps the cell quoted", HEADER + "\"\"\"" + ",".repeat(40) + "\"\n", null),
                // cell length
                arguments("a cell of 4,096 characters", HEADER + "x".repeat(4096) + "\n", null),
                arguments("a cell of 4,097 characters", HEADER + "x".repeat(4097) + "\n", "Line[2]"),
                arguments("cell length restarts after a comma", HEADER + "x".repeat(4096) + "," + "x".repeat(4096), null),
                arguments("cell length restarts on a new line", HEADER + ("x".repeat(4096) + "\n").repeat(2), null),
                // which line
                arguments("a line break inside quotes does not end the line",
                        HEADER + "\"a\nb\"\n" + ",".repeat(32), "Line[3]"),
                arguments("CRLF ends a line once", HEADER.replace("\n", "\r\n") + "a\r\n" + ",".repeat(32), "Line[3]"),
                arguments("a lone CR ends a line", HEADER.replace("\n", "\r") + "a\r" + ",".repeat(32), "Line[3]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploads")
    void shouldRefuseAnUploadOverACapBeforeParsingIt(String edge, String text, String field) {
        if (field == null) {
            assertThatCode(() -> CsvShape.check(text)).as(edge).doesNotThrowAnyException();
            return;
        }
        MassPayException refused = catchThrowableOfType(MassPayException.class, () -> CsvShape.check(text));
        assertThat(refused).as(edge).isNotNull();
        assertThat(refused.errorCode()).as(edge).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(refused.errors()).as(edge).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FIELD);
        });
    }

    /** A header row of two cells, each under the cell cap, {@code length} characters in all, and no line break. */
    private static String headerOf(int length) {
        String header = "h".repeat(length / 2) + "," + "h".repeat(length - length / 2 - 1);
        assertThat(header).hasSize(length);
        return header;
    }
}
