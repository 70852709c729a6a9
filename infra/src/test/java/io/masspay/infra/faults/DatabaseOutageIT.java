package io.masspay.infra.faults;

import io.masspay.infra.MassPayApplication;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, "Database outage": PostgreSQL stops for {@code masspay.outage.seconds} (30) in the middle of a
 * {@code masspay.outage.items}-item mixed batch (2,000 in CI; the full setting is 5,000) and starts again
 * on the same data. Meanwhile the service says DOWN on /actuator/health (503) and answers new submissions
 * with 503 SERVICE_UNAVAILABLE in the contract body, promptly, never 500. Afterwards, without restarting
 * anything: nothing paid twice and the ledger balanced; then the batch finishes: every item final, each
 * rail transaction paid once, the issuer debited once per item, every processor working again, health UP.
 * The figures are printed.
 *
 * <p>A batch that is not final within {@code masspay.outage.recovery-seconds} (120) of the restart fails the
 * test with the processors' state. It guards issue 7: PostgreSQL JDBC 42.7.11 under {@code -ea} (every test
 * JVM) turned a connection lost in the middle of the event append into an AssertionError, which escaped
 * Axon's {@code catch (Exception)} in the pooled processor's work package and left {@code payments} stopped
 * for good (README, "Operations"; the root pom pins a driver without it).
 */
class DatabaseOutageIT {

