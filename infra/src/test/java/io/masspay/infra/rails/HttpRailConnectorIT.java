package io.masspay.infra.rails;

import com.zaxxer.hikari.HikariDataSource;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import io.masspay.infra.support.RailProviderStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rail calls outside every transaction, many in flight (ADR 0013): three rails on an HTTP provider that
 * answers after 250 ms. With 64 calls allowed per rail, well over 100 are in flight at once while only a few
 * of the 24 pooled database connections are busy (a connection held across a call would need one per call);
 * every key is sent once and no transaction is paid under two keys.
 */
@MassPayIntegrationTest
class HttpRailConnectorIT {

    static final List<String> RAILS = List.of("XTR94500", "XTR94503", "XTR94508");
    static final RailProviderStub provider = new RailProviderStub(Duration.ofMillis(250));

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        RAILS.forEach(rail -> properties.add("masspay.rails.http." + rail + ".base-url", provider::baseUrl));
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Autowired
    WebTestClient http;
    @Autowired
    DataSource dataSource;

    MassPayApi api;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
    }

    @Test
    void shouldKeepManyCallsInFlightWithoutHoldingDatabaseConnections() {
        Issuer issuer = api.onboardIssuer("USD", "100000.00");
        api.limits(issuer, 1000).expectStatus().isOk();
        List<String> recipients = List.of("PAT-1", "PAT-2", "PAT-3");
        recipients.forEach(r -> api.fullRecipient(issuer, r));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            items.add(item("T-" + i, recipients.get(i % 3), RAILS.get(i % 3), "1." + String.format("%02d", i % 90), Map.of()));
        }
        BusyConnections busy = new BusyConnections((HikariDataSource) dataSource, provider);

        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "MANY-IN-FLIGHT", items)).get("BatchId");
        Map<String, Object> status = api.awaitFinal(issuer, batchId);
        busy.stop();

        assertThat(status).containsEntry("Status", "Completed");
        assertThat(provider.peakInFlight()).as("calls the provider had in flight at once").isGreaterThanOrEqualTo(100);
        assertThat(busy.samplesWithHundredInFlight()).as("moments with >= 100 calls in flight").isPositive();
        assertThat(busy.maxBusyWithHundredInFlight())
                .as("pooled connections in use while >= 100 rail calls waited (pool of 24)").isLessThanOrEqualTo(16);
        assertThat(provider.keysSent()).hasSize(900);
        assertThat(provider.keysSent()).allSatisfy(key -> assertThat(provider.postsOf(key)).as(key).isEqualTo(1));
        assertThat(provider.transactionsPaidTwice()).isZero();
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
        System.out.printf("HttpRailConnectorIT: 900 items over 3 rails at 250 ms; provider peak in flight %d; "
                        + "busy pooled connections at most %d in %d samples with >= 100 calls in flight%n",
                provider.peakInFlight(), busy.maxBusyWithHundredInFlight(), busy.samplesWithHundredInFlight());
    }

    /** Every 10 ms: the pool's busy connections, kept when the provider had 100 or more calls in flight. */
    static final class BusyConnections {
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        private final AtomicInteger max = new AtomicInteger();
        private final AtomicInteger samples = new AtomicInteger();

        BusyConnections(HikariDataSource pool, RailProviderStub provider) {
            sampler.scheduleAtFixedRate(() -> {
                int active = pool.getHikariPoolMXBean().getActiveConnections();
                if (provider.inFlight() >= 100) {
                    samples.incrementAndGet();
                    max.accumulateAndGet(active, Math::max);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
        }

        void stop() {
            sampler.shutdownNow();
        }

        int maxBusyWithHundredInFlight() {
            return max.get();
        }

        int samplesWithHundredInFlight() {
            return samples.get();
        }
    }
}
