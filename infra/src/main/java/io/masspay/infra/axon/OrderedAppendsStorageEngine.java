package io.masspay.infra.axon;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Axon's JDBC storage engine, with a large append never overtaken by a small one (ADR 0019).
 *
 * <p>An append takes its global indexes when it inserts and becomes visible when it commits. A small append
 * that commits while a 5,000-event submission is still between the two leaves 5,000 indexes below it that
 * every tracking processor passes as gaps, and Axon's gap-aware token copies its whole gap set for each event
 * it advances over: thousands of gaps made every processor crawl for 15-20 s (FairnessIT, issue 16), the
 * payment lanes and the read models alike. So every append takes one PostgreSQL advisory lock for the rest
 * of its transaction: shared by ordinary appends, which never wait for each other, exclusive by an append of
 * at least {@code large} events, which waits for the shared holders that are inserting and committing, then
 * has the store to itself until it commits. PostgreSQL queues a shared request behind a waiting exclusive
 * one, so the large append does not starve. A transaction takes the lock once, at its first append, and
 * never upgrades it (two upgrading transactions would deadlock).
 *
 * <p>An append of several events is written with one {@code COPY} instead of Axon's batched insert
 * ({@link EventRowsCopy}, ADR 0025): same rows, same keys, a fraction of PostgreSQL's time, and the exclusive
 * lock of a large append is held that much shorter.
 */
final class OrderedAppendsStorageEngine extends JdbcEventStorageEngine {

    /** The advisory lock's first key: its own namespace ("MPEV"), apart from the admission lock's. */
    private static final int LOCK_SPACE = 0x4D504556;
    private static final String HELD = OrderedAppendsStorageEngine.class.getName() + ".held";
    /**
     * From this many events an append is copied: a single event keeps the insert's one round trip (COPY takes
     * two), a few already cost less to copy than to bind as a multi-row insert.
     */
    static final int COPY_FROM = 4;

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final int large;
    private final String copy;

    OrderedAppendsStorageEngine(Builder builder, TransactionManager transactions, JdbcTemplate jdbc, int large) {
        super(builder);
        if (large < 1) {
            throw new IllegalArgumentException("masspay.events.large-append must be at least 1");
        }
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.large = large;
        this.copy = EventRowsCopy.statement(schema());
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // Serialized before the lock: a large append holds the store only for its insert and commit, not for
        // the JSON of 5,000 events. A copy's rows are built whole here; the insert reuses what the messages keep.
        byte[] rows = events.size() >= COPY_FROM ? EventRowsCopy.rows(events, serializer) : null;
        if (rows == null) {
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domainEvent) {
                    domainEvent.serializePayload(serializer, byte[].class);
                    domainEvent.serializeMetaData(serializer, byte[].class);
                }
            }
        }
        // the lock and the insert in one transaction: the caller's, or one of their own
        transactions.executeInTransaction(() -> {
            lockAppends(events.size());
            if (rows != null) {
                copy(rows, events);
            } else {
                super.appendEvents(events, serializer);
            }
        });
    }

    /** Axon's insert as one COPY; a failure is reported as Axon reports it (a duplicate key: a conflict). */
    private void copy(byte[] rows, List<? extends EventMessage<?>> events) {
        Connection connection = getConnection();
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new ByteArrayInputStream(rows));
        } catch (SQLException e) {
            handlePersistenceException(e, events.get(0));
        } catch (IOException e) {
            throw new EventStoreException("Failed to copy " + events.size() + " events into the store", e);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    private void lockAppends(int count) {
        boolean synchronizing = TransactionSynchronizationManager.isSynchronizationActive();
        if (synchronizing && TransactionSynchronizationManager.hasResource(HELD)) {
            return;
        }
        jdbc.query(count >= large ? "select pg_advisory_xact_lock(?, 0)" : "select pg_advisory_xact_lock_shared(?, 0)",
                rs -> null, LOCK_SPACE);
        if (synchronizing) {
            TransactionSynchronizationManager.bindResource(HELD, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(HELD);
                }
            });
        }
    }
}
