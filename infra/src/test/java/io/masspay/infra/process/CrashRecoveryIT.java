package io.masspay.infra.process;

import io.masspay.infra.process.Payroll.Funded;
import io.masspay.infra.process.Payroll.Submitted;
import io.masspay.infra.process.WebhookRecorder.Delivered;
import io.masspay.infra.support.AppNode;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, crash recovery: the application as a separate process, a mixed batch submitted, the process
 * killed with SIGKILL at a random moment after the 202, restarted on the same database, and then:
 * every item final with the outcome its amount asks for, no rail transaction paid twice, the ledger
 * conserved to the cent per currency and per issuer, no wallet negative, and every webhook event
 * delivered (1 Batch.Started, 1 event per item, 1 Batch.Completed per batch; duplicates counted, as
 * delivery is at least once). Each cycle adds a batch to the same database and checks everything so far.
 *
 * <p>CI-sized by default (3 cycles of 500 items). The full setting of issue 7:
 * {@code -Dmasspay.crash.cycles=10 -Dmasspay.crash.items=2000 -Dmasspay.crash.kill-window-ms=10000}; the kill moments come from
 * {@code -Dmasspay.crash.seed} (printed; random when absent) within {@code -Dmasspay.crash.kill-window-ms}.
 */
class CrashRecoveryIT {

    private static final int CYCLES = Integer.getInteger("masspay.crash.cycles", 3);
    private static final int ITEMS = Integer.getInteger("masspay.crash.items", 500);
    private static final int KILL_WINDOW_MS = Integer.getInteger("masspay.crash.kill-window-ms", 4000);
    private static final long SEED = Long.getLong("masspay.crash.seed", System.nanoTime());

    @Test
    void killed_at_random_moments_it_restarts_and_loses_nothing() throws Exception {
        System.out.printf("CrashRecoveryIT: seed %d (-Dmasspay.crash.seed=%d to repeat), %d cycles of %d items%n",
                SEED, SEED, CYCLES, ITEMS);
        Random random = new Random(SEED);
        TestPostgres.Database database = TestPostgres.freshDatabase();
        try (WebhookRecorder hooks = new WebhookRecorder(); AppNode node = AppNode.on(database, "crash-node")) {
            node.start();
            List<Funded> issuers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Funded issuer = Payroll.issuer(node.api(), "1000000.00");
                node.http().put().uri("/API/v4/Admin/Issuers/" + issuer.issuer().account() + "/Webhook")
                        .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("Url", hooks.url()))
                        .exchange().expectStatus().isOk();
                issuers.add(issuer);
            }
            Settlement settlement = new Settlement(node, database);
            List<Submitted> batches = new ArrayList<>();
            List<String> report = new ArrayList<>();
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                List<Map<String, Object>> items = Payroll.mixedItems("C" + cycle, ITEMS, random);
                int killAfterMs = random.nextInt(KILL_WINDOW_MS);
                Submitted batch = Payroll.submit(node.api(), issuers.get(cycle % 2), "CRASH-" + cycle, items);
                long accepted = System.nanoTime();
                batches.add(batch);
                // The fault is injected at a chosen moment, so this wait is the point, not a stand-in for a condition.
                Thread.sleep(killAfterMs);
                long finalBefore = settlement.finalItems();
                node.kill();
                long killedMs = (System.nanoTime() - accepted) / 1_000_000;
                node.start();
                settlement.awaitFinal(batches, Duration.ofMinutes(5));
                Settlement.Figures figures = settlement.verify(batches);
                int expectedEvents = expectedWebhookEvents(batches);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                        .until(() -> hooks.events().size() >= expectedEvents);
                everyEventDeliveredOnce(hooks, batches);
                String line = ("cycle %d: killed %d ms after the 202 (%d of %d items of this database final then); "
                        + "%s; webhook events expected %d, delivered distinct %d, requests %d, duplicates %d")
                        .formatted(cycle, killedMs, finalBefore, figures.items(), figures, expectedEvents,
                                hooks.events().size(), hooks.requests(), hooks.duplicates());
                report.add(line);
                System.out.println("CrashRecoveryIT " + line);
            }
            System.out.println("CrashRecoveryIT summary (seed " + SEED + "):\n  " + String.join("\n  ", report));
        }
    }

    private static int expectedWebhookEvents(List<Submitted> batches) {
        return batches.stream().mapToInt(b -> 2 + b.items().size()).sum();
    }

    /** Exactly the expected events, by EventId: a start and an end per batch, one outcome per item. */
    private static void everyEventDeliveredOnce(WebhookRecorder hooks, List<Submitted> batches) {
        Map<String, Delivered> events = hooks.events();
        assertThat(events).as("distinct webhook events").hasSize(expectedWebhookEvents(batches));
        Map<String, Integer> perBatch = new HashMap<>();
        Map<String, String> perItem = new HashMap<>();
        for (Delivered event : events.values()) {
            if (event.transactionId() == null) {
                perBatch.merge(event.batchId() + " " + event.eventType(), 1, Integer::sum);
            } else {
                assertThat(perItem.put(event.transactionId(), event.eventType()))
                        .as("a second outcome event for %s", event.transactionId()).isNull();
            }
        }
        for (Submitted batch : batches) {
            assertThat(perBatch.get(batch.batchId() + " Batch.Started")).as("Started of %s", batch.batchId()).isEqualTo(1);
            assertThat(perBatch.get(batch.batchId() + " Batch.Completed")).as("Completed of %s", batch.batchId())
                    .isEqualTo(1);
            batch.items().forEach((tx, wanted) -> assertThat(perItem.get(tx)).as("outcome event of %s", tx)
                    .isEqualTo(wanted.expectedStatus().equals("Success") ? "Batch.Item.Completed" : "Batch.Item.Failed"));
        }
    }
}
