package io.masspay.infra.rails;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import io.masspay.infra.support.RailProviderStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rail that answers {@code Pending} (API.md section 3, "Real rails"; ADR 0013): the outcome comes by
 * callback (the sandbox's .95) or by polling the provider; without an answer before the attempt's timeout
 * the money goes back to the recipient wallet, and a {@code Paid} that comes after that is reconciled:
 * the money leaves the wallet again, the item is paid, once. A retry never pays under a new key while the
 * earlier key may still be paid.
 */
@MassPayIntegrationTest
@TestPropertySource(properties = {"masspay.sandbox.pending-for=PT0.3S", "masspay.sandbox.callback-poll-interval=PT0.1S",
        "masspay.rails.poll.initial-interval=PT0.2S", "masspay.rails.poll.max-interval=PT0.4S",
        "masspay.payouts.timeout=PT3S", "masspay.rails.XTR94508.max-in-flight=8"})
class PendingPayoutsIT {

    static final String PUSH = "XTR94508";
    static final String SECRET = "whsec_pending_payouts_it_0123456789abcdef";
    static final RailProviderStub provider = new RailProviderStub(Duration.ofMillis(20));
    static final Set<String> KEYS_OF_EARLIER_TESTS = ConcurrentHashMap.newKeySet();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        properties.add("masspay.rails.http." + PUSH + ".base-url", provider::baseUrl);
        properties.add("masspay.rails.http." + PUSH + ".callback-secret", () -> SECRET);
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Autowired
    WebTestClient http;
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
    }

    @Test
    void shouldPayAPendingSandboxPayoutWhenItsCallbackComes() {
        String batchId = submit("SANDBOX-PENDING", item("P-1", "PAT-1", "XTR94500", "10.95", Map.of()));

        Map<String, Object> status = api.awaitFinal(issuer, batchId);

        assertThat(onlyItem(status)).containsEntry("Status", "Success");
        assertThat(api.sandboxPayouts()).filteredOn(p -> "10.95".equals(p.get("Amount"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("Outcome", "Paid").containsEntry("Calls", 1));
        assertThat(reads.steps(batchId, "P-1")).contains("PayoutRequested", "PayoutPending", "PayoutSucceeded", "ItemSucceeded");
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
    }

    @Test
    void shouldPayAPendingPayoutThatPollingFindsPaid() {
        provider.answerNewKeys(key -> "Pending");
        String batchId = submit("POLLED", item("Q-1", "PAT-1", PUSH, "11.00", Map.of()));
        String key = awaitKeySent();

        provider.settle(key, "Paid");
        Map<String, Object> status = api.awaitFinal(issuer, batchId);

        assertThat(onlyItem(status)).containsEntry("Status", "Success");
        assertThat(provider.postsOf(key)).isEqualTo(1);
        assertThat(provider.getsOf(key)).as("polls").isPositive();
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
    }

    /** The documented reconciliation: money back at the timeout, out again when the rail says it paid after all. */
    @Test
    void shouldSettleALatePaymentAfterTheTimeoutGaveTheMoneyBack() throws Exception {
        provider.answerNewKeys(key -> "Pending");
        String batchId = submit("LATE", item("L-1", "PAT-1", PUSH, "12.00", Map.of()));
        String key = awaitKeySent();

        Map<String, Object> timedOut = api.awaitFinal(issuer, batchId);
        assertThat(onlyItem(timedOut)).containsEntry("Status", "RetainedInWallet")
                .containsEntry("ErrorCode", "PROVIDER_UNAVAILABLE");
        assertThat(reads.recipientBalance("PAT-1")).as("the money is back in the recipient wallet").isEqualTo("12.00");

        provider.settle(key, "Paid");
        var answer = RailProviderStub.callBack(baseUrl(), PUSH, SECRET, Instant.now(),
                "{\"IdempotencyKey\":\"" + key + "\",\"Status\":\"Paid\"}");
        assertThat(answer.statusCode()).isEqualTo(200);

        Map<String, Object> paid = api.awaitStatus(issuer, batchId, s -> "Completed".equals(s.get("Status")));
        assertThat(onlyItem(paid)).containsEntry("Status", "Success").containsEntry("AttemptNo", 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(reads.recipientBalance("PAT-1")).as("the late payment left the wallet again").isEqualTo("0.00");
            assertThat(reads.steps(batchId, "L-1")).containsSubsequence("PayoutPending", "PayoutFailed",
                    "RetainedInWallet", "PayoutSettledLate", "ItemSucceeded", "LatePayoutRecovered");
        });
        assertThat(keysOf(provider.paidKeys(), key)).containsExactly(key);
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
        assertThat(reads.issuerBalance()).as("the issuer was debited once").isEqualTo("988.00");
    }

    /** A retry while the first key is unresolved is not sent; the first key's late Paid settles it. */
    @Test
    void shouldNotPayARetryUnderANewKeyWhileTheEarlierOneMayStillBePaid() {
        provider.answerNewKeys(key -> "Pending");
        List<Map<String, Object>> items = List.of(item("R-1", "PAT-1", PUSH, "13.00", Map.of()));
        String batchId = submit("RETRY-UNRESOLVED", items.get(0));
        String first = awaitKeySent();
        assertThat(onlyItem(api.awaitFinal(issuer, batchId))).containsEntry("Status", "RetainedInWallet");

        Map<String, Object> retry = api.submitAccepted(issuer, batch(issuer, "RETRY-UNRESOLVED", items));
        assertThat((List<Map<String, Object>>) retry.get("Accepted")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("AttemptNo", 2));
        String second = first.substring(0, first.lastIndexOf(':')) + ":2";
        await().atMost(Duration.ofSeconds(20)).until(() -> provider.getsOf(first) >= 3);
        assertThat(provider.postsOf(second)).as("attempt 2 is held while attempt 1 may still be paid").isZero();

        provider.settle(first, "Paid");
        Map<String, Object> paid = api.awaitStatus(issuer, batchId, s -> "Completed".equals(s.get("Status")));

        assertThat(onlyItem(paid)).containsEntry("Status", "Success").containsEntry("AttemptNo", 2);
        assertThat(provider.postsOf(second)).as("settled by the earlier payment, never sent").isZero();
        assertThat(provider.transactionsPaidTwice()).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reads.recipientBalance("PAT-1")).isEqualTo("0.00"));
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
        assertThat(reads.issuerBalance()).isEqualTo("987.00");
    }

    @Test
    void shouldSendARetryOnceTheEarlierKeyIsKnownUnpaid() {
        provider.answerNewKeys(key -> "Pending");
        List<Map<String, Object>> items = List.of(item("U-1", "PAT-1", PUSH, "14.00", Map.of()));
        String batchId = submit("RETRY-UNPAID", items.get(0));
        String first = awaitKeySent();
        assertThat(onlyItem(api.awaitFinal(issuer, batchId))).containsEntry("Status", "RetainedInWallet");

        provider.settle(first, "Declined");
        provider.answerNewKeys(key -> "Paid");
        api.submitAccepted(issuer, batch(issuer, "RETRY-UNPAID", items));
        Map<String, Object> paid = api.awaitStatus(issuer, batchId, s -> "Completed".equals(s.get("Status")));

        assertThat(onlyItem(paid)).containsEntry("Status", "Success").containsEntry("AttemptNo", 2);
        String second = first.substring(0, first.lastIndexOf(':')) + ":2";
        assertThat(keysOf(provider.paidKeys(), first)).containsExactly(second);
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
    }

    /** The keys of the transaction {@code key} belongs to: the provider serves every test of the class. */
    private static List<String> keysOf(Set<String> keys, String key) {
        String transaction = key.substring(0, key.lastIndexOf(':') + 1);
        return keys.stream().filter(k -> k.startsWith(transaction)).sorted().toList();
    }

    private String submit(String customerBatchId, Map<String, Object> item) {
        return (String) api.submitAccepted(issuer, batch(issuer, customerBatchId, List.of(item))).get("BatchId");
    }

    /** The key of this test's payout: the one key the provider saw that no earlier test of the class sent. */
    private String awaitKeySent() {
        await().atMost(Duration.ofSeconds(20)).until(() -> provider.keysSent().size() > KEYS_OF_EARLIER_TESTS.size());
        String key = provider.keysSent().stream().filter(k -> !KEYS_OF_EARLIER_TESTS.contains(k)).findFirst()
                .orElseThrow();
        KEYS_OF_EARLIER_TESTS.add(key);
        return key;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyItem(Map<String, Object> status) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) status.get("Items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
