package io.masspay.infra.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * A projection driven the way its event processor drives it, on the application's schema emptied: events are
 * appended to {@code domain_event_entry} first (several projections look their stored row up by event
 * identifier), then handed as tracked domain event messages to the projection's real
 * {@code @EventHandler} methods through Axon's {@link AnnotationEventHandlerAdapter}, one processor batch in
 * one {@link BatchingUnitOfWork} with a Spring transaction attached, as a streaming processor's work package
 * does. So the writes the projections collect during the batch ({@code UnitOfWorkBuffer}) are flushed just
 * before the commit, by the real SQL, and a failing flush rolls the batch back.
 */
public final class ProjectionHarness {

    /** Where the events' clock starts: a fixed instant, so dates and times in the rows are known. */
    public static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    /**
     * One migrated database for every projection test of the JVM, emptied for each harness: a database per test
     * costs a migration to create and a checkpoint to drop (at JVM exit, where 40 drops outlasted Surefire's
     * 30 s grace on a busy machine), emptying it one statement.
     * Surefire runs the test classes one after another, so no two harnesses share it at once.
     */
    private static DriverManagerDataSource shared;
    private static String everyTable;

    private final JdbcTemplate jdbc;
    private final SpringTransactionManager transactions;
    private final Map<String, Long> lastSequence = new HashMap<>();
    private Instant clock = START;

    private ProjectionHarness(DriverManagerDataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
    }

    /**
     * A harness on an empty schema: every table of the application's migrations emptied (the store's global
     * index starts again at 1), so nothing an earlier test wrote is left.
     */
    public static synchronized ProjectionHarness onEmptySchema() {
        if (shared == null) {
            TestPostgres.Database db = TestPostgres.freshDatabase();
            Flyway.configure().dataSource(db.url(), db.user(), db.password()).load().migrate();
            shared = new DriverManagerDataSource(db.url(), db.user(), db.password());
            everyTable = new JdbcTemplate(shared).queryForObject("""
                    select string_agg(format('%I', tablename), ', ') from pg_tables
                    where schemaname = 'public' and tablename <> 'flyway_schema_history'""", String.class);
        }
        ProjectionHarness harness = new ProjectionHarness(shared);
        harness.jdbc.execute("truncate " + everyTable + " restart identity");
        return harness;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** {@code payload} stored as the next event of {@code aggregateId}, one second after the previous event. */
    public TrackedEventMessage<?> stored(String aggregateId, Object payload) {
        clock = clock.plusSeconds(1);
        return stored(aggregateId, payload, clock);
    }

    /**
     * {@code payload} stored as the next event of {@code aggregateId} (sequence numbers count from 0 per
     * aggregate), at {@code at}, and returned as the processor would read it back: with its tracking token at
     * the row's global index.
     */
    public TrackedEventMessage<?> stored(String aggregateId, Object payload, Instant at) {
        long sequence = lastSequence.merge(aggregateId, 0L, (last, zero) -> last + 1);
        String identifier = UUID.randomUUID().toString();
        Long globalIndex = jdbc.queryForObject("""
                        insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            payload, payload_type, time_stamp)
                        values (?, ?, 'Test', ?, '{}'::bytea, ?, ?) returning global_index""",
                Long.class, aggregateId, sequence, identifier, payload.getClass().getName(), at.toString());
        GenericDomainEventMessage<Object> event = new GenericDomainEventMessage<>("Test", aggregateId, sequence,
                payload, Map.of(), identifier, at);
        return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(globalIndex, Set.of()), event);
    }

    /** The events handled by {@code projection} as one processor batch: one unit of work, one transaction. */
    public void handle(Object projection, EventMessage<?>... events) {
        handle(projection, List.of(events));
    }

    public void handle(Object projection, List<? extends EventMessage<?>> events) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(events));
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            // as SimpleEventHandlerInvoker: an event no handler takes is passed over, not an error
            return handlers.canHandle(event) ? handlers.handle(event) : null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("The batch was rolled back", result.exceptionResult());
        }
    }

    /** What a rebuild does before it replays the store: the projection's {@code @ResetHandler}, in a transaction. */
    public void reset(Object projection) {
        transactions.executeInTransaction(() -> new AnnotationEventHandlerAdapter(projection).prepareReset());
    }

    /**
     * Each row of {@code sql} as its columns joined by {@code " | "}: rows read and compared as table lines.
     * A timestamp reads as its UTC instant ({@code 2026-11-24T10:00:01Z}), whatever the JVM's zone.
     */
    public List<String> rows(String sql, Object... args) {
        return jdbc.query(sql, (rs, n) -> {
            ResultSetMetaData columns = rs.getMetaData();
            StringJoiner row = new StringJoiner(" | ");
            for (int c = 1; c <= columns.getColumnCount(); c++) {
                Object value = rs.getObject(c);
                row.add(value instanceof java.sql.Timestamp at ? at.toInstant().toString() : String.valueOf(value));
            }
            return row.toString();
        }, args);
    }

    /** The global index the store gave {@code event}. */
    public static long globalIndex(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }
}
