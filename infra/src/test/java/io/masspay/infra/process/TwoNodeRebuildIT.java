package io.masspay.infra.process;

import io.masspay.infra.process.Payroll.Funded;
import io.masspay.infra.process.Payroll.Submitted;
import io.masspay.infra.support.AppNode;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 0019 on two nodes: both run the live read-model processors; a rebuild asked of one builds the copies there,
 * holds the live processors' segments on both for the switch, and both go on afterwards from the copies. Every
 * batch submitted on either node during the rebuild is found on that node right after its 202, and once
 * everything is final the rebuilt read models agree with what was paid, item by item and to the cent.
 */
class TwoNodeRebuildIT {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Test
    void a_rebuild_asked_of_one_node_switches_both_and_loses_nothing_written_on_either() throws SQLException {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        try (AppNode a = AppNode.on(database, "rebuild-a"); AppNode b = AppNode.on(database, "rebuild-b")) {
            CompletableFuture<AppNode> startingB = CompletableFuture.supplyAsync(b::start);
            a.start();
            startingB.join();
            Funded onA = Payroll.issuer(a.api(), "1000000.00");
            Funded onB = Payroll.issuer(b.api(), "1000000.00");
            awaitShared(database);
            Random random = new Random(19);
            List<Submitted> batches = new ArrayList<>();
            batches.add(Payroll.submit(a.api(), onA, "BEFORE-A", Payroll.mixedItems("BA", 150, random)));
            batches.add(Payroll.submit(b.api(), onB, "BEFORE-B", Payroll.mixedItems("BB", 150, random)));
            Settlement settlement = new Settlement(a, database);
            settlement.awaitFinal(batches, Duration.ofSeconds(120));

            ConcurrentLinkedQueue<Submitted> during = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> notFound = new ConcurrentLinkedQueue<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            CompletableFuture<Void> writers = CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> write(a, onA, "DURING-A", writing, during, notFound)),
                    CompletableFuture.runAsync(() -> write(b, onB, "DURING-B", writing, during, notFound)));

            List<Map<String, Object>> started = a.http().post().uri("/API/v4/Admin/Projections/Rebuild")
                    .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).exchange()
                    .expectStatus().isAccepted().expectBody(LIST).returnResult().getResponseBody();
            assertThat(started).extracting(p -> p.get("Status")).containsOnly("Rebuilding");
            assertThat(projections(b)).as("the other node reports the rebuild too")
                    .extracting(p -> p.get("Status")).doesNotContain("Live");
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() ->
                    projections(b).stream().allMatch(p -> "Live".equals(p.get("Status"))
                            && ((Number) p.get("Generation")).intValue() == 1));
            int atSwitch = during.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> during.size() >= atSwitch + 2); // and after it
            writing.set(false);
            writers.join();

            batches.addAll(during);
            batches.add(Payroll.submit(b.api(), onB, "AFTER-B", Payroll.mixedItems("AB", 50, random)));
            settlement.awaitFinal(batches, Duration.ofSeconds(180));
            Settlement.Figures figures = settlement.verify(batches);
            System.out.printf("two-node rebuild: %d batches written during it, %d items checked%n", during.size(),
                    figures.items());

            assertThat(during).as("batches written during the rebuild").hasSizeGreaterThan(2);
            assertThat(notFound).as("batches not found on their node right after the 202").isEmpty();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Map<String, Set<String>> owners = TokenClaims.owners(database);
                for (String processor : List.of("ledger", "batch-status")) {
                    assertThat(owners.get(processor)).as("owners of %s after the switch", processor)
                            .containsExactlyInAnyOrder(a.name(), b.name());
                }
            });
            assertThat(query(database, "select count(*) from pg_namespace where nspname like 'rm\\_%'"))
                    .as("copy and retired schemas dropped").isZero();
            assertThat(query(database, "select count(*) from token_entry where processor_name like '%@rebuild'"))
                    .as("the copies' tokens handed over").isZero();
        }
    }

    /** Small batches, one after the other, each read back on its node right after its 202. */
    private static void write(AppNode node, Funded issuer, String prefix, AtomicBoolean writing,
                              ConcurrentLinkedQueue<Submitted> written, ConcurrentLinkedQueue<String> notFound) {
        Random random = new Random(prefix.hashCode());
        for (int n = 0; writing.get(); n++) {
            String id = prefix + "-" + n;
            written.add(Payroll.submit(node.api(), issuer, id, Payroll.mixedItems(id, 5, random)));
            int status = node.http().get().uri("/API/v4/Fund/BatchTransfer?CustomerBatchId=" + id)
                    .headers(h -> h.setBearerAuth(issuer.issuer().apiKey())).exchange().returnResult(String.class)
                    .getStatus().value();
            if (status != 200) {
                notFound.add(id + ": " + status);
            }
        }
    }

    private static List<Map<String, Object>> projections(AppNode node) {
        return node.http().get().uri("/API/v4/Admin/Projections")
                .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).exchange().expectStatus().isOk()
                .expectBody(LIST).returnResult().getResponseBody();
    }

    private static void awaitShared(TestPostgres.Database database) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Set<String>> owners = TokenClaims.owners(database);
            for (String processor : List.of("ledger", "batch-status")) {
                assertThat(owners.get(processor)).as("owners of %s", processor).hasSize(2).doesNotContain("-");
            }
        });
    }

    private static long query(TestPostgres.Database database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
