package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.query.audit.EventFeedQueries;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The issuer event feed (API.md section 11, ADR 0018): every event of the caller's issuer in store order from
 * the first, stable cursors, pages that add up to the whole feed, never another issuer's event, and never a
 * skipped event when one commits late into a gap below a cursor. The oracle is the event store itself: the
 * events of the aggregates the test created for the issuer (its wallets, batches and items).
 */
class EventFeedIT extends ReadsTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void shouldListEveryEventOfTheIssuerInStoreOrderAsTheAuditStreamsServeThem() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-1");
        Set<String> aggregates = paidBatch(issuer, "FEED-1", List.of(walletItem("W", "PAT-1", "XTR94502", "4.00"),
                item("RAIL", "PAT-1", "XTR94500", "5.00", Map.of()),
                item("DECLINED", "PAT-1", "XTR94503", "6.91", Map.of())));
        aggregates.add(issuer.walletId());
        String batchId = aggregates.stream().filter(id -> id.startsWith("bt_")).findFirst().orElseThrow();

        List<Map<String, Object>> feed = awaitFeedOf(issuer, storedEventsOf(aggregates));

        assertThat(feed.get(0)).containsEntry("Type", "WalletCreated").containsEntry("AggregateId", issuer.walletId());
        assertThat(feed.get(1)).containsEntry("Type", "WalletFunded");
        assertThat(feed).extracting(e -> e.get("Type")).contains("BatchSubmitted", "ItemSubmitted", "IssuerDebited",
                "WalletCredited", "PayoutRequested", "PayoutSucceeded", "PayoutFailed", "FundsReturnedToWallet",
                "RetainedInWallet", "ItemSucceeded", "BatchCompleted");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> audit = (List<Map<String, Object>>) reads.json(issuer,
                "/API/v4/Audit/Batches/" + batchId + "/Events").get("Events");
        Set<Object> audited = new HashSet<>(audit.stream().map(e -> e.get("GlobalIndex")).toList());
        assertThat(feed.stream().filter(e -> audited.contains(e.get("GlobalIndex"))).toList())
                .as("the batch's audit stream is the feed's events of that batch, in the same order, as JSON")
                .isEqualTo(audit);
    }

    @Test
    void twoIssuersNeverSeeEachOthersEvents() {
        Issuer first = api.onboardIssuer("USD", "50.00");
        Issuer second = api.onboardIssuer("USD", "50.00");
        api.fullRecipient(first, "PAT-A");
        api.fullRecipient(second, "PAT-B");
        Set<String> firsts = paidBatch(first, "MINE", List.of(walletItem("A1", "PAT-A", "XTR94502", "1.00"),
                item("A2", "PAT-A", "XTR94500", "2.00", Map.of())));
        Set<String> seconds = paidBatch(second, "MINE", List.of(walletItem("B1", "PAT-B", "XTR94502", "3.00"),
                item("B2", "PAT-B", "XTR94508", "4.00", Map.of())));
        firsts.add(first.walletId());
        seconds.add(second.walletId());

        List<Object> firstFeed = indexes(awaitFeedOf(first, storedEventsOf(firsts)));
        List<Object> secondFeed = indexes(awaitFeedOf(second, storedEventsOf(seconds)));

        assertThat(firstFeed).doesNotContainAnyElementsOf(secondFeed);
    }

    @Test
    void pagesFollowedByTheirCursorsAddUpToTheWholeFeedAndACursorAlwaysAnswersTheSame() {
        Issuer issuer = api.onboardIssuer("USD", "500.00");
        api.recipient(issuer, "PAT-P", "Individual");
        api.recipient(issuer, "PAT-Q", "Individual");
        Set<String> aggregates = paidBatch(issuer, "PAGES", IntStream.range(0, 12)
                .mapToObj(i -> walletItem("P" + i, i % 2 == 0 ? "PAT-P" : "PAT-Q", "XTR94502", (i + 1) + ".00"))
                .toList());
        aggregates.add(issuer.walletId());
        List<Map<String, Object>> whole = awaitFeedOf(issuer, storedEventsOf(aggregates));

        for (int limit : new int[]{1, 7, 1000}) {
            List<Map<String, Object>> paged = new ArrayList<>();
            String cursor = null;
            while (true) {
                String path = "/API/v4/Events?Limit=" + limit + (cursor == null ? "" : "&After=" + cursor);
                String body = reads.text(issuer, path);
                assertThat(reads.text(issuer, path)).as("the same cursor answers the same").isEqualTo(body);
                Map<String, Object> page = reads.json(issuer, path);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> events = (List<Map<String, Object>>) page.get("Events");
                assertThat(events).hasSizeLessThanOrEqualTo(limit);
                paged.addAll(events);
                if (events.isEmpty()) {
                    assertThat(page.get("Next")).as("an empty page keeps its cursor").isEqualTo(cursor);
                    break;
                }
                cursor = (String) page.get("Next");
            }
            assertThat(paged).as("Limit " + limit).isEqualTo(whole);
        }
    }

    /**
     * Issue 19: a 5,000-item batch's events, read a page of 1,000 at a time by their cursors, are the store's own
     * events of the issuer in store order: none missing, none twice.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aFiveThousandItemBatchReplaysInStoreOrderWithNoGapAndNoDuplicateAcrossPages() {
        Issuer issuer = api.onboardIssuer("USD", "100000.00");
        api.limits(issuer, 5000).expectStatus().isOk();
        api.recipient(issuer, "PAT-F", "Individual");
        api.recipient(issuer, "PAT-G", "Individual");
        Map<String, Object> receipt = api.submitAccepted(issuer, batch(issuer, "FIVE-K", IntStream.range(0, 5000)
                .mapToObj(i -> walletItem("F" + i, i % 2 == 0 ? "PAT-F" : "PAT-G", "XTR94502", "1.00")).toList()));
        String batchId = (String) receipt.get("BatchId");
        Set<String> aggregates = new HashSet<>(Set.of(batchId, issuer.walletId()));
        ((List<Map<String, Object>>) receipt.get("Accepted")).forEach(a -> aggregates.add((String) a.get("TransactionId")));
        api.awaitFinal(issuer, batchId);
        ReadsApi.awaitBatchCompleted(jdbc, batchId, 1);
        for (String recipient : List.of("PAT-F", "PAT-G")) {
            api.issuerGet(issuer, "/API/v4/Recipients/" + recipient + "/Wallets", List.class)
                    .forEach(w -> aggregates.add((String) ((Map<String, Object>) w).get("WalletId")));
        }
        List<Long> stored = storedEventsOf(aggregates);
        assertThat(stored).as("events of the batch in the store").hasSizeGreaterThan(10_000);

        List<Map<String, Object>> paged = new ArrayList<>();
        int[] pages = new int[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            paged.clear();
            pages[0] = 0;
            String cursor = null;
            while (true) {
                Map<String, Object> page = reads.json(issuer, "/API/v4/Events?Limit=1000"
                        + (cursor == null ? "" : "&After=" + cursor));
                List<Map<String, Object>> events = events(page);
                if (events.isEmpty()) {
                    break;
                }
                assertThat(events).hasSizeLessThanOrEqualTo(1000);
                paged.addAll(events);
                pages[0]++;
                cursor = (String) page.get("Next");
            }
            assertThat(indexes(paged)).isEqualTo(new ArrayList<Object>(stored));
        });
        assertThat(new HashSet<>(indexes(paged))).as("no event twice").hasSize(paged.size());
        System.out.println("EventFeedIT: a 5,000-item batch replayed as " + paged.size() + " events in " + pages[0]
                + " pages of at most 1,000, in store order, none missing, none twice");
    }

    @Test
    void shouldRefuseAMalformedOrForeignCursorAndALimitOutOfRange() {
        Issuer issuer = api.onboardIssuer("USD", "1.00");
        Issuer other = api.onboardIssuer("USD", "1.00");
        String theirs = (String) reads.json(other, "/API/v4/Events?Limit=1").get("Next");
        String mine = (String) reads.json(issuer, "/API/v4/Events?Limit=1").get("Next");

        for (String query : List.of("After=" + theirs, "After=nonsense", "After=" + mine + "A", "After=")) {
            refused(issuer, query, "After");
        }
        for (String query : List.of("Limit=0", "Limit=1001", "Limit=ten", "Limit=-1", "After=" + mine + "&Limit=")) {
            refused(issuer, query, "Limit");
        }
    }

    /**
     * Two transactions can commit their global indexes out of order. An event that takes index g and commits
     * after events above g were served must still be served to a reader whose cursor passed those events; so
     * the feed stops below g until g's transaction ends, and goes on past it once g is stored or rolled back.
     */
    @Test
    void shouldNeverSkipAnEventCommittedLateIntoAGapBelowACursor() throws Exception {
        Issuer issuer = api.onboardIssuer("USD", "10.00");
        Set<String> aggregates = new HashSet<>(Set.of(issuer.walletId()));
        awaitFeedOf(issuer, storedEventsOf(aggregates));
        String cursor = (String) reads.json(issuer, "/API/v4/Events").get("Next");

        try (Connection late = store()) {
            late.setAutoCommit(false);
            String lateWallet = "WAL-LATE-" + UUID.randomUUID();
            long gap = insertWalletCreated(late, lateWallet, issuer.account());
            api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets/" + issuer.walletId() + "/Fund",
                    Map.of("Amount", "5.00", "Reference", "after the gap"), HttpStatus.OK);
            long funded = jdbc.queryForObject("""
                    select max(global_index) from domain_event_entry where aggregate_identifier = ?""", Long.class,
                    issuer.walletId());
            assertThat(funded).isGreaterThan(gap);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                    select count(*) from event_feed_index where global_index = ?""", Integer.class, funded) == 1);

            Map<String, Object> whileOpen = reads.json(issuer, "/API/v4/Events?After=" + cursor);
            assertThat(indexes(events(whileOpen))).as("nothing past the open gap %d", gap).isEmpty();
            assertThat(whileOpen.get("Next")).isEqualTo(cursor);

            late.commit();
            aggregates.add(lateWallet);
            List<Map<String, Object>> after = awaitFeedOf(issuer, "/API/v4/Events?After=" + cursor,
                    List.of(gap, funded));
            assertThat(after.get(0)).containsEntry("Type", "WalletCreated").containsEntry("AggregateId", lateWallet);
        }
    }

    @Test
    void aGapWhoseTransactionRolledBackDoesNotHoldTheFeedBack() throws Exception {
        Issuer issuer = api.onboardIssuer("USD", "10.00");
        awaitFeedOf(issuer, storedEventsOf(Set.of(issuer.walletId())));
        String cursor = (String) reads.json(issuer, "/API/v4/Events").get("Next");
        try (Connection rolledBack = store()) {
            rolledBack.setAutoCommit(false);
            insertWalletCreated(rolledBack, "WAL-NEVER-" + UUID.randomUUID(), issuer.account());
            api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets/" + issuer.walletId() + "/Fund",
                    Map.of("Amount", "5.00", "Reference", "after a gap that stays empty"), HttpStatus.OK);
            rolledBack.rollback();
        }
        long funded = jdbc.queryForObject("""
                select max(global_index) from domain_event_entry where aggregate_identifier = ?""", Long.class,
                issuer.walletId());

        // at most the gap timeout, when a write transaction elsewhere on the server runs longer than the test
        assertThat(awaitFeedOf(issuer, "/API/v4/Events?After=" + cursor, List.of(funded),
                Duration.ofSeconds(EventFeedQueries.GAP_TIMEOUT_SECONDS + 30)))
                .singleElement().satisfies(e -> assertThat(e).containsEntry("Type", "WalletFunded"));
    }

    private void refused(Issuer issuer, String query, String field) {
        reads.get(issuer, "/API/v4/Events?" + query).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.ErrorCode").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.Errors[0].Field").isEqualTo(field)
                .jsonPath("$.Errors[0].ErrorCode").isEqualTo("INVALID_FIELD");
    }

    /** Submits, waits until the batch is final and its BatchCompleted is stored; the batch's and items' ids. */
    @SuppressWarnings("unchecked")
    private Set<String> paidBatch(Issuer issuer, String customerBatchId, List<Map<String, Object>> items) {
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, customerBatchId, items)).get("BatchId");
        Set<String> ids = new HashSet<>(Set.of(batchId));
        for (Map<String, Object> item : (List<Map<String, Object>>) api.awaitFinal(issuer, batchId).get("Items")) {
            ids.add((String) item.get("TransactionId"));
            ids.add((String) item.get("WalletId"));
        }
        ReadsApi.awaitBatchCompleted(jdbc, batchId, 1);
        return ids;
    }

    /** The store's own answer: every event of these aggregates, in store order. */
    private List<Long> storedEventsOf(Set<String> aggregates) {
        return jdbc.queryForList("""
                        select global_index from domain_event_entry where aggregate_identifier = any(?)
                        order by global_index""", Long.class, (Object) aggregates.toArray(String[]::new));
    }

    private List<Map<String, Object>> awaitFeedOf(Issuer issuer, List<Long> expected) {
        return awaitFeedOf(issuer, "/API/v4/Events?Limit=1000", expected);
    }

    private List<Map<String, Object>> awaitFeedOf(Issuer issuer, String path, List<Long> expected) {
        return awaitFeedOf(issuer, path, expected, Duration.ofSeconds(30));
    }

    private List<Map<String, Object>> awaitFeedOf(Issuer issuer, String path, List<Long> expected, Duration atMost) {
        List<Map<String, Object>> last = new ArrayList<>();
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                last.clear();
                last.addAll(events(reads.json(issuer, path)));
                assertThat(indexes(last)).isEqualTo(new ArrayList<Object>(expected));
            });
        } catch (ConditionTimeoutException e) {
            System.out.println("EventFeedIT: feed position " + jdbc.queryForList("""
                    select token_index, gaps, horizons, seen_at, pg_current_snapshot()::text as snapshot
                    from event_feed_position""") + "; write transactions running on the server " + jdbc.queryForList("""
                    select datname, backend_xid::text, now() - xact_start as running from pg_stat_activity
                    where backend_xid is not null"""));
            throw e;
        }
        return last;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("Events");
    }

    private static List<Object> indexes(List<Map<String, Object>> events) {
        return events.stream().<Object>map(e -> ((Number) e.get("GlobalIndex")).longValue()).toList();
    }

    private Connection store() throws Exception {
        return dataSource.getConnection();
    }

    /** A wallet created by a transaction of the test's own: it takes its global index now, commits when told. */
    private static long insertWalletCreated(Connection connection, String walletId, String issuer) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                values (?, 0, 'Wallet', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), '1',
                    'io.masspay.kernel.wallet.WalletCreated', ?)
                returning global_index""")) {
            insert.setString(1, walletId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, """
                    {"walletId":"%s","issuer":"%s","ownerType":"Issuer","ownerId":"%s","currency":"USD"}"""
                    .formatted(walletId, issuer, issuer));
            insert.setString(4, Instant.now().toString());
            try (var rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
