package io.masspay.infra.db;

import io.masspay.kernel.storage.TableCopy;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/**
 * {@link TableCopy} as a binary {@code COPY} inside a savepoint of the caller's transaction: a duplicate key
 * (SQLState 23505, also when a concurrent transaction committed the same key first) rolls back to the
 * savepoint, so the transaction can go on and find out the slower way which rows were taken.
 */
@Component
class PostgresTableCopy implements TableCopy {

    private final JdbcTemplate jdbc;

    PostgresTableCopy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean copyUnlessDuplicate(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return true;
        }
        byte[] data = encode(columns.size(), rows);
        String copy = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format binary)";
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            // outside a transaction the COPY is its own: refused, it wrote nothing either
            Savepoint before = connection.getAutoCommit() ? null : connection.setSavepoint();
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new ByteArrayInputStream(data));
            } catch (SQLException e) {
                if (before != null) {
                    connection.rollback(before);
                }
                if (SqlStates.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException(e); // read from memory: does not happen
            }
            if (before != null) {
                connection.releaseSavepoint(before);
            }
            return true;
        }));
    }

    private static byte[] encode(int columns, List<Object[]> rows) {
        BinaryCopyRows data = new BinaryCopyRows(rows.size() * columns * 24);
        for (Object[] row : rows) {
            if (row.length != columns) {
                throw new IllegalArgumentException("A row of " + row.length + " values for " + columns + " columns");
            }
            data.row(columns);
            for (Object value : row) {
                if (value == null || value instanceof String) {
                    data.text((String) value);
                } else if (value instanceof Long number) {
                    data.int8(number);
                } else if (value instanceof Integer number) {
                    data.int4(number);
                } else {
                    throw new IllegalArgumentException("No COPY encoding for a " + value.getClass().getName());
                }
            }
        }
        return data.finish();
    }
}
