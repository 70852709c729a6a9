package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import io.masspay.query.support.TransactionViews;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0023: a read waits for the read models it reads. With the item history's processor stopped, a batch's status
 * (by BatchId and by CustomerBatchId) still answers as soon as the status model has the batch, without waiting out
 * {@code masspay.reads.max-wait}; the item's History, which the stopped processor writes, waits it out; once the
 * processor runs again History shows the item.
 */
@MassPayIntegrationTest
@TestPropertySource(properties = "masspay.reads.max-wait=PT2S")
class ReadsWaitForTheirReadModelsIT {

    private static final String WALLET = "XTR94502";

    @Autowired
    WebTestClient http;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldAnswerAStatusWithoutWaitingForTheHistoryAndHoldAHistoryReadForIt() {
        MassPayApi api = new MassPayApi(http);
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.recipient(issuer, "PAT-0", "Individual");
        String first = (String) api.submitAccepted(issuer, batch(issuer, "FIRST",
                List.of(walletItem("F-1", "PAT-0", WALLET, "1.00")))).get("BatchId");
        assertThat(api.awaitFinal(issuer, first)).containsEntry("Status", "Completed");

        StreamingEventProcessor views = processing.eventProcessor(TransactionViews.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        views.shutDown();
        String second;
        try {
            second = (String) api.submitAccepted(issuer, batch(issuer, "SECOND",
                    List.of(walletItem("S-1", "PAT-0", WALLET, "2.00")))).get("BatchId");
            double before = waitedOut();

            api.status(issuer, second, "PageSize=1").expectStatus().isOk();
            http.get().uri("/API/v4/Fund/BatchTransfer?CustomerBatchId=SECOND")
                    .header("Authorization", "Bearer " + issuer.apiKey()).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.BatchId").isEqualTo(second);
            assertThat(waitedOut()).as("the status reads did not wait for the stopped item history").isEqualTo(before);

            http.get().uri(history(second, "S-1")).header("Authorization", "Bearer " + issuer.apiKey()).exchange();
            assertThat(waitedOut()).as("the History read waited for it, up to max-wait").isEqualTo(before + 1);
        } finally {
            views.start();
        }

        double before = waitedOut();
        Map<?, ?> history = api.issuerGet(issuer, history(second, "S-1"), Map.class);
        assertThat(history.get("CustomerTransactionId")).isEqualTo("S-1");
        assertThat(waitedOut()).as("caught up within max-wait").isEqualTo(before);
    }

    private static String history(String batchId, String customerTransactionId) {
        return "/API/v4/Fund/BatchTransfer/" + batchId + "/Items/" + customerTransactionId + "/History";
    }

    private double waitedOut() {
        return meters.counter("masspay.reads.waited.out").count();
    }
}
