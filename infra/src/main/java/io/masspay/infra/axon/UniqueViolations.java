package io.masspay.infra.axon;

import io.masspay.infra.db.SqlStates;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that an append broke a unique key of the event table, so that it reports a lost race as a
 * {@code ConcurrencyException} (which {@link ConflictRetry} sends again) and not as a failure of the store.
 * Axon's {@code JdbcSQLErrorCodesResolver} looks for {@code SQLIntegrityConstraintViolationException}, which the
 * PostgreSQL driver never throws: it reports SQLState {@code 23505} on a {@code PSQLException}, and inside a
 * batch as the next exception of a {@code BatchUpdateException}. {@link SqlStates} follows both chains.
 */
final class UniqueViolations implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return SqlStates.isUniqueViolation(exception);
    }
}
