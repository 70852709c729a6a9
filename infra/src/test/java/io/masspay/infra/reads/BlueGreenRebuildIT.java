package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild of every read model never takes reads away (issue 17, ADR 0019): on a store of many events
 * ({@code -Dmasspay.rebuild-test.events}, 1,000,000 for the figure; the CI default keeps the test short),
 * reads made all through the rebuild answer the figures of the live read models, then, once the rebuilt ones are
 * swapped in, the rebuilt figures: never a 404, an empty or a partial figure, never back. A client writing during
 * the rebuild reads its own writes at once, before and after the switch.
 *
 * <p>The store is real batches made through the API, multiplied by {@link MultipliedEventStore} behind the
 * processors' backs: the live read models do not show the copies, the rebuilt ones show each real figure once
 * per copy more, so every read tells which generation served it.
 */
class BlueGreenRebuildIT extends ReadsTestBase {

    private static final long EVENTS = Long.getLong("masspay.rebuild-test.events", 100_000);
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    DataSource dataSource;

    /** What is read, and the one answer each generation gives. */
    private record Probe(String name, Issuer caller, String path) {
    }

    /** One read: its status, and its body by digest (a long rebuild makes many reads of large bodies). */
    private record Observation(Probe probe, int status, String digest, String start, long at) {
    }

    /** The USD figures of the ledger's balances: the writer's EUR ones move all through the rebuild. */
    private static final java.util.regex.Pattern USD = java.util.regex.Pattern.compile("\\{\"Currency\":\"USD\"[^}]*}");

