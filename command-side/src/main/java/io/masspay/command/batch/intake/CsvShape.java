package io.masspay.command.batch.intake;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;

import java.util.List;

/**
 * Bounds a CSV upload before the CSV parser sees it: one pass over the characters (quote-aware, RFC 4180)
 * that refuses a header row longer than {@link #MAX_HEADER_CHARS}, a row of more than {@link #MAX_CELLS}
 * cells or a cell longer than {@link #MAX_CELL_CHARS}. The parser builds a string per cell of a whole row,
 * so without this a 3 MB row of {@code a,a,a,...} would become 1.5 million strings before any rule ran
 * (ADR 0015). The caps are far above any valid upload: 16 columns exist, the longest field is 1,024
 * characters.
 */
final class CsvShape {

    static final int MAX_HEADER_CHARS = 4096;
    static final int MAX_CELLS = 2 * CsvColumns.ALL.size();
    static final int MAX_CELL_CHARS = 4096;

    private CsvShape() {
    }

    static void check(String text) {
        boolean quoted = false;
        int line = 1;
        int cells = 1;
        int cellChars = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (line == 1 && i >= MAX_HEADER_CHARS) {
                throw refused("Header", "The header row is longer than " + MAX_HEADER_CHARS
                        + " characters; the columns are " + String.join(", ", CsvColumns.ALL));
            }
            if (c == '"') {
                quoted = !quoted; // an escaped quote ("") flips twice
            } else if (!quoted && c == ',') {
                cells++;
                cellChars = 0;
                if (cells > MAX_CELLS) {
                    throw refused(line == 1 ? "Header" : "Line[" + line + "]", (line == 1 ? "The header row" : "Line "
                            + line) + " has more than " + MAX_CELLS + " cells; 16 columns exist");
                }
                continue;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (c == '\n' || i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    line++;
                }
                cells = 1;
                cellChars = 0;
                continue;
            }
            if (++cellChars > MAX_CELL_CHARS) {
                throw refused(line == 1 ? "Header" : "Line[" + line + "]", (line == 1 ? "A header cell" : "A cell on line "
                        + line) + " is longer than " + MAX_CELL_CHARS + " characters");
            }
        }
    }

    private static MassPayException refused(String field, String message) {
        return new MassPayException(ErrorCode.MALFORMED_JSON, "The body is not a CSV upload this service reads",
                List.of(new FieldError(field, ErrorCode.INVALID_FIELD, message)));
    }
}
