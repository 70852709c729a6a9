package io.masspay.infra.process;

import io.masspay.infra.process.Payroll.Funded;
import io.masspay.infra.process.Payroll.Submitted;
import io.masspay.infra.support.AppNode;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6, scale-out: two application processes on one fresh database share the work by segments
 * (Axon's token claims, each node its fair share), take submissions on both, and one is killed with
 * SIGKILL mid-run. The survivor takes over the dead node's segments once their claims time out and
 * finishes everything: every item final as its amount says, each transaction paid by a rail at most once,
 * the ledger conserved to the cent per issuer, no wallet negative.
 */
class TwoNodesIT {

    private static final int ISSUERS = 6;
    private static final int ITEMS_PER_BATCH = Integer.getInteger("masspay.two-nodes.items", 200);

    @Test
    void two_nodes_share_the_work_and_the_survivor_of_a_kill_9_finishes_it() {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        try (AppNode a = AppNode.on(database, "two-nodes-a"); AppNode b = AppNode.on(database, "two-nodes-b")) {
            CompletableFuture<AppNode> startingB = CompletableFuture.supplyAsync(b::start);
            a.start();
            startingB.join();
            List<Funded> issuers = new ArrayList<>();
            for (int i = 0; i < ISSUERS; i++) {
                issuers.add(Payroll.issuer(i % 2 == 0 ? a.api() : b.api(), "1000000.00"));
            }
            // each node holds part of every pooled processor's segments (fair share, then claimed)
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Map<String, Set<String>> owners = TokenClaims.owners(database);
                for (String processor : List.of("payments", "PayoutSagaProcessor", "ledger", "batch-status")) {
                    assertThat(owners.get(processor)).as("owners of %s", processor)
                            .containsExactlyInAnyOrder(a.name(), b.name());
                }
            });
            Map<String, Set<String>> sharedOwners = TokenClaims.owners(database);

            Random random = new Random(6);
            List<Submitted> batches = new ArrayList<>();
            // the first half of the batches on both nodes at once, then the rest, the last ones to B
            List<CompletableFuture<Submitted>> first = new ArrayList<>();
            for (int i = 0; i < ISSUERS; i++) {
                AppNode node = i % 2 == 0 ? a : b;
                Funded issuer = issuers.get(i);
                List<Map<String, Object>> items = Payroll.mixedItems("A" + i, ITEMS_PER_BATCH, random);
                String id = "TWO-" + i;
                first.add(CompletableFuture.supplyAsync(() -> Payroll.submit(node.api(), issuer, id, items)));
            }
            first.forEach(f -> batches.add(f.join()));
            for (int i = 0; i < ISSUERS; i++) {
                batches.add(Payroll.submit(b.api(), issuers.get(i), "TWO-B-" + i,
                        Payroll.mixedItems("B" + i, ITEMS_PER_BATCH / 2, random)));
            }
            Settlement settlement = new Settlement(a, database);
            long items = batches.stream().mapToLong(s -> s.items().size()).sum();
            // the rail work is shared too: each node's dispatcher claims due payouts (ADR 0013)
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> railCallsOf(a) > 0 && railCallsOf(b) > 0);
            double callsOfA = railCallsOf(a);
            double callsOfB = railCallsOf(b);
            long processingAtKill = items - settlement.finalItems();
            b.kill();
            assertThat(processingAtKill).as("items still processing when B was killed").isPositive();

            long killedAt = System.nanoTime();
            settlement.awaitFinal(batches, Duration.ofMinutes(4));
            long finishedMs = (System.nanoTime() - killedAt) / 1_000_000;
            Settlement.Figures figures = settlement.verify(batches);
            // A took over every segment B held
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(TokenClaims.heldBy(database, b.name())).as("segments still held by dead B").isZero());
            System.out.printf("TwoNodesIT: owners while both ran %s; rail calls made before the kill: A %.0f, B %.0f; "
                            + "%d batches, %s; %d items Processing when B was killed; all final %d ms after the kill; "
                            + "owners after %s%n", sharedOwners, callsOfA, callsOfB, batches.size(), figures,
                    processingAtKill, finishedMs, TokenClaims.owners(database));
        }
    }

    /** Rail calls this node made so far, all rails and outcomes ({@code masspay_rail_calls_total}). */
    static double railCallsOf(AppNode node) {
        String metrics = node.http().get().uri("/actuator/prometheus")
                .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return metrics.lines().filter(line -> line.startsWith("masspay_rail_calls_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
