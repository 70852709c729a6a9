package io.masspay.infra.db;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatesTest {

    @Test
    void aDuplicateKeyIsFoundUnderTheWrappersSpringAndAxonPutAroundIt() {
        var wrapped = new IllegalStateException("append failed",
                new DataIntegrityViolationException("insert", new SQLException("duplicate key", "23505")));

        assertThat(SqlStates.isUniqueViolation(wrapped)).isTrue();
    }

    @Test
    void aDuplicateKeyInsideABatchIsFoundOnTheChainOfNextExceptions() {
        var batch = new BatchUpdateException("batch entry 3 was aborted", "", new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));

        assertThat(SqlStates.isUniqueViolation(new RuntimeException(batch))).isTrue();
    }

    @Test
    void otherRefusalsAreNotDuplicates() {
        var notNull = new SQLException("null value in column", "23502");
        var noState = new SQLException("no state");

        assertThat(SqlStates.isUniqueViolation(notNull)).isFalse();
        assertThat(SqlStates.isUniqueViolation(noState)).isFalse();
        assertThat(SqlStates.isUniqueViolation(new IllegalStateException("not SQL at all"))).isFalse();
        assertThat(SqlStates.any(new RuntimeException(notNull), state -> state.startsWith("23"))).isTrue();
    }
}
