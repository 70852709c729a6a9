package io.masspay.infra.rails;

import io.masspay.infra.support.DbFingerprint;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import io.masspay.infra.support.RailProviderStub;
import io.masspay.infra.webhook.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A paid payout that its rail gives back (API.md section 3, "Real rails"; ADR 0013): the money comes back to
 * the recipient wallet by a balanced posting, the item becomes RetainedInWallet with PAYOUT_RETURNED, the
 * batch's Status and Counts follow, every read shows it, the issuer gets Batch.Item.Returned, and a retry
 * pays the item again from the wallet. A return the rail cannot make changes nothing.
 */
@MassPayIntegrationTest
@TestPropertySource(properties = {"masspay.sandbox.returned-after=PT0.3S", "masspay.sandbox.callback-poll-interval=PT0.1S"})
class ReturnsIT {

    static final String PUSH = "XTR94508";
    static final String SECRET = "whsec_returns_it_0123456789abcdef0123456789";
    static final String HOOK_SECRET = "hook_secret_returns_it_0123456789abcdef";
    static final RailProviderStub provider = new RailProviderStub(Duration.ofMillis(10));
    static final WebhookReceiver receiver = newReceiver();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        properties.add("masspay.rails.http." + PUSH + ".base-url", provider::baseUrl);
        properties.add("masspay.rails.http." + PUSH + ".callback-secret", () -> SECRET);
    }

    @AfterAll
    static void stop() {
        provider.close();
        receiver.close();
    }

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    MassPayApi api;
    Issuer issuer;
    RailReads reads;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
        issuer = api.onboardIssuer("USD", "1000.00");
        api.fullRecipient(issuer, "PAT-1");
        reads = new RailReads(http, issuer);
        http.put().uri("/API/v4/Admin/Issuers/" + issuer.account() + "/Webhook")
                .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN))
                .bodyValue(Map.of("Url", receiver.url(issuer.account()), "Secret", HOOK_SECRET))
                .exchange().expectStatus().isOk();
    }

    @Test
    void shouldBringAReturnedPayoutBackToTheWalletAndPayItAgainOnRetry() throws Exception {
        List<Map<String, Object>> items = List.of(item("PUSH-1", "PAT-1", PUSH, "20.00", Map.of()),
                walletItem("WALLET-1", "PAT-1", "XTR94502", "5.00"));
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "RETURNED-1", items)).get("BatchId");
        Map<String, Object> completed = api.awaitStatus(issuer, batchId, s -> "Completed".equals(s.get("Status")));
        String transactionId = (String) RailReads.item(completed, "PUSH-1").get("TransactionId");
        String key = transactionId + ":1";

        var answer = RailProviderStub.callBack(baseUrl(), PUSH, SECRET, Instant.now(),
                "{\"IdempotencyKey\":\"" + key + "\",\"Status\":\"Returned\",\"ReturnCode\":\"R01\"}");
        assertThat(answer.statusCode()).isEqualTo(200);

        Map<String, Object> returned = api.awaitStatus(issuer, batchId,
                s -> "CompletedWithErrors".equals(s.get("Status")));
        assertThat(returned).containsEntry("Counts",
                Map.of("Processing", 0, "Success", 1, "Failed", 0, "RetainedInWallet", 1));
        assertThat(RailReads.item(returned, "PUSH-1")).containsEntry("Status", "RetainedInWallet")
                .containsEntry("ErrorCode", "PAYOUT_RETURNED").containsEntry("AttemptNo", 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(reads.recipientBalance("PAT-1")).as("the returned money is back in the wallet").isEqualTo("25.00");
            assertThat(reads.steps(batchId, "PUSH-1")).containsSubsequence("PayoutSucceeded", "ItemSucceeded",
                    "PayoutReturned", "FundsReturnedToWallet", "RetainedInWallet");
            assertThat(reportRow(batchId, "PUSH-1")).contains(",RetainedInWallet,PAYOUT_RETURNED,");
            assertThat(dailyTotals()).anySatisfy(row -> assertThat(row).containsEntry("SendMethodId", PUSH)
                    .containsEntry("Status", "RetainedInWallet").containsEntry("Count", 1).containsEntry("Amount", "20.00"));
            assertThat(auditTypes(transactionId)).contains("PayoutReturned", "FundsReturnedToWallet", "RetainedInWallet");
            assertThat(receiver.events(issuer.account()).values()).anySatisfy(hook -> {
                assertThat(hook.eventType()).isEqualTo("Batch.Item.Returned");
                assertThat(hook.item()).containsEntry("TransactionId", transactionId)
                        .containsEntry("Status", "RetainedInWallet").containsEntry("ErrorCode", "PAYOUT_RETURNED");
            });
        });
        Map<String, Object> ledger = api.settledLedger("USD");
        assertThat(ledger).containsEntry("Total", "0.00").containsEntry("RailClearing", "0.00");

        Map<String, Object> retry = api.submitAccepted(issuer, batch(issuer, "RETURNED-1", items));
        assertThat((List<Map<String, Object>>) retry.get("Accepted")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("CustomerTransactionId", "PUSH-1").containsEntry("AttemptNo", 2));
        Map<String, Object> paidAgain = api.awaitStatus(issuer, batchId, s -> "Completed".equals(s.get("Status")));
        assertThat(RailReads.item(paidAgain, "PUSH-1")).containsEntry("Status", "Success").containsEntry("AttemptNo", 2);
        assertThat(provider.paidKeys()).contains(transactionId + ":2");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reads.recipientBalance("PAT-1")).isEqualTo("5.00"));
        assertThat(reads.issuerBalance()).as("the issuer was debited once for each item").isEqualTo("975.00");
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
    }

    @Test
    void shouldRetainASandboxPayoutItsRailReturns() {
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "SANDBOX-RETURN",
                List.of(item("BANK-96", "PAT-1", "XTR94500", "30.96", Map.of())))).get("BatchId");

        Map<String, Object> returned = api.awaitStatus(issuer, batchId,
                s -> "CompletedWithErrors".equals(s.get("Status")));

        assertThat(RailReads.item(returned, "BANK-96")).containsEntry("Status", "RetainedInWallet")
                .containsEntry("ErrorCode", "PAYOUT_RETURNED");
        assertThat(api.sandboxPayouts()).filteredOn(p -> "30.96".equals(p.get("Amount"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("Outcome", "Returned").containsEntry("Calls", 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reads.recipientBalance("PAT-1")).isEqualTo("30.96"));
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
    }

    @Test
    void shouldRefuseAReturnTheRailCannotMakeAndChangeNothing() throws Exception {
        provider.answerNewKeys(key -> "Pending");
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "NOT-PAID",
                List.of(item("PENDING-1", "PAT-1", PUSH, "7.00", Map.of())))).get("BatchId");
        await().atMost(Duration.ofSeconds(20)).until(() -> reads.steps(batchId, "PENDING-1").contains("PayoutPending"));
        String pendingKey = RailReads.item(api.awaitStatus(issuer, batchId, s -> true), "PENDING-1").get("TransactionId") + ":1";
        DbFingerprint fingerprint = new DbFingerprint(jdbc);
        String before = fingerprint.now();

        var unpaid = RailProviderStub.callBack(baseUrl(), PUSH, SECRET, Instant.now(),
                "{\"IdempotencyKey\":\"" + pendingKey + "\",\"Status\":\"Returned\"}");
        var unknown = RailProviderStub.callBack(baseUrl(), PUSH, SECRET, Instant.now(),
                "{\"IdempotencyKey\":\"tx_nobody:1\",\"Status\":\"Returned\"}");

        assertThat(unpaid.statusCode()).isEqualTo(422);
        assertThat(unpaid.body()).contains("\"ErrorCode\":\"VALIDATION_FAILED\"").contains("\"Field\":\"Status\"");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"ErrorCode\":\"NOT_FOUND\"");
        assertThat(fingerprint.now()).isEqualTo(before);
        provider.settle(pendingKey, "Paid");
        provider.answerNewKeys(key -> "Paid");
    }

    private static WebhookReceiver newReceiver() {
        try {
            return new WebhookReceiver();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String reportRow(String batchId, String customerTransactionId) {
        String csv = http.get().uri("/API/v4/Fund/BatchTransfer/" + batchId + "/Report.csv")
                .headers(h -> h.setBearerAuth(issuer.apiKey())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return csv.lines().filter(line -> line.contains("," + customerTransactionId + ",1,")).findFirst().orElse("");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> dailyTotals() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return (List<Map<String, Object>>) api.issuerGet(issuer, "/API/v4/Reports/DailyTotals?From=" + today
                + "&To=" + today, Map.class).get("Rows");
    }

    @SuppressWarnings("unchecked")
    private List<String> auditTypes(String transactionId) {
        Map<String, Object> audit = api.issuerGet(issuer, "/API/v4/Audit/Transactions/" + transactionId + "/Events", Map.class);
        return ((List<Map<String, Object>>) audit.get("Events")).stream().map(e -> (String) e.get("Type")).toList();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
