package io.masspay.infra.reads;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * A large event store made quickly from a small real one: every stored event of the batches, transactions and
 * wallets that real API calls made is copied again and again, each copy with its ids rewritten (a batch,
 * transaction or wallet id keeps its prefix, its time and its first 14 random characters and gets the copy's
 * number as its last 8; the CustomerBatchId gets the number appended; event ids are new), in store order, so
 * each copy is a whole, valid history of its own that a replay projects like the original.
 *
 * <p>The copies are stored behind every processor's back: all streaming processors are stopped while they are
 * inserted, then each one's token is moved past them, so nothing acts on them (no payment, no webhook) and the
 * live read models never see them. Only a replay from the first event does: the figures a rebuild produces
 * differ from the live ones by exactly the copies, which tells a read served by the rebuilt generation from one
 * served by the live one.
 */
final class MultipliedEventStore {

    /**
     * Ids the copies rewrite: batches, transactions and wallets made by the service (8 characters of time, then
     * 22 random ones).
     */
    private static final String IDS = "(bt_|tx_|WAL-)([A-Za-z0-9_-]{22})[A-Za-z0-9_-]{8}";
    private static final int COPIES_PER_STATEMENT = 25;

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    MultipliedEventStore(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    /** The events a copy repeats: everything of the service's own batches, transactions and wallets. */
    long templateSize() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier ~ ?",
                Long.class, "^" + IDS + "$");
    }

    /** Adds whole copies until the store holds at least {@code events}; returns the number of copies. */
    int growTo(long events) {
        long template = templateSize();
        long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        int copies = (int) Math.max(0, (events - stored + template - 1) / template);
        long templateHead = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        try {
            for (int first = 1; first <= copies; first += COPIES_PER_STATEMENT) {
                insertCopies(first, Math.min(copies, first + COPIES_PER_STATEMENT - 1), templateHead);
            }
            long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            // past the copies, no gaps: every processor goes on from the first event stored after them
            jdbc.update("""
                    update token_entry set token = convert_to(jsonb_set(jsonb_set(convert_from(token, 'UTF8')::jsonb,
                        '{index}', to_jsonb(?::bigint)), '{gaps}', '[]'::jsonb)::text, 'UTF8')
                    where token_type like '%GapAwareTrackingToken'""", head);
            jdbc.execute("analyze domain_event_entry");
        } finally {
            processors.forEach(StreamingEventProcessor::start);
        }
        return copies;
    }

    private void insertCopies(int first, int last, long templateHead) {
        jdbc.update("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                    payload, payload_revision, payload_type, time_stamp)
                select regexp_replace(e.aggregate_identifier, ?, '\\1\\2' || c.tag, 'g'), e.sequence_number, e.type,
                    md5(e.event_identifier || c.tag)::uuid::text, e.meta_data,
                    convert_to(regexp_replace(regexp_replace(convert_from(e.payload, 'UTF8'), ?, '\\1\\2' || c.tag, 'g'),
                        '("customerBatchId":"[^"]*)"', '\\1-' || c.tag || '"', 'g'), 'UTF8'),
                    e.payload_revision, e.payload_type, e.time_stamp
                from generate_series(?, ?) k
                cross join lateral (select lpad(k::text, 8, '0') as tag) c
                join domain_event_entry e on e.global_index <= ? and e.aggregate_identifier ~ ?
                order by k, e.global_index""",
                IDS, IDS, first, last, templateHead, "^" + IDS + "$");
    }
}
