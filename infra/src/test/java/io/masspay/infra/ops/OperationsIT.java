package io.masspay.infra.ops;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees: health (public status, details for the operator token, probes), Prometheus
 * metrics (operator token only, the MassPay meters after a real batch), and JSON log lines that carry
 * the BatchId and TransactionId of the work they describe.
 */
@MassPayIntegrationTest
@TestPropertySource(properties = {"logging.structured.format.console=ecs", "masspay.metrics.refresh-interval=PT0.2S"})
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient http;

    MassPayApi api;
    Issuer issuer;
    String batchId;
    Map<String, Object> finalStatus;

    @BeforeAll
    void payOneMixedBatch() {
        api = new MassPayApi(http);
        issuer = api.onboardIssuer("USD", "1000.00");
        api.fullRecipient(issuer, "PAT-1");
        batchId = (String) api.submitAccepted(issuer, batch(issuer, List.of(
                item("WALLET", "PAT-1", "XTR94502", "1.00", Map.of()),
                item("BANK", "PAT-1", "XTR94500", "2.00", Map.of()),
                item("DECLINED", "PAT-1", "XTR94500", "3.91", Map.of())))).get("BatchId");
        finalStatus = api.awaitFinal(issuer, batchId);
    }

    @Test
    void healthShouldShowOnlyTheStatusToAnyoneAndTheComponentsToTheOperator() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        // an issuer is authenticated, but not the operator: still the status only
        http.get().uri("/actuator/health").headers(h -> h.setBearerAuth(issuer.apiKey())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.components").doesNotExist();
        http.get().uri("/actuator/health").headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.eventProcessors.status").isEqualTo("UP")
                .jsonPath("$.components.eventProcessors.details.payments.running").isEqualTo(true)
                .jsonPath("$.components.eventProcessors.details.PayoutSagaProcessor.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void metricsShouldNeedTheOperatorToken() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.ErrorCode").isEqualTo("UNAUTHORIZED");
        http.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(issuer.apiKey())).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void metricsShouldCountItemsRailCallsLagAndWebhookBacklog() {
        assertThat(finalStatus.get("Status")).isEqualTo("CompletedWithErrors");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String metrics = scrape();
            assertThat(value(metrics, "masspay_items{application=\"masspay\",status=\"Success\"}")).isEqualTo(2);
            assertThat(value(metrics, "masspay_items{application=\"masspay\",status=\"RetainedInWallet\"}")).isEqualTo(1);
            assertThat(value(metrics, "masspay_items{application=\"masspay\",status=\"Processing\"}")).isZero();
            assertThat(value(metrics, "masspay_processor_lag_events{application=\"masspay\",processor=\"payments\"}"))
                    .isZero();
            assertThat(value(metrics, "masspay_processor_lag_events{application=\"masspay\",processor=\"batch-status\"}"))
                    .isZero();
        });
        String metrics = scrape();
        assertThat(value(metrics,
                "masspay_rail_calls_total{application=\"masspay\",outcome=\"Paid\",send_method=\"XTR94500\"}"))
                .isEqualTo(1);
        assertThat(value(metrics,
                "masspay_rail_calls_total{application=\"masspay\",outcome=\"Declined\",send_method=\"XTR94500\"}"))
                .isEqualTo(1);
        assertThat(value(metrics, "masspay_rail_failures_total{application=\"masspay\",send_method=\"XTR94500\"}"))
                .isEqualTo(1);
        // no webhook endpoint is configured for this issuer: nothing is waiting
        assertThat(value(metrics, "masspay_webhooks_backlog{application=\"masspay\"}")).isZero();
        assertThat(metrics).doesNotContain(MassPayApi.OPERATOR_TOKEN).doesNotContain(issuer.apiKey());
    }

    @Test
    void logLinesShouldBeJsonWithTheBatchIdAndTransactionIdOfTheirWork(CapturedOutput output) {
        // the output of this class's application; the batch was paid before this test started
        List<JsonNode> lines = output.getAll().lines().filter(l -> l.startsWith("{"))
                .map(JSON::readTree).toList();
        assertThat(lines).as("JSON log lines").isNotEmpty();
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asString()).startsWith("Batch submitted");
            assertThat(line.path("BatchId").asString()).isEqualTo(batchId);
            assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
        });
        String declined = transactionIdOf("DECLINED");
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asString()).contains("Declined");
            assertThat(line.path("TransactionId").asString()).isEqualTo(declined);
        });
    }

    @SuppressWarnings("unchecked")
    private String transactionIdOf(String customerTransactionId) {
        return ((List<Map<String, Object>>) finalStatus.get("Items")).stream()
                .filter(i -> customerTransactionId.equals(i.get("CustomerTransactionId")))
                .map(i -> (String) i.get("TransactionId")).findFirst().orElseThrow();
    }

    private String scrape() {
        return http.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static double value(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no series " + series + " in\n" + grep(metrics)));
    }

    private static String grep(String metrics) {
        return String.join("\n", metrics.lines().filter(l -> l.startsWith("masspay_")).toList());
    }
}
