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

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 0023: the bulk lane takes no new work while the read models are more than
 * {@code masspay.payments.bulk-lane.max-read-backlog} events behind the store, and the express lane goes on
 * meanwhile: another issuer's one-item batch is paid while a bulk batch waits. Once the read models catch up, the
 * bulk batch is paid, every cent where it should be. The backlog is made by stopping one read model's processor.
 */
@SpringBootTest(classes = MassPayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN,
                "masspay.admission.small-backlog=2", "masspay.payments.bulk-lane.max-read-backlog=2",
                "masspay.rate-limit.requests-per-second=100000", "masspay.rate-limit.burst=100000"})
@ContextConfiguration(initializers = FreshDatabase.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BulkLanePacingIT {

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
    void shouldHoldTheBulkLaneWhileTheReadModelsAreBehindAndPayTheExpressLaneMeanwhile() {
        MassPayApi api = new MassPayApi(http);
        Issuer bulk = api.onboardIssuer("USD", "1000.00");
        api.recipient(bulk, "PAT-0", "Individual");
        Issuer express = api.onboardIssuer("USD", "1000.00");
        api.recipient(express, "PAT-0", "Individual");
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog.events() == 0);

        StreamingEventProcessor views = processing.eventProcessor(TransactionViews.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        views.shutDown();
        String bulkBatch;
        try {
            // admitted with the read models caught up (nothing stored since the stop); 3 items > small-backlog 2
            bulkBatch = (String) api.submitAccepted(bulk, batch(bulk, "BULK", items("B", 3))).get("BatchId");
            String expressBatch = (String) api.submitAccepted(express, batch(express, "ONE", items("E", 1)))
                    .get("BatchId");

            await().atMost(Duration.ofSeconds(30)).until(() -> succeeded(expressBatch) == 1);
            assertThat(backlog.events()).as("the read models are behind").isGreaterThan(2);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> succeeded(bulkBatch) == 0);
        } finally {
            views.start();
        }

        assertThat(api.awaitFinal(bulk, bulkBatch)).containsEntry("Status", "Completed");
        assertThat(succeeded(bulkBatch)).isEqualTo(3);
        Map<?, ?> wallet = api.issuerGet(bulk, "/API/v4/Wallets/" + bulk.walletId(), Map.class);
        assertThat(new BigDecimal((String) wallet.get("Balance"))).isEqualByComparingTo("997.00");
    }

    /** The batch's items paid, as the event store has it (the read models are the ones held back here). */
    private int succeeded(String batchId) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry e
                where e.payload_type = 'io.masspay.kernel.transaction.ItemSucceeded'
                  and e.aggregate_identifier in (select s.aggregate_identifier from domain_event_entry s
                      where s.payload_type = 'io.masspay.kernel.transaction.ItemSubmitted'
                        and convert_from(s.payload, 'UTF8')::jsonb ->> 'batchId' = ?)""", Integer.class, batchId);
    }

    private static List<Map<String, Object>> items(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> walletItem(prefix + "-" + i, "PAT-0", WALLET, "1.00")).toList();
    }
}
