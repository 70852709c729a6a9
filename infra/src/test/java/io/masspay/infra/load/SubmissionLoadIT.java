package io.masspay.infra.load;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Load on one node (issue 7, "Load"): 20 concurrent clients submit 100-item batches (70 wallet items, 30 on
 * the bank and push-to-card rails, a tenth of those declined) for {@code masspay.load.duration} (CI: PT20S; the
 * full setting is PT2M). Each client submits its next batch once its previous one is final, so the load is as
 * many batches in flight as clients, and the run ends with no backlog beyond them. Every POST must be a 202 or
 * a documented refusal (catalog code); at the end every item is final, no rail key is paid twice, the ledger
 * sums to 0.00 and per issuer the money funded equals its wallet, its recipients' wallets and what was paid
 * out. Prints POST latency percentiles and items/s.
 */
@MassPayIntegrationTest
class SubmissionLoadIT {

    private static final int CLIENTS = 20;
    private static final int ISSUERS = 5;
    private static final int RECIPIENTS = 10;
    private static final int ITEMS = 100;
    private static final BigDecimal FUNDING = new BigDecimal("1000000.00");
    private static final Set<String> DOCUMENTED = Set.of("VALIDATION_FAILED", "DUPLICATE_TRANSACTION",
            "BATCH_TOO_LARGE", "SERVICE_UNAVAILABLE");

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    record Submitted(Issuer issuer, String batchId, List<Map<String, Object>> items) {
    }

    @Test
    void shouldKeepEveryItemAndEveryCentUnderTwentyConcurrentClients() throws Exception {
        Duration duration = Duration.parse(System.getProperty("masspay.load.duration", "PT20S"));
        MassPayApi api = new MassPayApi(http);
        List<Issuer> issuers = new ArrayList<>();
        for (int i = 0; i < ISSUERS; i++) {
            Issuer issuer = api.onboardIssuer("USD", FUNDING.toPlainString());
            for (int r = 0; r < RECIPIENTS; r++) {
                api.fullRecipient(issuer, "PAT-" + r);
            }
            issuers.add(issuer);
        }
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        List<Submitted> submitted = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        AtomicLong finished = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                Issuer issuer = issuers.get(client % ISSUERS);
                for (int n = 0; System.nanoTime() < end; n++) {
                    List<Map<String, Object>> items = items("C" + client + "-" + n);
                    long sent = System.nanoTime();
                    EntityExchangeResult<Map> answer = api.submit(issuer, batch(issuer, "LOAD-C" + client + "-" + n,
                            items)).expectBody(Map.class).returnResult();
                    latenciesMicros.add((System.nanoTime() - sent) / 1_000);
                    int status = answer.getStatus().value();
                    if (status != 202) {
                        String code = String.valueOf(answer.getResponseBody().get("ErrorCode"));
                        refusals.computeIfAbsent(status + " " + code, k -> new AtomicInteger()).incrementAndGet();
                        continue;
                    }
                    String batchId = (String) answer.getResponseBody().get("BatchId");
                    submitted.add(new Submitted(issuer, batchId, items));
                    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                            .until(() -> isFinal(api, issuer, batchId));
                    finished.addAndGet(ITEMS);
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get(duration.toMillis() + TimeUnit.MINUTES.toMillis(6), TimeUnit.MILLISECONDS);
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;

        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        System.out.printf("SubmissionLoadIT: %s, %d clients, %d POSTs (%d accepted), %d items final in %.1f s = %.0f items/s;"
                        + " POST latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f; refusals %s%n",
                duration, CLIENTS, sorted.size(), submitted.size(), finished.get(), seconds, finished.get() / seconds,
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0, refusals);
        assertThat(submitted).as("batches accepted").isNotEmpty();
        assertThat(refusals.keySet()).as("only documented refusals")
                .allSatisfy(r -> assertThat(DOCUMENTED).contains(r.substring(4)));
        assertEveryItemFinal(api, submitted);
        assertThat(jdbc.queryForObject("""
                select count(*) from (select transaction_id from sandbox_payout where outcome = 'Paid'
                group by transaction_id having count(*) > 1) twice""", Long.class))
                .as("transactions paid more than once").isZero();
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
        for (Issuer issuer : issuers) {
            assertConserved(api, issuer, submitted.stream().filter(s -> s.issuer() == issuer).toList());
        }
    }

    private static List<Map<String, Object>> items(String prefix) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String recipient = "PAT-" + (i % RECIPIENTS);
            String cents = i % 10 == 9 ? "91" : String.format("%02d", i % 90);
            String amount = (1 + i % 7) + "." + cents;
            String method = i < 70 ? "XTR94502" : i % 2 == 0 ? "XTR94500" : "XTR94508";
            items.add(item(prefix + "-" + i, recipient, method, amount, Map.of()));
        }
        return items;
    }

    private static boolean isFinal(MassPayApi api, Issuer issuer, String batchId) {
        var result = api.status(issuer, batchId, "PageSize=1").returnResult(Map.class);
        return result.getStatus().value() == 200
                && !"Processing".equals(result.getResponseBody().blockFirst().get("Status"));
    }

    @SuppressWarnings("unchecked")
    private static void assertEveryItemFinal(MassPayApi api, List<Submitted> submitted) {
        for (Submitted s : submitted) {
            Map<String, Object> status = api.awaitFinal(s.issuer(), s.batchId());
            assertThat((Map<String, Object>) status.get("Counts")).as(s.batchId()).containsEntry("Processing", 0);
            assertThat(status.get("TotalItems")).isEqualTo(ITEMS);
        }
    }

    /** Funded = the issuer's wallet + its recipients' wallets + what the rails paid out, to the cent. */
    @SuppressWarnings("unchecked")
    private static void assertConserved(MassPayApi api, Issuer issuer, List<Submitted> batches) {
        BigDecimal paidOut = BigDecimal.ZERO;
        for (Submitted s : batches) {
            List<Map<String, Object>> items = (List<Map<String, Object>>) api.awaitFinal(issuer, s.batchId()).get("Items");
            for (Map<String, Object> item : items) {
                if (!"XTR94502".equals(item.get("SendMethodId")) && "Success".equals(item.get("Status"))) {
                    paidOut = paidOut.add(new BigDecimal((String) item.get("Amount")));
                }
            }
        }
        BigDecimal wallet = new BigDecimal((String) api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(),
                Map.class).get("Balance"));
        BigDecimal recipients = BigDecimal.ZERO;
        for (int r = 0; r < RECIPIENTS; r++) {
            for (Object w : api.issuerGet(issuer, "/API/v4/Recipients/PAT-" + r + "/Wallets", List.class)) {
                recipients = recipients.add(new BigDecimal((String) ((Map<String, Object>) w).get("Balance")));
            }
        }
        System.out.printf("SubmissionLoadIT: %s funded %s = wallet %s + recipients %s + paid out %s%n",
                issuer.account(), FUNDING, wallet, recipients, paidOut);
        assertThat(wallet.add(recipients).add(paidOut)).as("money of %s", issuer.account()).isEqualTo(FUNDING);
    }

    private static double pct(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
