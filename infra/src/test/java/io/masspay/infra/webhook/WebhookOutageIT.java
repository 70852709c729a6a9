package io.masspay.infra.webhook;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import io.masspay.infra.webhook.WebhookReceiver.Mode;
import io.masspay.infra.webhook.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static io.masspay.infra.webhook.WebhookAdminApi.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An issuer's webhook receiver is down (its port refuses connections) for the whole length of a batch, then
 * comes back (issue 7, "Webhook receiver down"): every event of the batch then arrives, none lost, each under
 * the EventId it had while it could not be delivered, with the very bytes stored in the outbox. Meanwhile a
 * second issuer's endpoint hangs on every call and must not hold any of it up. Backoffs are short here
 * (50 ms doubling to 400 ms instead of 1 s to 1 h); the call timeout is 60 s, so the hanging calls are still
 * hanging, beyond doubt, when the first issuer's events have all arrived.
 */
@MassPayIntegrationTest
@TestPropertySource(properties = {"masspay.webhooks.initial-backoff=PT0.05S", "masspay.webhooks.max-backoff=PT0.4S",
        "masspay.webhooks.poll-interval=PT0.05S", "masspay.webhooks.timeout=PT60S"})
class WebhookOutageIT {

    private static final int WALLET_ITEMS = 60;
    private static final int BANK_ITEMS = 20;

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void stopReceivers() {
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void shouldDeliverEveryEventUnderItsOriginalIdOnceTheReceiverIsBackWhileAnotherIssuersEndpointHangs()
            throws Exception {
        MassPayApi api = new MassPayApi(http);
        WebhookAdminApi webhooks = new WebhookAdminApi(http);
        WebhookReceiver flaky = receiver();
        WebhookReceiver hanging = receiver();
        Issuer stuck = api.onboardIssuer("USD", "100.00");
        hanging.mode(stuck.account(), Mode.HANG);
        webhooks.configure(stuck.account(), Map.of("Url", hanging.url(stuck.account())), 200);
        api.recipient(stuck, "PAT-S", "Individual");
        api.submitAccepted(stuck, batch(stuck, "WH-HANG", List.of(walletItem("S-1", "PAT-S", "XTR94502", "1.00"),
                walletItem("S-2", "PAT-S", "XTR94502", "1.00"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> !hanging.receivedBy(stuck.account()).isEmpty());

        Issuer issuer = api.onboardIssuer("USD", "10000.00");
        String secret = (String) webhooks.configure(issuer.account(), Map.of("Url", flaky.url(issuer.account())), 200)
                .get("Secret");
        for (int r = 0; r < 4; r++) {
            api.fullRecipient(issuer, "PAT-" + r);
        }
        List<Map<String, Object>> batchItems = new ArrayList<>();
        for (int i = 0; i < WALLET_ITEMS; i++) {
            batchItems.add(walletItem("W-" + i, "PAT-" + (i % 4), "XTR94502", (1 + i) + ".00"));
        }
        for (int i = 0; i < BANK_ITEMS; i++) {
            batchItems.add(item("B-" + i, "PAT-" + (i % 4), "XTR94500", (1 + i) + (i % 2 == 0 ? ".00" : ".91"), Map.of()));
        }
        int expectedEvents = batchItems.size() + 2;
        flaky.down();

        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "WH-OUTAGE", batchItems)).get("BatchId");

        assertThat(api.awaitFinal(issuer, batchId)).containsEntry("Status", "CompletedWithErrors");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries(webhooks, issuer))
                .as("every event in the outbox, each tried at least twice against the dead port")
                .hasSize(expectedEvents).allSatisfy(d -> {
                    assertThat((Integer) d.get("Attempts")).isGreaterThanOrEqualTo(2);
                    assertThat(d.get("Status")).isNotEqualTo("Delivered");
                    assertThat(d.get("NextAttemptAt")).isNotNull();
                }));
        Map<String, String> typeById = deliveries(webhooks, issuer).stream()
                .collect(Collectors.toMap(d -> (String) d.get("EventId"), d -> (String) d.get("EventType")));
        assertThat(flaky.receivedBy(issuer.account())).as("nothing got through while down").isEmpty();

        flaky.up();

        await().atMost(Duration.ofSeconds(30)).until(() -> webhooks.total(issuer.account(), "Status=Delivered")
                == expectedEvents);
        Map<String, Received> events = flaky.events(issuer.account());
        System.out.printf("WebhookOutageIT: %d events expected, %d delivered (%d requests after the outage)%n",
                expectedEvents, events.size(), flaky.receivedBy(issuer.account()).size());
        assertThat(events.keySet()).as("the EventIds they had while undeliverable, none lost, none new")
                .isEqualTo(typeById.keySet());
        Map<String, byte[]> stored = storedBodies(issuer);
        for (Received request : flaky.receivedBy(issuer.account())) {
            assertThat(request.body()).as("body of %s as stored in the outbox", request.eventId())
                    .isEqualTo(stored.get(request.eventId()));
            assertThat(request.signedWith(secret)).as("signature of %s", request.eventId()).isTrue();
            assertThat(request.eventType()).isEqualTo(typeById.get(request.eventId()));
        }
        assertThat(events.values().stream().collect(Collectors.groupingBy(Received::eventType, Collectors.counting())))
                .isEqualTo(Map.of("Batch.Started", 1L, "Batch.Completed", 1L,
                        "Batch.Item.Completed", (long) WALLET_ITEMS + BANK_ITEMS / 2,
                        "Batch.Item.Failed", (long) BANK_ITEMS / 2));
        assertThat(events.values()).filteredOn(e -> e.item() != null)
                .extracting(e -> e.item().get("CustomerTransactionId"))
                .containsExactlyInAnyOrderElementsOf(batchItems.stream().map(i -> i.get("CustomerTransactionId")).toList());
        assertThat(items(webhooks.deliveries(stuck.account(), "")))
                .as("the hanging endpoint's calls have not even timed out, yet the other issuer got everything")
                .hasSize(4).allSatisfy(d -> assertThat(d).containsEntry("Attempts", 0).containsEntry("Status", "Pending"));
    }

    private WebhookReceiver receiver() throws java.io.IOException {
        WebhookReceiver receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }

    private static List<Map<String, Object>> deliveries(WebhookAdminApi webhooks, Issuer issuer) {
        return items(webhooks.deliveries(issuer.account(), "PageSize=1000"));
    }

    private Map<String, byte[]> storedBodies(Issuer issuer) {
        Map<String, byte[]> bodies = new HashMap<>();
        jdbc.query("select event_id, body from webhook_outbox where issuer_account_number = ?",
                rs -> {
                    bodies.put(rs.getString(1), rs.getBytes(2));
                }, issuer.account());
        return bodies;
    }
}
