package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the read models from the event store gives back exactly what was there, and touches
 * nothing that acts: no event is written, no rail is called, no acting processor is reset.
 */
class ProjectionRebuildIT extends ReadsTestBase {

    /** Every read-model table, whole: everything a client can see comes from these. */
    static final List<String> READ_MODEL_TABLES = List.of("batch_view", "batch_item_view", "ledger_posting",
            "ledger_account", "item_history_batch", "item_history_item", "item_history_attempt", "item_history_step",
            "audit_batch", "audit_transaction", "audit_event_index", "daily_totals_item");
    /** The rebuildable processors; the last one writes item history, audit index and daily totals (ADR 0011). */
    static final List<String> READ_MODELS = List.of("batch-status", "ledger", "transaction-views");
    static final List<String> ACTING = List.of("payments", "batch-progress", "PayoutSagaProcessor");

    @Test
    void shouldRebuildEveryReadModelIdenticallyAndLeaveTheActingProcessorsAlone() {
        Workload work = runMixedWorkload();
        api.settledLedger("USD");
        reads.awaitProjectionsLive(Duration.ofSeconds(60));
        Map<String, List<String>> before = dump();
        Map<String, String> clientViewBefore = clientView(work);
        long events = count("domain_event_entry");
        Map<String, Long> actingPositions = actingPositions();
        List<Map<String, Object>> railCalls = api.sandboxPayouts();
        assertThat(before).allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());
        READ_MODEL_TABLES.forEach(table -> jdbc.update(
                "delete from " + table + " where ctid = (select ctid from " + table + " limit 1)"));
        assertThat(dump()).as("damaged, so only a real rebuild can restore it").isNotEqualTo(before);

