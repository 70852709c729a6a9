package io.masspay.query.support;

import io.masspay.kernel.processing.UnitOfWorkBuffer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Array;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a projection's row writes for the processor batch in progress and sends them just before
 * it commits, one JDBC batch per statement: a 5,000-item batch costs a few round trips per processor
 * batch instead of one per event. The statements run in the order they are declared here, each with
 * its rows in event order, so a projection may only queue writes that are correct in that order
 * (upserts of disjoint columns, inserts that ignore a duplicate, a lookup that reads rows of an earlier
 * statement, an insert declared before the updates of the same row).
 *
 * <p>A statement that reads its rows from {@code unnest(?::type[], ...)} gets the whole batch in one
 * execution, one array per column in row order: for an insert that must look rows up (a stored event's
 * global index, an owner written by an earlier statement), a set-based join in one round trip instead of
 * a lookup per row, which the driver cannot fold into a multi-row insert (FairnessIT, ADR 0020).
 */
public final class PendingWrites {

    /** Marks a statement that takes the whole batch at once, one array per column (see the class comment). */
    private static final String COLUMNS = "unnest(";

    private final JdbcTemplate jdbc;
    private final List<String> statements;
    private final UnitOfWorkBuffer<Map<String, List<Object[]>>> pending;

    public PendingWrites(JdbcTemplate jdbc, String owner, List<String> statements) {
        this.jdbc = jdbc;
        this.statements = List.copyOf(statements);
        this.pending = new UnitOfWorkBuffer<>(PendingWrites.class.getName() + "." + owner, () -> {
            Map<String, List<Object[]>> rows = new LinkedHashMap<>();
            this.statements.forEach(s -> rows.put(s, new ArrayList<>()));
            return rows;
        }, this::flush);
    }

    public void add(String sql, Object... args) {
        if (!statements.contains(sql)) {
            throw new IllegalArgumentException("Not a declared statement: " + sql);
        }
        pending.current().get(sql).add(args);
    }

    private void flush(Map<String, List<Object[]>> rows) {
        rows.forEach((statement, batch) -> {
            if (batch.isEmpty()) {
                return;
            }
            if (statement.contains(COLUMNS)) {
                jdbc.update(statement, columns(batch));
            } else {
                jdbc.batchUpdate(statement, batch);
            }
        });
    }

    /**
     * The rows as one array per column, typed by the column's first non-null value ({@code String[]} when all
     * are null), which the driver sends as PostgreSQL arrays for the statement's {@code unnest}. Times travel
     * as ISO-8601 text, which the statement casts ({@code ?::timestamptz[]}).
     */
    private static Object[] columns(List<Object[]> rows) {
        int width = rows.get(0).length;
        Object[] columns = new Object[width];
        for (int c = 0; c < width; c++) {
            Class<?> type = String.class;
            for (Object[] row : rows) {
                if (row[c] != null) {
                    type = row[c] instanceof Temporal ? String.class : row[c].getClass();
                    break;
                }
            }
            Object[] column = (Object[]) Array.newInstance(type, rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Object value = rows.get(r)[c];
                column[r] = value instanceof Temporal ? value.toString() : value;
            }
            columns[c] = column;
        }
        return columns;
    }
}