    private static final int ITEMS = Integer.getInteger("masspay.outage.items", 2000);
    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("masspay.outage.seconds", 30));
    /** The application's Hikari connection-timeout (application.yml) plus generous slack for a busy machine. */
    private static final Duration PROMPT = Duration.ofSeconds(10);
    /** How long the batch may take to finish once PostgreSQL is back (Axon's retry backoff reaches 60 s). */
    private static final Duration RECOVERY = Duration.ofSeconds(Integer.getInteger("masspay.outage.recovery-seconds", 120));
    private static final List<String> RAIL_METHODS = List.of("XTR94500", "XTR94503", "XTR94505", "XTR94507", "XTR94508");

    @TempDir
    Path data;

    @Test
    void shouldReportDownAnswer503AndFinishTheBatchAfterTheDatabaseComesBack() throws Exception {
        try (PrivatePostgres postgres = new PrivatePostgres(data.resolve("pgdata"));
             ConfigurableApplicationContext app = new SpringApplicationBuilder(MassPayApplication.class).run(
                     "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=" + postgres.user(),
                     "--spring.datasource.password=", "--server.port=0",
                     "--masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN,
                     "--masspay.payouts.initial-backoff=PT0.05S", "--masspay.sandbox.slow-call=PT0.2S")) {
            WebTestClient http = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(60))
                    // the receipt of a few thousand items is larger than the client's default 256 KiB
                    .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
            MassPayApi api = new MassPayApi(http);
            Issuer issuer = api.onboardIssuer("USD", "1000000.00");
            api.limits(issuer, 5000).expectStatus().isOk();
            for (int r = 1; r <= 10; r++) {
                api.fullRecipient(issuer, "PAT-" + r);
            }
            api.recipient(issuer, "ORG-1", "Company");
            List<Map<String, Object>> items = mixedItems();
            BigDecimal debited = items.stream().map(i -> new BigDecimal((String) i.get("Amount")))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            long declined = items.stream().filter(i -> ((String) i.get("Amount")).endsWith(".91")).count();

            String batchId = (String) api.submitAccepted(issuer, batch(issuer, "OUTAGE-1", items)).get("BatchId");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> finalCount(counts(http, issuer, batchId)) >= Math.min(200, ITEMS / 10));
            int finalBefore = finalCount(counts(http, issuer, batchId));

            // --- the outage ---
            long stoppedAt = System.nanoTime();
            postgres.stop();
            Outage outage = duringTheOutage(http, issuer, stoppedAt);
            postgres.start();
            long startedAt = System.nanoTime();

            // --- recovery, nothing restarted but PostgreSQL ---
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "UP".equals(component(http, "db")));
            double dbUpAfter = seconds(System.nanoTime() - startedAt);
            boolean finished = awaitQuietly(RECOVERY, () -> !"Processing".equals(batchStatus(http, issuer, batchId).get("Status")));
            double finishedAfter = seconds(System.nanoTime() - startedAt);

            // whether or not the batch finished: nothing paid twice, the ledger balanced
            RailFigures rails = railFigures(postgres);
            assertThat(rails.transactionsPaidTwice()).as("transactions paid twice").isZero();
            Map<String, Object> balances = ledger(api);
            assertThat(balances.get("Total")).isEqualTo("0.00");
            Map<String, Integer> counts = counts(http, issuer, batchId);
            printFigures(outage, finalBefore, declined, dbUpAfter, finished, finishedAfter, counts, rails);
            assertThat(finished).as("batch final after the database came back; processors: " + processors(http))
                    .isTrue();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> http.get().uri("/actuator/health").exchange().returnResult(String.class)
                            .getStatus().value() == 200);
            assertThat(counts.get("Processing")).as("items not final").isZero();
            assertThat(counts.get("Success")).isEqualTo(ITEMS - (int) declined);
            assertThat(counts.get("RetainedInWallet")).isEqualTo((int) declined);
            assertThat(counts.get("Failed")).isZero();

            Map<String, Object> ledger = api.settledLedger("USD");
            assertThat(ledger.get("Total")).isEqualTo("0.00");
            assertThat(new BigDecimal((String) ledger.get("IssuerWallets")))
                    .as("issuer wallets: funding minus every item, debited exactly once")
                    .isEqualByComparingTo(new BigDecimal("1000000.00").subtract(debited));
            RailFigures after = railFigures(postgres);
            assertThat(after.transactionsPaidTwice()).as("transactions paid twice").isZero();
            assertThat(after.paid()).as("rail items paid")
                    .isEqualTo(items.stream().filter(i -> RAIL_METHODS.contains(i.get("SendMethodId"))
                            && !((String) i.get("Amount")).endsWith(".91")).count());

            http.get().uri("/actuator/health").headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.components.db.status").isEqualTo("UP")
                    .jsonPath("$.components.eventProcessors.status").isEqualTo("UP");
            // the processors caught up with the whole event store, and new work goes through again
            String next = (String) api.submitAccepted(issuer, batch(issuer, "OUTAGE-2",
                    List.of(item("AFTER-1", "PAT-1", "XTR94500", "1.00", Map.of())))).get("BatchId");
            assertThat(api.awaitFinal(issuer, next).get("Status")).isEqualTo("Completed");
        }
    }

    private static void printFigures(Outage outage, int finalBefore, long declined, double dbUpAfter, boolean finished,
                                     double finishedAfter, Map<String, Integer> counts, RailFigures rails) {
        System.out.printf("""
                DatabaseOutageIT figures (2 shared cores, other builds running: wall-clock times are noisy)
                  items in the batch            : %d (%d declined by the rail on purpose)
                  items final when PG stopped   : %d
                  outage (PG stopped)           : %.1f s
                  health DOWN (503) after       : %.1f s
                  submissions during the outage : %d, all 503 SERVICE_UNAVAILABLE; latency max %.2f s, mean %.2f s
                  db UP after restart           : %.1f s
                  batch final after restart     : %s
                  item counts                   : %s
                  rail payouts paid / twice     : %d / %d (%d rail calls recorded)
                %n""", ITEMS, declined, finalBefore, outage.seconds(), outage.downAfter(), outage.latencies().size(),
                outage.latencies().stream().mapToDouble(d -> d).max().orElse(0),
                outage.latencies().stream().mapToDouble(d -> d).average().orElse(0), dbUpAfter,
                finished ? "%.1f s".formatted(finishedAfter) : "NOT within %.0f s".formatted(finishedAfter), counts,
                rails.paid(), rails.transactionsPaidTwice(), rails.calls());
    }

    private record Outage(double seconds, double downAfter, List<Double> latencies) {
    }

    /**
     * Probes for as long as the database is down: health must say DOWN, and every new submission must be
     * answered 503 SERVICE_UNAVAILABLE within {@link #PROMPT}. The probing itself fills the outage.
     */
    private static Outage duringTheOutage(WebTestClient http, Issuer issuer, long stoppedAt) {
        Double downAfter = null;
        List<Double> latencies = new ArrayList<>();
        int n = 0;
        while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
            EntityExchangeResult<byte[]> health = http.get().uri("/actuator/health").exchange()
                    .expectBody().returnResult();
            if (health.getStatus().value() == 503 && downAfter == null) {
                downAfter = seconds(System.nanoTime() - stoppedAt);
                assertThat(new String(health.getResponseBodyContent())).contains("\"status\":\"DOWN\"");
            }
            long sent = System.nanoTime();
            http.post().uri("/API/v4/Fund/BatchTransfer").headers(h -> h.setBearerAuth(issuer.apiKey()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(batch(issuer, "DURING-" + (++n), List.of(item("D-" + n, "PAT-1", "XTR94502", "1.00", Map.of()))))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.ErrorCode").isEqualTo("SERVICE_UNAVAILABLE");
            double latency = seconds(System.nanoTime() - sent);
            latencies.add(latency);
            assertThat(latency).as("seconds to answer a submission without a database").isLessThan(PROMPT.toSeconds());
        }
        assertThat(downAfter).as("health reported DOWN during the outage").isNotNull();
        return new Outage(seconds(System.nanoTime() - stoppedAt), downAfter, latencies);
    }

    /** Every send method, ten recipients, one company; each 25th rail item is declined (.91) by the sandbox. */
    private static List<Map<String, Object>> mixedItems() {
        List<String> methods = List.of("XTR94502", "XTR94500", "XTR94503", "XTR94504", "XTR94505", "XTR94507",
                "XTR94508");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String method = methods.get(i % methods.size());
            String recipient = method.equals("XTR94504") ? "ORG-1" : "PAT-" + (1 + i % 10);
            boolean decline = RAIL_METHODS.contains(method) && i % 25 == 0;
            String amount = (1 + i % 50) + (decline ? ".91" : ".25");
            Map<String, ?> destination = method.equals("XTR94505")
                    ? Map.of("Email", "pat@example.com", "SKU", "AMZ-25") : Map.of();
            items.add(item("T-" + i, recipient, method, amount, destination));
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> batchStatus(WebTestClient http, Issuer issuer, String batchId) {
        return http.get().uri("/API/v4/Fund/BatchTransfer/" + batchId + "?PageSize=1")
                .headers(h -> h.setBearerAuth(issuer.apiKey())).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> counts(WebTestClient http, Issuer issuer, String batchId) {
        return (Map<String, Integer>) batchStatus(http, issuer, batchId).get("Counts");
    }

    private static int finalCount(Map<String, Integer> counts) {
        return counts.get("Success") + counts.get("Failed") + counts.get("RetainedInWallet");
    }

    private record RailFigures(long paid, long transactionsPaidTwice, long calls) {
    }

    /** Straight from the sandbox's table: what the rails were asked, per idempotency key and transaction. */
    private static RailFigures railFigures(PrivatePostgres postgres) throws Exception {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
             ResultSet rs = db.createStatement().executeQuery("""
                     select (select count(*) from sandbox_payout where outcome = 'Paid'),
                            (select count(*) from (select transaction_id from sandbox_payout where outcome = 'Paid'
                                                   group by transaction_id having count(*) > 1) twice),
                            (select coalesce(sum(calls), 0) from sandbox_payout)""")) {
            rs.next();
            return new RailFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    private static boolean awaitQuietly(Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(condition);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    /** A component of the operator's health view ({@code db}, {@code eventProcessors}), or null. */
    @SuppressWarnings("unchecked")
    private static String component(WebTestClient http, String name) {
        Map<String, Object> health = http.get().uri("/actuator/health")
                .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> components = health == null ? null : (Map<String, Object>) health.get("components");
        Map<String, Object> component = components == null ? null : (Map<String, Object>) components.get(name);
        return component == null ? null : (String) component.get("status");
    }

    private static String processors(WebTestClient http) {
        return new String(http.get().uri("/actuator/health").headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN))
                .exchange().expectBody().returnResult().getResponseBodyContent());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ledger(MassPayApi api) {
        return ((List<Map<String, Object>>) api.adminGet("/API/v4/Admin/Ledger/Balances").get("Currencies")).stream()
                .filter(c -> "USD".equals(c.get("Currency"))).findFirst().orElseThrow();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
