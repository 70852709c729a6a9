package io.masspay.query.report;

import java.util.regex.Pattern;

/**
 * Makes a CSV cell safe to open in a spreadsheet (CSV/formula injection, OWASP): a cell starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is read as a formula by Excel,
 * LibreOffice and Google Sheets, so it gets a leading single quote, which they show as text. Client-chosen ids
 * may start with any of these. A plain decimal number ({@code -5.00}) cannot carry a formula and stays as it is,
 * so amounts remain numbers. CSV quoting is the printer's job, after this.
 */
final class SpreadsheetCells {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private SpreadsheetCells() {
    }

    static Object neutralise(Object cell) {
        if (!(cell instanceof String text) || text.isEmpty()) {
            return cell;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !PLAIN_NUMBER.matcher(text).matches() ? "'" + text : text;
    }
}
