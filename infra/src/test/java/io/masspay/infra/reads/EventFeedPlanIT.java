package io.masspay.infra.reads;

import io.masspay.infra.support.TestPostgres;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.query.audit.EventFeedQueries;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event feed's query on a store of 1,000,000 events (ADR 0018): the plan is two index scans (the
 * issuer's range of the feed index, then the store by primary key for each of its rows), whatever the store's
 * size. The store is
 * generated in SQL on a database migrated like the application's, without the application (its processors
 * would spend minutes reading a million events). Prints both plans and the time of a page of 1,000
 * events; asserts only the plan, never a time (a shared machine's timings are not a test).
 */
class EventFeedPlanIT {

    private static final int EVENTS = 1_000_000;
    private static final int ISSUERS = 20;

    @Test
    void aPageOfTheFeedReadsTwoIndexesAndNeverScansTheStore() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).load().migrate();
        SingleConnectionDataSource connection = new SingleConnectionDataSource(db.url(), db.user(), db.password(), true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(connection);
            generate(jdbc);

            List<String> pagePlan = jdbc.queryForList("explain (analyze, buffers) " + EventFeedQueries.PAGE,
                    String.class, "SPN007", EVENTS / 2, EVENTS, 1000);
            List<String> positionPlan = jdbc.queryForList("explain (analyze, buffers) " + EventFeedQueries.SAFE_POSITION,
                    String.class);
            System.out.println("EventFeedPlanIT: a page of 1,000 events of one of " + ISSUERS + " issuers, " + EVENTS
                    + " events stored\n" + String.join("\n", pagePlan) + "\nthe safe position\n"
                    + String.join("\n", positionPlan));

            EventFeedQueries feed = new EventFeedQueries(jdbc);
            List<Long> millis = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                long start = System.nanoTime();
                long upTo = feed.safePosition();
                int size = feed.page(IssuerAccountNumber.of("SPN0" + (10 + run)), 100_000L * run, upTo, 1000).size();
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(size).isEqualTo(1000);
            }
            Collections.sort(millis);
            System.out.println("EventFeedPlanIT: safe position + page of 1,000 events (JDBC, 5 cold ranges): "
                    + millis + " ms, median " + millis.get(2) + " ms");

            String plan = String.join("\n", pagePlan);
            assertThat(plan).contains("Index Only Scan using event_feed_index_pkey").contains("Nested Loop")
                    .contains("Index Scan using domain_event_entry_pkey")
                    .doesNotContain("Seq Scan").doesNotContain("Merge Join");
            assertThat(String.join("\n", positionPlan)).doesNotContain("Seq Scan on domain_event_entry");
        } finally {
            connection.destroy();
        }
    }

    /** 1,000,000 events of about 300 bytes, their issuers taking turns (the worst locality for one issuer). */
    private static void generate(JdbcTemplate jdbc) {
        jdbc.execute("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                select n, 'tx_' || (n / 4), n %% 4, 'Transaction', 'evt-' || n, convert_to('{}', 'UTF8'),
                    convert_to('{"transactionId":"tx_' || (n / 4) || '","batchId":"bt_' || (n / 4000)
                        || '","attemptNo":1,"note":"' || repeat('x', 200) || '"}', 'UTF8'),
                    '1', 'io.masspay.kernel.transaction.ItemSucceeded', '2026-12-01T00:00:00.000Z'
                from generate_series(1, %d) n""".formatted(EVENTS));
        jdbc.execute("select setval('domain_event_entry_global_index_seq', %d)".formatted(EVENTS));
        jdbc.execute("""
                insert into event_feed_index (issuer_account_number, global_index)
                select 'SPN' || lpad((n %% %d)::text, 3, '0'), n from generate_series(1, %d) n"""
                .formatted(ISSUERS, EVENTS));
        jdbc.execute("insert into event_feed_position values (1, %d, '{}', '{}', '{}')".formatted(EVENTS));
        jdbc.execute("vacuum analyze domain_event_entry");
        jdbc.execute("vacuum analyze event_feed_index");
    }
}
