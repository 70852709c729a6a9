package io.masspay.command.batch.intake;

import io.masspay.command.directory.IssuerDirectory;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.ServerIds;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV upload into the same {@link BatchRequest} a JSON body becomes, so both go through the same
 * rules and the same submission. The envelope comes from the query string. Empty lines and rows of empty
 * cells are skipped and not counted. An empty cell is an absent field; Destination is always present
 * (empty cells make it {@code {}}); the check address is present when any of its cells is filled. A body
 * that cannot be read as a table answers 400 MALFORMED_JSON (the catalog's code for an unreadable body)
 * with one entry per problem: {@code Header[c]} for the c-th header cell, {@code Row[n]} for the n-th data
 * row.
 */
public final class BatchCsvReader {

    /**
     * Problems listed in one answer at most; a file broken on every line needs no 100,000-entry answer. Counted
     * while reading: past it, no further message is even built.
     */
    static final int MAX_LISTED_ERRORS = 100;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private BatchCsvReader() {
    }

    public static BatchRequest read(String body, String issuerAccountNumber, String sourceWalletId,
                                    String customerBatchId) {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body; // spreadsheets write a BOM
        if (text.isBlank()) {
            throw malformed("The body is empty; a header row and one row per payout are expected", List.of());
        }
        CsvShape.check(text);
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            next(records, "Header");
            List<String> header = header(records.next());
            List<ItemRequest> items = new ArrayList<>();
            List<FieldError> errors = new ArrayList<>();
            int mismatched = 0;
            while (next(records, ItemPaths.CSV.item(items.size()))) {
                CSVRecord record = records.next();
                if (blank(record)) {
                    continue; // spreadsheets export trailing rows of empty cells (",,,"): not payouts
                }
                int index = items.size();
                if (index == IssuerDirectory.HARD_MAX_ITEMS_PER_BATCH) {
                    throw new MassPayException(ErrorCode.BATCH_TOO_LARGE, "The CSV has more than "
                            + IssuerDirectory.HARD_MAX_ITEMS_PER_BATCH + " rows, the most any issuer may send at once: split it");
                }
                if (record.size() != header.size() && mismatched++ < MAX_LISTED_ERRORS) {
                    errors.add(new FieldError(ItemPaths.CSV.item(index), ErrorCode.INVALID_FIELD, "The row has "
                            + record.size() + " cells; the header has " + header.size()));
                }
                items.add(item(index, header, record));
            }
            if (!errors.isEmpty()) {
                throw malformed(mismatched + " row(s) do not match the header", errors);
            }
            return new BatchRequest(emptyAsNull(issuerAccountNumber), emptyAsNull(sourceWalletId),
                    emptyAsNull(customerBatchId), items, List.of(), ItemPaths.CSV);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /** Advances, turning the parser's complaint (an unclosed quote, say) into a catalog error on {@code field}. */
    private static boolean next(Iterator<CSVRecord> records, String field) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw malformed("The body is not valid CSV", List.of(new FieldError(field, ErrorCode.INVALID_FIELD,
                    "Not valid CSV (RFC 4180): " + reason)));
        }
    }

    private static List<String> header(CSVRecord record) {
        List<String> names = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int c = 0; c < record.size() && errors.size() < MAX_LISTED_ERRORS; c++) {
            String name = record.get(c);
            String field = "Header[" + (c + 1) + "]";
            if (name.isBlank()) {
                errors.add(new FieldError(field, ErrorCode.MISSING_FIELD, "Column " + (c + 1) + " has no name"));
            } else if (!CsvColumns.known(name)) {
                errors.add(new FieldError(field, ErrorCode.INVALID_FIELD, "Unknown column \"" + name + "\""
                        + CsvColumns.suggestion(name).map(s -> "; did you mean \"" + s + "\"?")
                        .orElse(name.contains(";") ? "; columns are separated by commas"
                                : "; the columns are " + String.join(", ", CsvColumns.ALL))));
            } else if (names.contains(name)) {
                errors.add(new FieldError(field, ErrorCode.INVALID_FIELD, "Column \"" + name
                        + "\" appears twice (columns " + (names.indexOf(name) + 1) + " and " + (c + 1) + ")"));
            }
            names.add(name);
        }
        if (!errors.isEmpty()) {
            throw malformed("The header row is not valid", errors);
        }
        return names;
    }

    private static ItemRequest item(int index, List<String> header, CSVRecord record) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> destination = new LinkedHashMap<>();
        Map<String, String> address = new LinkedHashMap<>();
        for (int c = 0; c < Math.min(header.size(), record.size()); c++) {
            String value = emptyAsNull(record.get(c));
            String column = header.get(c);
            if (value == null) {
                continue;
            }
            if (column.startsWith(CsvColumns.ADDRESS)) {
                address.put(column.substring(CsvColumns.ADDRESS.length()), value);
            } else if (column.startsWith(CsvColumns.DESTINATION)) {
                destination.put(column.substring(CsvColumns.DESTINATION.length()), value);
            } else {
                fields.put(column, value);
            }
        }
        String customerId = fields.get("CustomerTransactionId");
        boolean generated = customerId == null;
        return new ItemRequest(index, generated ? ServerIds.newId("ct_") : customerId, generated,
                fields.get("RecipientId"), fields.get("SendMethodId"), fields.get("Amount"), fields.get("Description"),
                destination, address.isEmpty() ? null : address, null, ItemPaths.CSV);
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(String::isEmpty);
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static MassPayException malformed(String message, List<FieldError> errors) {
        return new MassPayException(ErrorCode.MALFORMED_JSON, message,
                errors.size() > MAX_LISTED_ERRORS ? errors.subList(0, MAX_LISTED_ERRORS) : errors);
    }
}
