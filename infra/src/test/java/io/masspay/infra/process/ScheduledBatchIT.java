package io.masspay.infra.process;

import io.masspay.infra.process.Payroll.Funded;
import io.masspay.infra.process.Payroll.Submitted;
import io.masspay.infra.support.AppNode;
import io.masspay.infra.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, scheduled batches across nodes: a batch scheduled 20 s ahead is accepted by node A, A is killed with
 * SIGKILL before the time comes, and node B (sharing the database) pays it once when its time comes. The release
 * is a deadline kept in PostgreSQL, not a timer in A's memory.
 */
class ScheduledBatchIT {

    private static final Duration AHEAD = Duration.ofSeconds(20);

    @Test
    void a_scheduled_batch_is_paid_once_at_its_time_although_the_node_that_accepted_it_was_killed() {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        try (AppNode a = AppNode.on(database, "scheduled-a"); AppNode b = AppNode.on(database, "scheduled-b")) {
            a.start();
            b.start();
            Funded issuer = Payroll.issuer(a.api(), "100000.00");
            List<Map<String, Object>> items = Payroll.mixedItems("S", 60, new Random(19));
            Instant at = Instant.now().plus(AHEAD);
            Submitted batch = Payroll.submit(a.api(), issuer, "SCHEDULED-1", items, at);
            assertThat(b.api().issuerGet(issuer.issuer(), "/API/v4/Fund/BatchTransfer/" + batch.batchId(), Map.class))
                    .containsEntry("Status", "Scheduled");
            a.kill();

            Settlement settlement = new Settlement(b, database);
            settlement.awaitFinal(List.of(batch), AHEAD.plus(Duration.ofSeconds(90)));
            assertThat(Instant.now()).as("paid no earlier than its time").isAfterOrEqualTo(at);
            Settlement.Figures figures = settlement.verify(List.of(batch));
            assertThat(figures.items()).isEqualTo(items.size());

            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(),
                    database.password()));
            assertThat(jdbc.queryForObject("""
                    select count(*) from domain_event_entry where aggregate_identifier = ?
                    and payload_type = 'io.masspay.kernel.batch.BatchReleased'""", Integer.class, batch.batchId()))
                    .as("released once").isEqualTo(1);
            assertThat(jdbc.queryForObject("""
                    select min(time_stamp) from domain_event_entry where aggregate_identifier = ?
                    and payload_type = 'io.masspay.kernel.batch.BatchReleased'""", String.class, batch.batchId()))
                    .as("released at its time").isGreaterThanOrEqualTo(at.toString().substring(0, 19));
        }
    }
}