        List<?> started = http.post().uri("/API/v4/Admin/Projections/Rebuild")
                .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).exchange()
                .expectStatus().isAccepted().expectBody(List.class).returnResult().getResponseBody();
        assertThat(started.stream().map(p -> ((Map<?, ?>) p).get("Name")).toList()).isEqualTo(READ_MODELS);
        List<Map<String, Object>> live = reads.awaitProjectionsLive(Duration.ofSeconds(120));

        assertThat(live).extracting(p -> p.get("Name") + ":" + p.get("Status") + ":" + p.get("Lag"))
                .containsExactly("batch-status:Live:0", "ledger:Live:0", "transaction-views:Live:0");
        Map<String, List<String>> after = dump();
        READ_MODEL_TABLES.forEach(table -> assertThat(after.get(table)).as(table).isEqualTo(before.get(table)));
        assertThat(clientView(work)).isEqualTo(clientViewBefore);
        assertThat(count("domain_event_entry")).as("a rebuild writes no event").isEqualTo(events);
        Map<String, Long> actingAfter = actingPositions();
        assertThat(actingAfter.keySet()).isEqualTo(actingPositions.keySet());
        actingPositions.forEach((segment, position) -> assertThat(actingAfter.get(segment))
                .as("%s never goes back: acting processors are never reset", segment).isGreaterThanOrEqualTo(position));
        assertThat(api.sandboxPayouts()).as("no rail called again").isEqualTo(railCalls);
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name in (?, ?, ?)"
                + " and token_type like '%ReplayToken'", Integer.class, ACTING.toArray())).isZero();
    }

    @Test
    void shouldReportEachReadModelAndKeepTheProjectionsToTheOperator() {
        List<Map<String, Object>> projections = reads.projections();
        assertThat(projections).extracting(p -> p.get("Name")).containsExactlyElementsOf(READ_MODELS);
        assertThat(projections).allSatisfy(p -> assertThat(p.get("Status")).isIn("Live", "Replaying"));
        Issuer issuer = api.onboardIssuer("USD", "1.00");
        reads.get(issuer, "/API/v4/Admin/Projections").expectStatus().isForbidden()
                .expectBody().jsonPath("$.ErrorCode").isEqualTo("FORBIDDEN");
        http.post().uri("/API/v4/Admin/Projections/Rebuild").headers(h -> h.setBearerAuth(issuer.apiKey()))
                .exchange().expectStatus().isForbidden();
    }

    private record Workload(Issuer issuer, Issuer shortOfFunds, List<String> batches) {
    }

    /**
     * Wallet items, rail items with every sandbox outcome, a retained item paid on retry, an item that
     * fails for lack of funds, and a cash-out: every kind of event and every read model gets rows.
     */
    private Workload runMixedWorkload() {
        Issuer issuer = api.onboardIssuer("USD", "1000.00");
        api.fullRecipient(issuer, "PAT-1");
        api.recipient(issuer, "ORG-1", "Company");
        String mixed = (String) api.submitAccepted(issuer, batch(issuer, "MIXED", List.of(
                walletItem("WALLET", "PAT-1", "XTR94502", "5.00"),
                walletItem("COMPANY", "ORG-1", "XTR94504", "6.00"),
                item("BANK", "PAT-1", "XTR94500", "10.00", Map.of()),
                item("DECLINED", "PAT-1", "XTR94500", "1.91", Map.of()),
                item("UNAVAILABLE", "PAT-1", "XTR94508", "2.92", Map.of()),
                item("CLOSED", "PAT-1", "XTR94503", "3.94", Map.of()),
                item("CHECK", "PAT-1", "XTR94507", "4.00", Map.of())))).get("BatchId");
        api.awaitFinal(issuer, mixed);

        List<Map<String, Object>> outage = List.of(item("OUTAGE", "PAT-1", "XTR94500", "7.00", Map.of()));
        api.railMode("XTR94500", "Down");
        String retried = (String) api.submitAccepted(issuer, batch(issuer, "RETRY", outage)).get("BatchId");
        ReadsApi.awaitBatchCompleted(jdbc, retried, 1);
        api.railMode("XTR94500", "Up");
        api.submitAccepted(issuer, batch(issuer, "RETRY", outage));
        api.awaitStatus(issuer, retried, s -> "Completed".equals(s.get("Status")));

        String walletId = (String) ((List<Map<String, Object>>) api.awaitFinal(issuer, mixed).get("Items")).get(0)
                .get("WalletId");
        String cashout = (String) api.issuerPost(issuer, "/API/v4/Recipients/PAT-1/Wallets/" + walletId + "/Cashout",
                Map.of("SendMethodId", "XTR94508", "Amount", "5.00", "Destination", Map.of()), HttpStatus.ACCEPTED)
                .get("TransactionId");

        Issuer shortOfFunds = api.onboardIssuer("USD", "5.00");
        api.recipient(shortOfFunds, "PAT-2", "Individual");
        String failed = (String) api.submitAccepted(shortOfFunds, batch(shortOfFunds, "SHORT", List.of(
                walletItem("FITS", "PAT-2", "XTR94502", "3.00"),
                walletItem("DOES-NOT", "PAT-2", "XTR94502", "3.00")))).get("BatchId");
        api.awaitFinal(shortOfFunds, failed);
        awaitQuiet(cashout, Map.of(mixed, 1, retried, 2, failed, 1));
        return new Workload(issuer, shortOfFunds, List.of(mixed, retried, failed));
    }

    /**
     * Waits until the workload has written its last event (the batches' own completions, the cash-out's
     * success): the first dump must not race the processors that act.
     */
    private void awaitQuiet(String cashout, Map<String, Integer> completions) {
        completions.forEach((batchId, times) -> ReadsApi.awaitBatchCompleted(jdbc, batchId, times));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type = 'io.masspay.kernel.transaction.ItemSucceeded'""", Integer.class, cashout) == 1);
    }

    /** What clients read over HTTP, byte for byte: status, history, report, audit and totals. */
    private Map<String, String> clientView(Workload work) {
        Map<String, String> view = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (Issuer issuer : List.of(work.issuer(), work.shortOfFunds())) {
            view.put(issuer.account() + " totals", reads.text(issuer, "/API/v4/Reports/DailyTotals?From="
                    + today.minusDays(1) + "&To=" + today.plusDays(1)));
            view.put(issuer.account() + " wallet", reads.text(issuer, "/API/v4/Wallets/" + issuer.walletId()
                    + "/Entries"));
        }
        for (String batchId : work.batches()) {
            Issuer owner = batchId.equals(work.batches().get(2)) ? work.shortOfFunds() : work.issuer();
            view.put(batchId + " status", reads.text(owner, "/API/v4/Fund/BatchTransfer/" + batchId));
            view.put(batchId + " report", reads.text(owner, "/API/v4/Fund/BatchTransfer/" + batchId + "/Report.csv"));
            view.put(batchId + " audit", reads.text(owner, "/API/v4/Audit/Batches/" + batchId + "/Events"));
        }
        view.put("history", reads.text(work.issuer(), ReadsApi.historyPath(work.batches().get(1), "OUTAGE")));
        view.put("balances", reads.admin("/API/v4/Admin/Ledger/Balances").expectBody(String.class).returnResult()
                .getResponseBody());
        return view;
    }

    private Map<String, List<String>> dump() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : READ_MODEL_TABLES) {
            tables.put(table, jdbc.queryForList("select * from " + table).stream()
                    .map(row -> row.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .sorted().toList());
        }
        return tables;
    }

    /** Stored positions of the acting processors' segments (their tokens are gap-aware JSON with an index). */
    private Map<String, Long> actingPositions() {
        Map<String, Long> positions = new LinkedHashMap<>();
        jdbc.query("""
                select processor_name, segment, convert_from(token, 'UTF8')::jsonb ->> 'index' from token_entry
                where processor_name in (?, ?, ?) and token is not null order by 1, 2""", rs -> {
            positions.put(rs.getString(1) + "/" + rs.getInt(2), rs.getLong(3));
        }, ACTING.toArray());
        assertThat(positions).isNotEmpty();
        return positions;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
