package io.masspay.cli.text;

import java.util.regex.Pattern;

/**
 * A table cell as it may be shown: one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a leading single quote, so output pasted or redirected into a spreadsheet is never
 * evaluated as a formula (the service's Report.csv does the same). Plain numbers ({@code -5.00}) stay as they are.
 */
public final class SpreadsheetCells {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private SpreadsheetCells() {
    }

    public static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !PLAIN_NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }
}
