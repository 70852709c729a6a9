package io.masspay.infra.webhook;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import io.masspay.infra.webhook.WebhookReceiver.Mode;
import io.masspay.infra.webhook.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static io.masspay.infra.webhook.WebhookAdminApi.deliveriesPath;
import static io.masspay.infra.webhook.WebhookAdminApi.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end (API.md sections 5, 7 and 9): the real application on PostgreSQL posts to a JDK
 * HTTP server on 127.0.0.1, and every delivery's signature is checked with an HMAC written in the test.
 * Backoffs are short here; the call timeout is longer than in production (30 s instead of 10 s), so a
 * hanging endpoint is still hanging, beyond doubt, when another issuer's events have arrived.
 */
@MassPayIntegrationTest
@TestPropertySource(properties = {"masspay.webhooks.initial-backoff=PT0.05S", "masspay.webhooks.max-backoff=PT0.4S",
        "masspay.webhooks.poll-interval=PT0.05S", "masspay.webhooks.timeout=PT30S"})
class WebhooksIT {

    static WebhookReceiver receiver;

    @Autowired
    WebTestClient http;

    @Autowired
    OutboxClaims claims;

    @Autowired
    JdbcTemplate jdbc;

    MassPayApi api;
    WebhookAdminApi webhooks;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
        webhooks = new WebhookAdminApi(http);
    }

    @Test
    void shouldSignAndDeliverEveryEventOfA200ItemBatchExactlyOncePerEventId() throws Exception {
        Issuer issuer = api.onboardIssuer("USD", "1000.00");
        String secret = subscribe(issuer, Mode.OK);
        IntStream.range(0, 5).forEach(r -> api.recipient(issuer, "PAT-" + r, "Individual"));
        List<Map<String, Object>> items = IntStream.range(0, 200)
                .mapToObj(i -> walletItem("W-" + i, "PAT-" + (i % 5), "XTR94502", "1.00")).toList();
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "WH-200", items)).get("BatchId");

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.events(issuer.account()).size() == 202
                && webhooks.total(issuer.account(), "Status=Delivered") == 202);

        Map<String, Received> events = receiver.events(issuer.account());
        assertThat(events.values().stream().collect(Collectors.groupingBy(Received::eventType, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("Batch.Started", 1L, "Batch.Item.Completed", 200L, "Batch.Completed", 1L));
        assertThat(webhooks.total(issuer.account(), "")).as("no extra outbox rows").isEqualTo(202);
        Set<Object> itemIds = events.values().stream().filter(e -> e.item() != null)
                .map(e -> e.item().get("TransactionId")).collect(Collectors.toSet());
        assertThat(itemIds).hasSize(200).isEqualTo(transactionIds(issuer, batchId));
        assertThat(events.values()).allSatisfy(e -> assertThat(e.json()).containsEntry("BatchId", batchId)
                .containsEntry("CustomerBatchId", "WH-200"));
        assertThat(events.values()).filteredOn(e -> e.item() != null).allSatisfy(e -> assertThat(e.item())
                .containsEntry("Amount", "1.00").containsEntry("Currency", "USD").containsEntry("Status", "Success")
                .containsEntry("ErrorCode", null).containsEntry("AttemptNo", 1));
        assertThat(completed(events)).containsEntry("Status", "Completed").containsEntry("Counts", counts(0, 200, 0, 0));
        assertSigned(receiver.receivedBy(issuer.account()), secret);
    }

    @Test
    void shouldRetryAnEndpointThatAnswers500TwiceWithTheSameEventIdAndBody() throws Exception {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        String secret = subscribe(issuer, Mode.FAIL_TWICE);
        api.recipient(issuer, "PAT-1", "Individual");
        api.submitAccepted(issuer, batch(issuer, "WH-RETRY", List.of(walletItem("R-1", "PAT-1", "XTR94502", "5.00"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> webhooks.total(issuer.account(), "Status=Delivered") == 3);

        Map<String, List<Received>> tries = receiver.receivedBy(issuer.account()).stream()
                .collect(Collectors.groupingBy(Received::eventId));
        assertThat(tries).hasSize(3);
        assertThat(tries.values()).allSatisfy(same -> assertThat(same).hasSize(3)
                .extracting(WebhooksIT::text).containsOnly(text(same.get(0))));
        assertThat(items(webhooks.deliveries(issuer.account(), ""))).hasSize(3).allSatisfy(d -> assertThat(d)
                .containsEntry("Status", "Delivered").containsEntry("Attempts", 3)
                .containsEntry("LastStatusCode", 200).containsEntry("NextAttemptAt", null));
        assertSigned(receiver.receivedBy(issuer.account()), secret);
    }

    @Test
    void shouldReportARailDeclineAsRetainedInWalletAndARuntimeRefusalAsFailed() throws Exception {
        Issuer issuer = api.onboardIssuer("USD", "20.00");
        String secret = subscribe(issuer, Mode.OK);
        api.fullRecipient(issuer, "PAT-R");
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "WH-RAIL", List.of(
                item("DECLINED", "PAT-R", "XTR94500", "10.91", Map.of()),
                walletItem("BROKE", "PAT-R", "XTR94502", "50.00")))).get("BatchId");

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.events(issuer.account()).size() == 4);

        Map<String, Received> events = receiver.events(issuer.account());
        Received declined = itemEvent(events, "DECLINED");
        String transactionId = (String) declined.item().get("TransactionId");
        assertThat(transactionIds(issuer, batchId)).contains(transactionId);
        assertThat(declined.json().get("CreatedAt").toString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(text(declined)).isEqualTo("{\"EventId\":\"" + declined.eventId()
                + "\",\"EventType\":\"Batch.Item.Failed\",\"CreatedAt\":\"" + declined.json().get("CreatedAt")
                + "\",\"BatchId\":\"" + batchId + "\",\"CustomerBatchId\":\"WH-RAIL\",\"Item\":{\"TransactionId\":\""
                + transactionId + "\",\"CustomerTransactionId\":\"DECLINED\",\"RecipientId\":\"PAT-R\","
                + "\"Amount\":\"10.91\",\"Currency\":\"USD\",\"Status\":\"RetainedInWallet\","
                + "\"ErrorCode\":\"PROVIDER_DECLINED\",\"AttemptNo\":1}}");
        assertThat(itemEvent(events, "BROKE")).satisfies(e -> {
            assertThat(e.eventType()).isEqualTo("Batch.Item.Failed");
            assertThat(e.item()).containsEntry("Status", "Failed").containsEntry("Amount", "50.00")
                    .containsEntry("ErrorCode", "INSUFFICIENT_FUNDS_RUNTIME");
        });
        assertThat(events.values()).filteredOn(e -> e.eventType().equals("Batch.Started")).singleElement()
                .satisfies(e -> assertThat(e.json()).containsEntry("Status", "Processing")
                        .containsEntry("Counts", counts(2, 0, 0, 0)).doesNotContainKey("Item"));
        assertThat(completed(events)).containsEntry("Status", "CompletedWithErrors")
                .containsEntry("Counts", counts(0, 0, 1, 1)).doesNotContainKey("Item");
        assertSigned(receiver.receivedBy(issuer.account()), secret);
    }

    @Test
    void shouldDeliverToOtherIssuersWhileOneEndpointHangs() throws Exception {
        Issuer stuck = api.onboardIssuer("USD", "100.00");
        subscribe(stuck, Mode.HANG);
        api.recipient(stuck, "PAT-S", "Individual");
        api.submitAccepted(stuck, batch(stuck, "WH-STUCK", IntStream.range(0, 10)
                .mapToObj(i -> walletItem("S-" + i, "PAT-S", "XTR94502", "1.00")).toList()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.receivedBy(stuck.account()).isEmpty());
        Issuer other = api.onboardIssuer("USD", "100.00");
        String secret = subscribe(other, Mode.OK);
        api.recipient(other, "PAT-O", "Individual");

        api.submitAccepted(other, batch(other, "WH-OTHER", List.of(walletItem("O-1", "PAT-O", "XTR94502", "1.00"),
                walletItem("O-2", "PAT-O", "XTR94502", "2.00"))));

        await().atMost(Duration.ofSeconds(8)).until(() -> receiver.events(other.account()).size() == 4);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(items(webhooks.deliveries(stuck.account(), "")))
                .as("the hanging calls had not even timed out yet").hasSize(12)
                .allSatisfy(d -> assertThat(d).containsEntry("Attempts", 0).containsEntry("Status", "Pending")));
        assertThat(receiver.receivedBy(stuck.account())).as("at most 4 calls in flight per issuer").hasSizeLessThanOrEqualTo(4);
        assertSigned(receiver.receivedBy(other.account()), secret);
    }

    @Test
    void shouldHandEachDueRowToOneClaimerAtATime() throws Exception {
        Issuer issuer = api.onboardIssuer("USD", "1.00");
        subscribe(issuer, Mode.HANG);
        jdbc.batchUpdate("insert into webhook_outbox (event_id, issuer_account_number, event_type, body) "
                + "values (?, ?, 'Test.Claim', ?)", IntStream.range(0, 200).mapToObj(i -> new Object[]{
                "evt_claim_" + issuer.account() + "_" + i, issuer.account(),
                ("{\"EventId\":\"evt_claim_" + i + "\"}").getBytes(StandardCharsets.UTF_8)}).toList());
        CountDownLatch go = new CountDownLatch(1);
        Callable<List<String>> node = () -> {
            go.await();
            List<String> mine = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                claims.claim(issuer.account(), 10, Duration.ofMinutes(5)).forEach(c -> mine.add(c.eventId()));
            }
            return mine;
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        Future<List<String>> first = nodes.submit(node);
        Future<List<String>> second = nodes.submit(node);

        go.countDown();

        List<String> one = first.get(30, TimeUnit.SECONDS);
        List<String> two = second.get(30, TimeUnit.SECONDS);
        nodes.shutdown();
        assertThat(one).doesNotHaveDuplicates().doesNotContainAnyElementsOf(two);
        assertThat(two).doesNotHaveDuplicates();
        assertThat(one.size() + two.size()).as("all but what the application's own worker holds (at most 4)")
                .isBetween(196, 200);
    }

    @Test
    void shouldListDeliveriesAndRedeliverAnEventUnderItsEventIdWithTheSameBody() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        String account = issuer.account();
        subscribe(issuer, Mode.ALWAYS_500);
        api.recipient(issuer, "PAT-L", "Individual");
        api.submitAccepted(issuer, batch(issuer, "WH-LOG", List.of(walletItem("L-1", "PAT-L", "XTR94502", "3.00"))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(items(webhooks.deliveries(account,
                "Status=Failing"))).hasSize(3).allSatisfy(d -> {
                    assertThat((Integer) d.get("Attempts")).isGreaterThanOrEqualTo(2);
                    assertThat(d).containsEntry("LastStatusCode", 500).containsEntry("Status", "Failing");
                    assertThat(d.get("NextAttemptAt")).isNotNull();
                }));
        assertThat(webhooks.total(account, "Status=Delivered")).isZero();
        receiver.mode(account, Mode.OK);
        await().atMost(Duration.ofSeconds(30)).until(() -> webhooks.total(account, "Status=Delivered") == 3);
        assertThat(items(webhooks.deliveries(account, "PageSize=2"))).hasSize(2);
        assertThat(webhooks.deliveries(account, "PageSize=2&Page=2")).containsEntry("TotalItems", 3)
                .satisfies(page -> assertThat(items(page)).hasSize(1));
        Map<String, Object> started = items(webhooks.deliveries(account, "")).stream()
                .filter(d -> d.get("EventType").equals("Batch.Started")).findFirst().orElseThrow();
        String eventId = (String) started.get("EventId");
        List<Received> before = receiver.tries(account, eventId);

        webhooks.redeliver(account, eventId).expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.tries(account, eventId).size() == before.size() + 1);
        assertThat(receiver.tries(account, eventId)).extracting(WebhooksIT::text).containsOnly(text(before.get(0)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(items(webhooks.deliveries(account, "")))
                .filteredOn(d -> d.get("EventId").equals(eventId)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("Status", "Delivered")
                        .containsEntry("Attempts", (Integer) started.get("Attempts") + 1)));
        Issuer stranger = api.onboardIssuer("USD", "1.00");
        webhooks.redeliver(stranger.account(), eventId).expectStatus().isNotFound()
                .expectBody().jsonPath("$.ErrorCode").isEqualTo("NOT_FOUND");
        webhooks.redeliver(account, "evt_unknown").expectStatus().isNotFound();
        webhooks.get(deliveriesPath("SPN-NOBODY")).expectStatus().isNotFound();
        webhooks.get(deliveriesPath(account) + "?Status=Lost").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.Errors[0].Field").isEqualTo("Status");
        http.get().uri(deliveriesPath(account)).headers(h -> h.setBearerAuth(issuer.apiKey())).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void shouldConfigureAWebhookAndRefuseWhatIsNotAnHttpUrl() {
        Issuer issuer = api.onboardIssuer("USD", "1.00");
        String account = issuer.account();

        Map<String, Object> generated = webhooks.configure(account, Map.of("Url", "http://127.0.0.1:9/hook"), 200);
        assertThat(generated).containsEntry("Url", "http://127.0.0.1:9/hook");
        assertThat((String) generated.get("Secret")).startsWith("whsec_").hasSizeGreaterThanOrEqualTo(40);
        assertThat(webhooks.configure(account, Map.of("Url", "http://127.0.0.1:9/hook"), 200).get("Secret"))
                .as("a new secret each time none is given").isNotEqualTo(generated.get("Secret"));
        String own = "my-own-secret-of-32-characters-.";
        assertThat(webhooks.configure(account, Map.of("Url", "https://hooks.example.com/masspay",
                "Secret", own), 200))
                .isEqualTo(Map.of("Url", "https://hooks.example.com/masspay", "Secret", own));
        // issue 16: an operator-set secret of one character was accepted
        webhooks.assertRefused(account, Map.of("Url", "https://example.com", "Secret", "s"), "INVALID_FIELD", "Secret");
        webhooks.assertRefused(account, Map.of("Url", "https://example.com", "Secret", own.substring(1)),
                "INVALID_FIELD", "Secret");

        webhooks.assertRefused(account, Map.of("Secret", own), "MISSING_FIELD", "Url");
        for (String url : List.of("ftp://example.com/hook", "not a url", "/relative/hook", "mailto:ops@example.com")) {
            webhooks.assertRefused(account, Map.of("Url", url), "INVALID_FIELD", "Url");
        }
        webhooks.assertRefused(account, Map.of("Url", "https://example.com", "Secret", " "), "INVALID_FIELD", "Secret");
        webhooks.configure("SPN-NOBODY", Map.of("Url", "https://example.com"), 404);
        http.put().uri(WebhookAdminApi.webhookPath(account)).headers(h -> h.setBearerAuth(issuer.apiKey()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("Url", "https://example.com")).exchange()
                .expectStatus().isForbidden();
    }

    @Nested
    @TestPropertySource(properties = "masspay.webhooks.require-https=true")
    class WhenHttpsIsRequired {

        @Test
        void shouldRefusePlainHttpAndPrivateOrLoopbackTargets() {
            String account = new MassPayApi(http).onboardIssuer("USD", "1.00").account();
            WebhookAdminApi admin = new WebhookAdminApi(http);

            for (String url : List.of("http://127.0.0.1:8080/hook", "https://127.0.0.1/hook", "https://localhost/hook",
                    "https://[::1]/hook", "https://10.1.2.3/hook", "https://192.168.0.10/hook",
                    "https://169.254.169.254/latest", "http://93.184.216.34/hook")) {
                admin.assertRefused(account, Map.of("Url", url), "INVALID_FIELD", "Url");
            }
            assertThat(admin.configure(account, Map.of("Url", "https://93.184.216.34/hook"), 200))
                    .containsEntry("Url", "https://93.184.216.34/hook");
        }
    }

    @Nested
    @TestPropertySource(properties = "masspay.webhooks.give-up-after=PT1S")
    class WhenTheRetryWindowEnds {

        @Test
        void shouldStopRetryingAndDeliverAgainOnRedeliver() {
            MassPayApi nestedApi = new MassPayApi(http);
            WebhookAdminApi admin = new WebhookAdminApi(http);
            Issuer issuer = nestedApi.onboardIssuer("USD", "10.00");
            String account = issuer.account();
            receiver.mode(account, Mode.ALWAYS_500);
            admin.configure(account, Map.of("Url", receiver.url(account)), 200);
            nestedApi.recipient(issuer, "PAT-G", "Individual");
            nestedApi.submitAccepted(issuer, batch(issuer, "WH-GIVEUP",
                    List.of(walletItem("G-1", "PAT-G", "XTR94502", "1.00"))));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(items(admin.deliveries(account, "")))
                    .hasSize(3).allSatisfy(d -> assertThat(d).containsEntry("Status", "Failing")
                            .containsEntry("NextAttemptAt", null).containsEntry("LastStatusCode", 500)));
            int calls = receiver.receivedBy(account).size();
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.receivedBy(account).size() == calls);
            receiver.mode(account, Mode.OK);
            String eventId = (String) items(admin.deliveries(account, "")).get(0).get("EventId");

            admin.redeliver(account, eventId).expectStatus().isAccepted();

            await().atMost(Duration.ofSeconds(10)).until(() -> admin.total(account, "Status=Delivered") == 1);
            assertThat(items(admin.deliveries(account, "Status=Delivered"))).singleElement()
                    .satisfies(d -> assertThat(d).containsEntry("EventId", eventId));
            assertThat(admin.total(account, "Status=Failing")).isEqualTo(2);
        }
    }

    private String subscribe(Issuer issuer, Mode mode) {
        receiver.mode(issuer.account(), mode);
        return (String) webhooks.configure(issuer.account(), Map.of("Url", receiver.url(issuer.account())), 200)
                .get("Secret");
    }

    private static String text(Received request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    private static Received itemEvent(Map<String, Received> events, String customerTransactionId) {
        return events.values().stream().filter(e -> e.item() != null
                && customerTransactionId.equals(e.item().get("CustomerTransactionId"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> completed(Map<String, Received> events) {
        return events.values().stream().filter(e -> e.eventType().equals("Batch.Completed")).findFirst()
                .orElseThrow().json();
    }

    private static Map<String, Integer> counts(int processing, int success, int failed, int retained) {
        return Map.of("Processing", processing, "Success", success, "Failed", failed, "RetainedInWallet", retained);
    }

    @SuppressWarnings("unchecked")
    private Set<Object> transactionIds(Issuer issuer, String batchId) {
        Map<String, Object> status = api.awaitFinal(issuer, batchId);
        return new HashSet<>(((List<Map<String, Object>>) status.get("Items")).stream()
                .map(i -> i.get("TransactionId")).toList());
    }

    /** Every request, first tries and retries alike, as sent: JSON, a unix-seconds timestamp, a valid HMAC. */
    private static void assertSigned(List<Received> requests, String secret) throws Exception {
        assertThat(requests).isNotEmpty();
        List<String> unsigned = new ArrayList<>();
        for (Received request : requests) {
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.timestamp()).matches("\\d{10}");
            if (!request.signedWith(secret)) {
                unsigned.add(request.eventId());
            }
        }
        assertThat(unsigned).as("deliveries whose signature does not verify").isEmpty();
    }
}
