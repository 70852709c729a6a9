package io.masspay.infra.axon;

import io.masspay.infra.MassPayApplication;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.TestPostgres;
import io.masspay.kernel.transaction.ItemSubmitted;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guards the silent trap of docs/DESIGN.md, "Platform notes": under Boot 4, Axon's JDBC auto-configuration never runs, and the
 * fallbacks (in-memory tokens, a no-op transaction manager) still "work" until a restart replays every
 * projection from zero. This test proves the stores are the JDBC ones, that events are rows with BYTEA
 * payloads (with no correlation metadata, ADR 0028), and that a restarted application does not redeliver old
 * events to a projection.
 */
class AxonStorageIT {

    @Test
    void shouldKeepEventsAndProcessorTokensInPostgresAcrossARestart() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        Issuer issuer;
        try (ConfigurableApplicationContext first = start(db, null)) {
            assertThat(first.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
            assertThat(first.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
            assertThat(first.getBean(SagaStore.class)).isInstanceOf(JdbcSagaStore.class);
            assertThat(first.getBean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
            assertThat(first.getBeansOfType(InMemoryTokenStore.class)).isEmpty();
            assertThat(first.getBeansOfType(InMemoryEventStorageEngine.class)).isEmpty();
            assertThat(first.getBeansOfType(NoTransactionManager.class)).isEmpty();
            EventProcessingConfiguration processing = first.getBean(EventProcessingConfiguration.class);
            for (String group : List.of("payments", "batch-status")) {
                assertThat(processing.tokenStore(group)).as(group).isInstanceOf(JdbcTokenStore.class);
            }

            MassPayApi api = api(first);
            issuer = api.onboardIssuer("USD", "100.00");
            api.recipient(issuer, "PAT-1", "Individual");
            String batchId = (String) api.submitAccepted(issuer, batch(issuer, List.of(
                    walletItem("T1", "PAT-1", "XTR94502", "1.00"),
                    walletItem("T2", "PAT-1", "XTR94502", "2.00")))).get("BatchId");
            api.awaitFinal(issuer, batchId);

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("""
                    select data_type from information_schema.columns
                    where table_name = 'domain_event_entry' and column_name = 'payload'""", String.class))
                    .isEqualTo("bytea");
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = ?",
                    Integer.class, ItemSubmitted.class.getName())).isEqualTo(2);
            assertThat(jdbc.queryForList("select distinct convert_from(meta_data, 'UTF8') from domain_event_entry",
                    String.class))
                    .as("events carry no correlation metadata: Axon's MessageOriginProvider is not registered (ADR 0028)")
                    .containsExactly("{}");
            assertThat(jdbc.queryForObject(
                    "select count(*) from token_entry where processor_name = 'batch-status' and token is not null",
                    Integer.class)).isPositive();
        }

        ReplayProbe probe = new ReplayProbe();
        try (ConfigurableApplicationContext second = start(db, probe)) {
            MassPayApi api = api(second);
            String batchId = (String) api.submitAccepted(issuer, batch(issuer, List.of(
                    walletItem("T3", "PAT-1", "XTR94502", "3.00")))).get("BatchId");
            api.awaitFinal(issuer, batchId);
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.itemsSeen.get() >= 1);
            assertThat(probe.itemsSeen.get())
                    .as("after a restart the projection's processor resumes from its stored token: only the new item")
                    .isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(TestPostgres.Database db, ReplayProbe probe) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(MassPayApplication.class);
        if (probe != null) {
            builder.initializers(context ->
                    ((GenericApplicationContext) context).registerBean(ReplayProbe.class, () -> probe));
        }
        return builder.run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--server.port=0",
                "--masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN);
    }

    private static MassPayApi api(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new MassPayApi(WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build());
    }

    /** A listener in the status projection's processor that counts what it is handed. */
    @ProcessingGroup("batch-status")
    static class ReplayProbe {

        final AtomicInteger itemsSeen = new AtomicInteger();

        @EventHandler
        void on(ItemSubmitted event) {
            itemsSeen.incrementAndGet();
        }
    }
}
