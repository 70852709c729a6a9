package io.masspay.infra.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that an append broke a unique key of the event table, so that it reports a lost race as a
 * {@code ConcurrencyException} (which {@link ConflictRetry} sends again) and not as a failure of the store.
 * Axon's {@code JdbcSQLErrorCodesResolver} looks for {@code SQLIntegrityConstraintViolationException}, which the
 * PostgreSQL driver never throws: it reports SQLState {@code 23505} on a {@code PSQLException}, and inside a
 * batch as the next exception of a {@code BatchUpdateException}. Both chains are followed here.
 */
final class UniqueViolations implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        int depth = 0; // a driver's chain of next exceptions is finite, but a bound costs nothing
        for (SQLException e = exception; e != null && depth < 100; e = e.getNextException(), depth++) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
