package io.masspay.infra.process;

import io.masspay.infra.support.PostingLines;
import io.masspay.infra.process.Payroll.Funded;
import io.masspay.infra.process.Payroll.Submitted;
import io.masspay.infra.support.AppNode;
import io.masspay.infra.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, graceful shutdown: SIGTERM in the middle of a batch. The process exits on its own, its event
 * processors stop after committing the batch in hand (never half a chunk: every issuer debit has its
 * recipient credit), it gives back every token claim and deadline it held, and a restart finishes the
 * batch with nothing lost.
 */
class GracefulShutdownIT {

    private static final int ITEMS = Integer.getInteger("masspay.graceful.items", 1500);

    @Test
    void sigterm_mid_batch_commits_what_is_in_hand_releases_its_claims_and_a_restart_finishes() {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        try (AppNode node = AppNode.on(database, "graceful-node")) {
            node.start();
            Funded issuer = Payroll.issuer(node.api(), "1000000.00");
            Submitted batch = Payroll.submit(node.api(), issuer, "GRACEFUL-1",
                    Payroll.mixedItems("G", ITEMS, new Random(7)));
            Settlement settlement = new Settlement(node, database);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> settlement.finalItems() >= ITEMS / 20);

            int exit = node.terminate(Duration.ofSeconds(90));
            long finalAtExit = settlement.finalItems();

            // SIGTERM ends a JVM with 128 + 15 once its shutdown hooks (Spring's close) have run
            assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(finalAtExit).as("items final when it exited (the test wants a mid-batch stop)")
                    .isLessThan(ITEMS);
            String log = node.logText();
            assertThat(log).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");
            assertThat(log).as("the processors were shut down, not abandoned")
                    .contains("Stopping PooledStreamingEventProcessor [payments]")
                    .contains("Stopping PooledStreamingEventProcessor [PayoutSagaProcessor]");
            assertThat(TokenClaims.heldBy(database, node.name())).as("segments still claimed after exit").isZero();
            assertThat(settlement.queryLong("select count(*) from scheduled_tasks where picked and picked_by = ?",
                    node.name())).as("deadlines still picked after exit").isZero();
            long debited = settlement.queryLong(PostingLines.COUNT, "io.masspay.kernel.wallet.IssuerDebited");
            long credited = settlement.queryLong(PostingLines.COUNT, "io.masspay.kernel.wallet.WalletCredited");
            assertThat(debited).as("issuer debits written (the stop came mid-batch)").isPositive().isLessThanOrEqualTo(ITEMS);
            assertThat(credited).as("recipient credits: a chunk commits its debits and credits together")
                    .isEqualTo(debited);

            node.start();
            settlement.awaitFinal(List.of(batch), Duration.ofMinutes(4));
            Settlement.Figures figures = settlement.verify(List.of(batch));
            System.out.printf("GracefulShutdownIT: SIGTERM with %d of %d items final, exit code %d, %d issuer debits "
                    + "= %d credits at exit; after restart %s%n", finalAtExit, ITEMS, exit, debited, credited, figures);
        }
    }
}
