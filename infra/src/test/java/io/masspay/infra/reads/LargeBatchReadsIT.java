package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One 5,000-item wallet batch, the largest the contract allows, read every way: how far the status model
 * trails the events (measured, printed, not asserted), status page latency, the whole Report.csv and the
 * whole audit stream (about 20,000 events). Figures go to standard output; only correctness is asserted.
 */
@MassPayIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LargeBatchReadsIT {

    static final int ITEMS = 5000;
    static final int RECIPIENTS = 20;
    static final String ITEM_SUBMITTED = "io.masspay.kernel.transaction.ItemSubmitted";
    static final String ITEM_SUCCEEDED = "io.masspay.kernel.transaction.ItemSucceeded";

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    MassPayApi api;
    ReadsApi reads;
    Issuer issuer;
    String batchId;
    BigDecimal total = BigDecimal.ZERO;

    @Test
    @Order(1)
    void shouldMeasureHowFarTheStatusModelTrailsTheEventsOfA5000ItemBatch() throws Exception {
        api = new MassPayApi(http);
        reads = new ReadsApi(http);
        issuer = api.onboardIssuer("USD", "20000.00");
        api.limits(issuer, ITEMS).expectStatus().isOk();
        for (int r = 0; r < RECIPIENTS; r++) {
            api.recipient(issuer, "PAT-" + r, "Individual");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String amount = "1." + String.format("%02d", i % 100);
            total = total.add(new BigDecimal(amount));
            items.add(walletItem("C-" + i, "PAT-" + (i % RECIPIENTS), "XTR94502", amount));
        }

        CompletableFuture<Map<String, Object>> receipt = CompletableFuture.supplyAsync(
                () -> api.submitAccepted(issuer, batch(issuer, "BIG-1", items)));
        Map<String, Long> committedSeen = new HashMap<>();
        Map<String, Long> statusSeen = new HashMap<>();
        long[] storeHead = {jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry",
                Long.class)};
        // sample the store and the read model every 25 ms until every item is submitted and paid there
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(25)).until(() -> {
            if (batchId == null && receipt.isDone()) {
                batchId = (String) receipt.get().get("BatchId");
            }
            long snapshotAt = System.currentTimeMillis();
            // the store, incrementally; a look-back covers events committed late into a gap
            jdbc.query("""
                    select global_index, aggregate_identifier, payload_type from domain_event_entry
                    where global_index > ? and payload_type in (?, ?)""", rs -> {
                committedSeen.putIfAbsent(rs.getString(2) + "/" + simpleName(rs.getString(3)), snapshotAt);
                storeHead[0] = Math.max(storeHead[0], rs.getLong(1));
            }, storeHead[0] - 2000, ITEM_SUBMITTED, ITEM_SUCCEEDED);
            if (batchId != null) {
                jdbc.query("select transaction_id, status from batch_item_view where batch_id = ?", rs -> {
                    statusSeen.putIfAbsent(rs.getString(1) + "/ItemSubmitted", snapshotAt);
                    if ("Success".equals(rs.getString(2))) {
                        statusSeen.putIfAbsent(rs.getString(1) + "/ItemSucceeded", snapshotAt);
                    }
                }, batchId);
            }
            return statusSeen.size() == 2 * ITEMS;
        });
        assertThat(statusSeen).as("every item submitted and paid").hasSize(2 * ITEMS);

        Map<String, Long> timestamps = eventTimestamps();
        List<Long> endToEnd = new ArrayList<>();
        List<Long> projectionOnly = new ArrayList<>();
        statusSeen.forEach((event, seen) -> {
            endToEnd.add(seen - timestamps.get(event));
            if (committedSeen.containsKey(event)) {
                projectionOnly.add(seen - committedSeen.get(event));
            }
        });
        System.out.printf("%nPROJECTION LAG (batch-status, 5,000 wallet items = 10,000 ItemSubmitted/ItemSucceeded, "
                        + "25 ms polling): event timestamp -> status row p50=%d ms p99=%d ms; committed in the store "
                        + "-> status row p50=%d ms p99=%d ms (n=%d)%n", percentile(endToEnd, 50),
                percentile(endToEnd, 99), percentile(projectionOnly, 50), percentile(projectionOnly, 99),
                projectionOnly.size());
    }

    @Test
    @Order(2)
    void shouldServeStatusPagesOfTheBatchQuickly() {
        List<Long> micros = new ArrayList<>();
        List<Object> firstPass = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int page = i % (ITEMS / 100) + 1;
            long start = System.nanoTime();
            Map<String, Object> status = api.status(issuer, batchId, "PageSize=100&Page=" + page).expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            micros.add((System.nanoTime() - start) / 1000);
            assertThat((List<?>) status.get("Items")).hasSize(100);
            if (i < ITEMS / 100) {
                ((List<?>) status.get("Items")).forEach(item -> firstPass.add(((Map<?, ?>) item).get("TransactionId")));
            }
            assertThat(status).containsEntry("TotalItems", ITEMS).containsEntry("Status", "Completed");
        }
        assertThat(firstPass).as("pages 1..50 list every item exactly once").hasSize(ITEMS).doesNotHaveDuplicates();
        System.out.printf("%nSTATUS GET (5,000-item batch, PageSize=100, 100 GETs): p50=%.1f ms p99=%.1f ms%n",
                percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0);
    }

    @Test
    @Order(3)
    void shouldExportEveryAttemptOfTheBatchAsCsv() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("""
                select count(*) from item_history_attempt a join item_history_item i using (transaction_id)
                where i.batch_id = ? and a.finished_at is not null""", Integer.class, batchId) == ITEMS);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("""
                select count(*) from ledger_posting where transaction_id in
                (select transaction_id from transaction_claim where batch_id = ?)""", Integer.class, batchId) == 2 * ITEMS);

        long start = System.nanoTime();
        String csv = reads.text(issuer, "/API/v4/Fund/BatchTransfer/" + batchId + "/Report.csv");
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<CSVRecord> rows = BatchReportIT.parse(csv);

        assertThat(rows).hasSize(ITEMS);
        assertThat(rows).extracting(r -> r.get("CustomerTransactionId")).doesNotHaveDuplicates();
        assertThat(rows.stream().map(r -> new BigDecimal(r.get("Amount"))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(total);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("Status")).isEqualTo("Success");
            assertThat(r.get("PostingIds").split(";")).hasSize(2);
        });
        System.out.printf("%nREPORT.CSV (5,000 item attempts, %d bytes): exported in %d ms%n", csv.length(), millis);
    }

    @Test
    @Order(4)
    void shouldStreamTheWholeAuditTrailOfTheBatch() {
        int stored = StoredBatchEvents.globalIndexes(jdbc, batchId).size();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(distinct global_index) from audit_event_index where batch_id = ?", Integer.class,
                batchId) == stored);

        long start = System.nanoTime();
        List<Map<String, Object>> events = reads.events(issuer, "/API/v4/Audit/Batches/" + batchId + "/Events");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(events).hasSize(stored);
        List<Long> order = events.stream().map(e -> ((Number) e.get("GlobalIndex")).longValue()).toList();
        assertThat(order).isSorted().doesNotHaveDuplicates();
        System.out.printf("%nAUDIT STREAM (5,000-item batch): %d events in %d ms%n", events.size(), millis);
    }

    /** The timestamp each item event carries (set when the write side applied it, before its commit). */
    private Map<String, Long> eventTimestamps() {
        Map<String, Long> timestamps = new HashMap<>();
        jdbc.query("""
                select aggregate_identifier, payload_type, time_stamp from domain_event_entry
                where payload_type in (?, ?) and aggregate_identifier in
                    (select transaction_id from transaction_claim where batch_id = ?)""", rs -> {
            timestamps.put(rs.getString(1) + "/" + simpleName(rs.getString(2)),
                    Instant.parse(rs.getString(3)).toEpochMilli());
        }, ITEM_SUBMITTED, ITEM_SUCCEEDED, batchId);
        return timestamps;
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
