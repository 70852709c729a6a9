package io.masspay.infra.limits;

import io.masspay.command.admission.ReadModelBacklog;
import io.masspay.infra.MassPayApplication;
import io.masspay.infra.support.FreshDatabase;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.query.support.TransactionViews;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 0020: a submission for the bulk lane waits for the read models. While they are more than
 * {@code max-read-backlog} events behind the store it gets 429 RATE_LIMITED with Retry-After and nothing of it is
 * stored; a small batch (express lane) is still accepted; once the read models have caught up the same bulk batch
 * is accepted. Here the backlog is made by stopping one read model's processor.
 */
@SpringBootTest(classes = MassPayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN,
                "masspay.admission.small-backlog=2", "masspay.admission.max-read-backlog=0",
                "masspay.admission.retry-after=PT3S",
                "masspay.rate-limit.requests-per-second=100000", "masspay.rate-limit.burst=100000"})
@ContextConfiguration(initializers = FreshDatabase.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReadBacklogAdmissionIT {

    private static final String WALLET = "XTR94502";

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ReadModelBacklog backlog;

    @Test
    void shouldHoldBulkSubmissionsWhileTheReadModelsAreBehind() {
        MassPayApi api = new MassPayApi(http);
        Issuer issuer = api.onboardIssuer("USD", "1000.00");
        api.recipient(issuer, "PAT-0", "Individual");
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog.events() == 0);

        List<String> smallBatches = new ArrayList<>();
        StreamingEventProcessor views = processing.eventProcessor(TransactionViews.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        views.shutDown();
        try {
            String small = (String) api.submitAccepted(issuer, batch(issuer, "SMALL", items("S", 1))).get("BatchId");
            smallBatches.add(small);
            assertThat(backlog.events()).as("the small batch's events are not projected").isPositive();
            // the small batch is still being paid in the background: its events must be in before the count
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                    select count(*) from domain_event_entry where aggregate_identifier = ?
                    and payload_type = 'io.masspay.kernel.batch.BatchCompleted'""", Integer.class, small) == 1);

            String before = submissions();
            Map<?, ?> refused = api.submit(issuer, batch(issuer, "LARGE", items("L", 3)))
                    .expectStatus().isEqualTo(429)
                    .expectHeader().valueEquals("Retry-After", "3")
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(refused.get("ErrorCode")).isEqualTo("RATE_LIMITED");
            assertThat((String) refused.get("Message")).contains("read models are").contains("Nothing was stored");
            assertThat(submissions()).as("nothing of the refused batch is stored").isEqualTo(before);

            smallBatches.add((String) api.submitAccepted(issuer, batch(issuer, "SMALL-2", items("T", 1))).get("BatchId"));
        } finally {
            views.start();
        }

        // max-read-backlog 0: the small batches' work must be over and projected, or the next one waits again
        smallBatches.forEach(id -> assertThat(api.awaitFinal(issuer, id)).containsEntry("Status", "Completed"));
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog.events() == 0);
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "LARGE", items("L", 3))).get("BatchId");
        assertThat(api.awaitFinal(issuer, batchId)).containsEntry("Status", "Completed");
    }

    private static List<Map<String, Object>> items(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> walletItem(prefix + "-" + i, "PAT-0", WALLET, "1.00")).toList();
    }

    private String submissions() {
        return jdbc.queryForObject("""
                select concat_ws(' | ', (select count(*) from batch_claim), (select count(*) from transaction_claim),
                  (select count(*) from admission_batch), (select count(*) from domain_event_entry))""", String.class);
    }
}
