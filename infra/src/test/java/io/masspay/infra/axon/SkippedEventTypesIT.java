package io.masspay.infra.axon;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 0029: a processor's stream leaves out the event types it has no handler for, yet a processor with
 * nothing left to do still holds a token at the store's head. A wallet batch ends with events most processors
 * cannot handle (the ledger no item's ItemSucceeded, the payment processors no BatchCompleted); reads, a
 * rebuild's switch and the lag figures all wait for tokens to pass the head, so a token left behind the last
 * skipped event would hold them up for good.
 */
@MassPayIntegrationTest
class SkippedEventTypesIT {

    @Autowired
    WebTestClient http;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyProcessorReachesTheHeadOfTheStoreWhenItsWorkIsDone() {
        MassPayApi api = new MassPayApi(http);
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.recipient(issuer, "PAT-0", "Individual");
        // a stream learns what its processor ignores from the first event of each type: the second batch's
        // events of those types are the ones left out
        pay(api, issuer, "SK-A");
        String batchId = pay(api, issuer, "SK-B");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number desc limit 1",
                String.class, batchId).endsWith("BatchCompleted"));
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(positionsBehind(head)).as("processors whose segments are behind the head %d", head).isEmpty());
    }

    private static String pay(MassPayApi api, Issuer issuer, String customerBatchId) {
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, customerBatchId, List.of(
                walletItem(customerBatchId + "-1", "PAT-0", "XTR94502", "1.00"),
                walletItem(customerBatchId + "-2", "PAT-0", "XTR94502", "2.00")))).get("BatchId");
        assertThat(api.awaitFinal(issuer, batchId)).containsEntry("Status", "Completed");
        return batchId;
    }

    /** Every streaming processor's segments whose token is short of {@code head}, with their positions (-1: none). */
    private Map<String, Long> positionsBehind(long head) {
        Map<String, Long> behind = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                if (streaming.processingStatus().isEmpty()) {
                    behind.put(name + " (no segment claimed)", -1L);
                }
                for (EventTrackerStatus segment : streaming.processingStatus().values()) {
                    long position = segment.getCurrentPosition().orElse(-1);
                    if (position < head) {
                        behind.put(name + "#" + segment.getSegment().getSegmentId(), position);
                    }
                }
            }
        });
        return behind;
    }
}