    @Test
    void shouldKeepAnsweringTheLiveFiguresThenTheRebuiltOnesAndNeverAnythingElse() throws Exception {
        Issuer issuer = api.onboardIssuer("USD", "100000.00");
        api.fullRecipient(issuer, "PAT-1");
        api.recipient(issuer, "ORG-1", "Company");
        List<Map<String, Object>> items = new ArrayList<>();
        IntStream.range(0, 150).forEach(i -> items.add(walletItem("W" + i, i % 2 == 0 ? "PAT-1" : "ORG-1",
                i % 2 == 0 ? "XTR94502" : "XTR94504", "1." + String.format("%02d", i % 100))));
        items.add(item("BANK", "PAT-1", "XTR94500", "10.00", Map.of()));
        items.add(item("DECLINED", "PAT-1", "XTR94500", "1.91", Map.of()));
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "REAL", items)).get("BatchId");
        api.awaitFinal(issuer, batchId);
        ReadsApi.awaitBatchCompleted(jdbc, batchId, 1);
        reads.awaitProjectionsLive(Duration.ofSeconds(60));

        MultipliedEventStore store = new MultipliedEventStore(jdbc, processing);
        long started = System.nanoTime();
        int copies = store.growTo(EVENTS);
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        System.out.printf("rebuild test store: %,d events (%d copies of %,d) generated in %.1f s%n", events, copies,
                store.templateSize() / (copies + 1), (System.nanoTime() - started) / 1e9);
        reads.awaitProjectionsLive(Duration.ofSeconds(60));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Probe> unchanged = List.of(
                new Probe("status", issuer, "/API/v4/Fund/BatchTransfer/" + batchId + "?PageSize=500"),
                new Probe("by CustomerBatchId", issuer, "/API/v4/Fund/BatchTransfer?CustomerBatchId=REAL"),
                new Probe("report", issuer, "/API/v4/Fund/BatchTransfer/" + batchId + "/Report.csv"),
                new Probe("history", issuer, ReadsApi.historyPath(batchId, "BANK")),
                new Probe("audit", issuer, "/API/v4/Audit/Batches/" + batchId + "/Events"),
                new Probe("wallet", issuer, "/API/v4/Wallets/" + issuer.walletId()),
                new Probe("wallet entries", issuer, "/API/v4/Wallets/" + issuer.walletId() + "/Entries"));
        List<Probe> grown = List.of(
                new Probe("daily totals", issuer, "/API/v4/Reports/DailyTotals?From=" + today.minusDays(1) + "&To="
                        + today.plusDays(1)),
                new Probe("batch list", issuer, "/API/v4/Fund/BatchTransfer?Page=1&PageSize=1"),
                new Probe("ledger balances", null, "/API/v4/Admin/Ledger/Balances"));
        List<Probe> probes = new ArrayList<>(unchanged);
        probes.addAll(grown);
        Map<Probe, String> live = new LinkedHashMap<>();
        probes.forEach(p -> live.put(p, body(p)));

        // another issuer writes all through the rebuild (another currency: the USD balances stay comparable)
        Issuer writer = api.onboardIssuer("EUR", "100000.00");
        api.recipient(writer, "PAT-9", "Individual");
        ConcurrentLinkedQueue<Observation> seen = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> ownWrites = new ConcurrentLinkedQueue<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread readers = new Thread(() -> {
            while (reading.get()) {
                probes.forEach(p -> seen.add(read(p)));
            }
        }, "rebuild-readers");
        Thread writes = new Thread(() -> {
            for (int n = 0; reading.get(); n++) {
                String customerBatchId = "DURING-" + n;
                api.submitAccepted(writer, batch(writer, customerBatchId,
                        List.of(walletItem("ONE-" + n, "PAT-9", "XTR94502", "1.00"))));
                int status = http.get().uri("/API/v4/Fund/BatchTransfer?CustomerBatchId=" + customerBatchId)
                        .headers(h -> h.setBearerAuth(writer.apiKey())).exchange().returnResult(String.class)
                        .getStatus().value();
                ownWrites.add(customerBatchId + ":" + status);
                try {
                    Thread.sleep(100); // a steady trickle of writes, not a flood
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rebuild-writer");
        readers.start();
        writes.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() >= probes.size());

        // a server-side prepared "select *" (pgjdbc prepares on the server from the 5th execution) made before the
        // switch and executed again after it: PostgreSQL re-plans it on the swapped table, same result type
        Connection pinned = dataSource.getConnection();
        PreparedStatement batches = pinned.prepareStatement("select * from batch_view where issuer_account_number = ?");
        for (int i = 0; i < 10; i++) {
            assertThat(rows(batches, issuer.account())).isEqualTo(1);
        }

        long rebuildStarted = System.nanoTime();
        List<Map<String, Object>> accepted = http.post().uri("/API/v4/Admin/Projections/Rebuild")
                .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).exchange()
                .expectStatus().isAccepted().expectBody(LIST).returnResult().getResponseBody();
        long askedAt = System.nanoTime();
        assertThat(accepted).extracting(p -> p.get("Status")).containsOnly("Rebuilding");
        List<String> statuses = new ArrayList<>();
        await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<Map<String, Object>> now = reads.projections();
            now.forEach(p -> statuses.add(p.get("Name") + ":" + p.get("Status")));
            return now.stream().allMatch(p -> "Live".equals(p.get("Status"))
                    && ((Number) p.get("Generation")).intValue() == 1);
        });
        long switchedAt = System.nanoTime();
        double seconds = (switchedAt - rebuildStarted) / 1e9;
        int readsBefore = seen.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() >= readsBefore + 2 * probes.size());
        reading.set(false);
        readers.join();
        writes.join();

        assertThat(rows(batches, issuer.account())).as("the same prepared statement, after the switch")
                .isEqualTo(copies + 1);
        pinned.close();

        Map<Probe, String> rebuilt = new LinkedHashMap<>();
        probes.forEach(p -> rebuilt.put(p, body(p)));
        printFigures(events, seconds);

        unchanged.forEach(p -> assertThat(rebuilt.get(p)).as(p.name()).isEqualTo(live.get(p)));
        grown.forEach(p -> assertThat(rebuilt.get(p)).as(p.name() + " shows the copies").isNotEqualTo(live.get(p)));
        assertThat(counts(rebuilt.get(grown.get(0)))).as("every copy counted once, no more, no less")
                .isEqualTo(counts(live.get(grown.get(0))).multiply(BigDecimal.valueOf(copies + 1L)));

        List<Observation> during = seen.stream().filter(o -> o.at() > askedAt && o.at() < switchedAt).toList();
        System.out.printf("reads: %d in all, %d while the rebuild ran (%d of them the rebuilt figure), %d batches"
                        + " written and read back meanwhile%n", seen.size(), during.size(),
                during.stream().filter(o -> !o.digest().equals(digest(live.get(o.probe())))).count(), ownWrites.size());
        assertThat(during).as("reads answered while the rebuild ran").hasSizeGreaterThan(probes.size());
        Map<Probe, Boolean> switched = new LinkedHashMap<>();
        for (Observation o : seen) {
            assertThat(o.status()).as(o.probe().name() + " during the rebuild").isEqualTo(200);
            boolean isLive = o.digest().equals(digest(live.get(o.probe())));
            boolean isRebuilt = o.digest().equals(digest(rebuilt.get(o.probe())));
            assertThat(isRebuilt || isLive)
                    .as("%s answered neither the live nor the rebuilt figure: %s", o.probe().name(), o.start()).isTrue();
            if (!isLive) {
                switched.put(o.probe(), true);
            } else {
                assertThat(switched.getOrDefault(o.probe(), false)).as(o.probe().name() + " went back").isFalse();
            }
        }
        assertThat(during.stream().filter(o -> grown.contains(o.probe()))
                .anyMatch(o -> o.digest().equals(digest(live.get(o.probe())))))
                .as("the live figures kept being served during the rebuild").isTrue();
        assertThat(statuses).contains("ledger:Rebuilding", "batch-status:Rebuilding", "transaction-views:Rebuilding");
        assertThat(ownWrites).as("batches written during the rebuild").isNotEmpty()
                .allSatisfy(w -> assertThat(w).as("read right after its 202").endsWith(":200"));
        ownWrites.forEach(w -> http.get().uri("/API/v4/Fund/BatchTransfer?CustomerBatchId=" + w.split(":")[0])
                .headers(h -> h.setBearerAuth(writer.apiKey())).exchange().expectStatus().isOk());
        assertThat(jdbc.queryForList("select nspname from pg_namespace where nspname like 'rm\\_%'", String.class))
                .as("no copy or retired schema left").isEmpty();
    }

    private String body(Probe probe) {
        String token = probe.caller() == null ? MassPayApi.OPERATOR_TOKEN : probe.caller().apiKey();
        String body = http.get().uri(probe.path()).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return probe.name().equals("ledger balances") ? usd(body) : body;
    }

    private static String usd(String balances) {
        var usd = USD.matcher(balances);
        return usd.find() ? usd.group() : balances;
    }

    private Observation read(Probe probe) {
        String token = probe.caller() == null ? MassPayApi.OPERATOR_TOKEN : probe.caller().apiKey();
        var result = http.get().uri(probe.path()).headers(h -> h.setBearerAuth(token)).exchange()
                .expectBody(String.class).returnResult();
        String body = result.getResponseBody();
        if (body != null && probe.name().equals("ledger balances")) {
            body = usd(body);
        }
        return new Observation(probe, result.getStatus().value(), digest(body),
                body == null ? "" : body.substring(0, Math.min(300, body.length())), System.nanoTime());
    }

    private static String digest(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int rows(PreparedStatement statement, String issuer) throws SQLException {
        statement.setString(1, issuer);
        int rows = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    /** The sum of every row's Count in a DailyTotals answer. */
    private static BigDecimal counts(String totals) {
        var matcher = java.util.regex.Pattern.compile("\"Count\":(\\d+)").matcher(totals);
        BigDecimal sum = BigDecimal.ZERO;
        while (matcher.find()) {
            sum = sum.add(new BigDecimal(matcher.group(1)));
        }
        return sum;
    }

    private void printFigures(long events, double seconds) {
        System.out.printf("rebuild of every read model on %,d events: switched after %.1f s (%,.0f store events/s)%n",
                events, seconds, events / seconds);
        jdbc.query("select group_name, replayed_events, replay_millis from read_model_rebuild order by 1", rs -> {
            long replayed = rs.getLong(2);
            long millis = rs.getLong(3);
            System.out.printf("  %s: replayed %,d events in %.1f s (%,.0f events/s)%n", rs.getString(1), replayed,
                    millis / 1e3, millis == 0 ? 0 : replayed * 1000.0 / millis);
        });
    }
}
