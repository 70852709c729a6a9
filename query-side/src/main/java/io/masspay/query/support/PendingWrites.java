package io.masspay.query.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

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
 */
public final class PendingWrites {

    private final JdbcTemplate jdbc;
    private final String resourceKey;
    private final List<String> statements;

    public PendingWrites(JdbcTemplate jdbc, String owner, List<String> statements) {
        this.jdbc = jdbc;
        this.resourceKey = PendingWrites.class.getName() + "." + owner;
        this.statements = List.copyOf(statements);
    }

    public void add(String sql, Object... args) {
        if (!statements.contains(sql)) {
            throw new IllegalArgumentException("Not a declared statement: " + sql);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, List<Object[]>> pending = root.getOrComputeResource(resourceKey, key -> {
            Map<String, List<Object[]>> rows = new LinkedHashMap<>();
            statements.forEach(s -> rows.put(s, new ArrayList<>()));
            root.onPrepareCommit(unit -> rows.forEach((statement, batch) -> {
                if (!batch.isEmpty()) {
                    jdbc.batchUpdate(statement, batch);
                }
            }));
            return rows;
        });
        pending.get(sql).add(args);
    }
}
