package io.masspay.cli.text;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Columns aligned with spaces, numeric columns right-aligned: readable in a terminal and in a log file. Cells that
 * a spreadsheet would evaluate are neutralised ({@link SpreadsheetCells}).
 */
public final class Table {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers) {
        this.headers = headers;
    }

    public static Table withHeaders(String... headers) {
        return new Table(Arrays.asList(headers));
    }

    public Table row(Object... cells) {
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? "" : SpreadsheetCells.neutralise(cell.toString()));
        }
        rows.add(row);
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public void print(PrintWriter out, String indent) {
        int columns = headers.size();
        int[] width = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            width[c] = headers.get(c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> row : rows) {
                String cell = c < row.size() ? row.get(c) : "";
                width[c] = Math.max(width[c], cell.length());
                numeric[c] &= cell.isEmpty() || NUMBER.matcher(cell).matches();
            }
        }
        printRow(out, indent, headers, width, numeric);
        for (List<String> row : rows) {
            printRow(out, indent, row, width, numeric);
        }
    }

    private static void printRow(PrintWriter out, String indent, List<String> cells, int[] width, boolean[] numeric) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < width.length; c++) {
            String cell = c < cells.size() ? cells.get(c) : "";
            String pad = " ".repeat(width[c] - cell.length());
            line.append(numeric[c] ? pad + cell : cell + pad);
            if (c < width.length - 1) {
                line.append("  ");
            }
        }
        out.println(line.toString().stripTrailing());
    }
}
