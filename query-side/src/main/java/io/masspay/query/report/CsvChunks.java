package io.masspay.query.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns pages of report rows into CSV bytes with commons-csv (RFC 4180: CRLF, quotes where a value
 * needs them), one chunk per page, so the report streams instead of being built as one string. Every cell is
 * neutralised first ({@link SpreadsheetCells}): the report is meant for spreadsheets.
 */
final class CsvChunks {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvChunks() {
    }

    static byte[] header() {
        return print(List.of(), true);
    }

    static byte[] rows(List<ReportRow> rows) {
        return print(rows, false);
    }

    private static byte[] print(List<ReportRow> rows, boolean header) {
        StringWriter out = new StringWriter(header ? 256 : rows.size() * 256);
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            if (header) {
                csv.printRecord((Object[]) ReportRow.COLUMNS);
            }
            for (ReportRow row : rows) {
                csv.printRecord(row.values().stream().map(SpreadsheetCells::neutralise).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
