package io.masspay.infra.axon;

import io.masspay.infra.MassPayApplication;
import io.masspay.infra.support.FreshDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ADR 0025: an append of several events is one binary COPY ({@link EventRowsCopy}). Its rows must be the rows
 * Axon's own insert writes (a single-event append still takes that insert, so the two are compared side by
 * side), events must read back as they were, and a repeated sequence number must still be Axon's conflict,
 * with nothing of the failed append stored.
 */
@SpringBootTest(classes = MassPayApplication.class)
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EventRowsCopyIT {

    /** Finer than Axon stores (milliseconds): the copy must truncate as Axon's insert does. */
    private static final Instant AT = Instant.parse("2026-12-06T01:02:03.456789Z");
    private static final int EVENTS = OrderedAppendsStorageEngine.COPY_FROM + 3;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldWriteTheRowsAxonsInsertWrites() {
        String copied = "copied-" + UUID.randomUUID();
        String inserted = "inserted-" + UUID.randomUUID();
        inTransaction(() -> storage.appendEvents(events(copied, 0, EVENTS)));
        inTransaction(() -> events(inserted, 0, EVENTS).forEach(event -> storage.appendEvents(List.of(event))));

        List<List<Object>> copiedRows = rows(copied);
        assertThat(copiedRows).hasSize(EVENTS).isEqualTo(rows(inserted));
        List<? extends DomainEventMessage<?>> read = storage.readEvents(copied).asStream().toList();
        assertThat(read).extracting(DomainEventMessage::getPayload)
                .isEqualTo(IntStream.range(0, EVENTS).mapToObj(EventRowsCopyIT::payload).toList());
        assertThat(read).allSatisfy(event -> {
            assertThat(event.getTimestamp()).isEqualTo(AT.truncatedTo(ChronoUnit.MILLIS));
            assertThat(event.getMetaData()).containsEntry("note", "tab\there, line\nthere, \\ and \u00e9\u20ac\ud83d\ude00");
        });
    }

    @Test
    void shouldStoreEventsWithoutAnAggregateAsAxonDoes() {
        List<GenericEventMessage<String>> events = IntStream.range(0, EVENTS)
                .mapToObj(n -> new GenericEventMessage<>("plain event " + n)).toList();
        inTransaction(() -> storage.appendEvents(events));

        for (GenericEventMessage<String> event : events) {
            assertThat(jdbc.queryForMap("""
                    select aggregate_identifier, sequence_number, type from domain_event_entry
                    where event_identifier = ?""", event.getIdentifier()))
                    .containsEntry("aggregate_identifier", event.getIdentifier())
                    .containsEntry("sequence_number", 0L)
                    .containsEntry("type", null);
        }
    }

    @Test
    void shouldRefuseARepeatedSequenceNumberAndStoreNothingOfThatAppend() {
        String aggregate = "conflict-" + UUID.randomUUID();
        inTransaction(() -> storage.appendEvents(events(aggregate, 0, EVENTS)));

        assertThatThrownBy(() -> inTransaction(() -> storage.appendEvents(events(aggregate, EVENTS - 1, EVENTS))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregate)).isEqualTo(EVENTS - 1L);
    }

    /** Axon's insert, for a single event, reports the same conflict (it did not before UniqueViolations). */
    @Test
    void shouldRefuseARepeatedSequenceNumberOfASingleEventAsAConflictToo() {
        String aggregate = "conflict-single-" + UUID.randomUUID();
        inTransaction(() -> storage.appendEvents(events(aggregate, 0, 2)));

        assertThatThrownBy(() -> inTransaction(() -> storage.appendEvents(events(aggregate, 1, 1))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> inTransaction(() -> storage.appendEvents(events(aggregate, 0, 1))))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    private List<List<Object>> rows(String aggregate) {
        return jdbc.query("""
                        select sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data
                        from domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                (rs, i) -> IntStream.rangeClosed(1, 7).mapToObj(column -> {
                    try {
                        Object value = rs.getObject(column);
                        return value instanceof byte[] bytes ? (Object) Arrays.toString(bytes) : value;
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList(), aggregate);
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private static List<GenericDomainEventMessage<String>> events(String aggregate, int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(n -> new GenericDomainEventMessage<>("EventRowsCopyTest", aggregate, n, payload(n),
                        Map.of("note", "tab\there, line\nthere, \\ and \u00e9\u20ac\ud83d\ude00", "n", n),
                        UUID.randomUUID().toString(), AT))
                .toList();
    }

    private static String payload(int n) {
        return "event " + n + " \u00e9\u20ac\ud83d\ude00 \"quoted\" \\ \t\r\n";
    }
}
