package io.masspay.infra.batch;

import io.masspay.infra.MassPayApplication;
import io.masspay.infra.support.FreshDatabase;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A resubmitted item that is still processing is an idempotent replay: accepted again, same
 * TransactionId and AttemptNo, nothing new written. The rail is down and the retry backoff long, so
 * the item is reliably still in flight when the retry arrives.
 */
@SpringBootTest(classes = MassPayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN, "masspay.payouts.initial-backoff=PT10M"})
@ContextConfiguration(initializers = FreshDatabase.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BatchReplayIT {

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldReplayAnItemThatIsStillProcessing() {
        MassPayApi api = new MassPayApi(http);
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-1");
        api.railMode("XTR94500", "Down");
        Map<String, Object> body = batch(issuer, "INFLIGHT-1", List.of(item("A", "PAT-1", "XTR94500", "10.00", Map.of())));
        Map<String, Object> first = api.submitAccepted(issuer, body);
        String transactionId = (String) ((List<Map<String, Object>>) first.get("Accepted")).get(0).get("TransactionId");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sandboxPayouts().stream()
                .anyMatch(p -> transactionId.equals(p.get("TransactionId"))));
        int events = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier in (?, ?)",
                Integer.class, first.get("BatchId"), transactionId);

        Map<String, Object> replay = api.submitAccepted(issuer, body);

        assertThat(replay.get("BatchId")).isEqualTo(first.get("BatchId"));
        assertThat((List<Map<String, Object>>) replay.get("Accepted")).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("TransactionId", transactionId).containsEntry("AttemptNo", 1)
                .containsEntry("Status", "Processing"));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier in (?, ?)",
                Integer.class, first.get("BatchId"), transactionId)).isEqualTo(events);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class).get("Balance"))
                .as("debited once").isEqualTo("90.00"));
    }
}
