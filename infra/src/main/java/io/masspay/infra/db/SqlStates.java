package io.masspay.infra.db;

import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * What PostgreSQL said went wrong, read from its SQLState wherever the driver put it: on an
 * {@code SQLException} somewhere in the cause chain (Spring, Axon and Hikari each wrap it), and inside a batch
 * on the chain of next exceptions of a {@code BatchUpdateException}. The driver never throws the typed
 * subclasses (such as {@code SQLIntegrityConstraintViolationException}) that generic code looks for.
 */
public final class SqlStates {

    /** A unique index refused a row, also one a concurrent transaction committed first. */
    public static final String UNIQUE_VIOLATION = "23505";

    private static final int MAX_DEPTH = 100; // chains are finite, but a bound costs nothing

    private SqlStates() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return any(failure, UNIQUE_VIOLATION::equals);
    }

    /** Whether any SQLException in the failure's cause chain, or in one's next-exception chain, matches. */
    public static boolean any(Throwable failure, Predicate<String> state) {
        int causes = 0;
        for (Throwable t = failure; t != null && causes < MAX_DEPTH; t = t.getCause(), causes++) {
            if (t instanceof SQLException sql && anyNext(sql, state)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyNext(SQLException exception, Predicate<String> state) {
        int depth = 0;
        for (SQLException e = exception; e != null && depth < MAX_DEPTH; e = e.getNextException(), depth++) {
            if (e.getSQLState() != null && state.test(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
