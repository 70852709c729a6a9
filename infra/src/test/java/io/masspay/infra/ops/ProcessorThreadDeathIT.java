package io.masspay.infra.ops;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, point 2: an out-of-memory error killed the coordinator of every event processor, and
 * {@code /actuator/health} still said UP while new batches were never processed. Here the payments coordinator
 * is stopped the way such an error stops it (an asynchronous {@link Error} thrown into the thread, wherever it
 * is), and health must say DOWN within 5 s and name the processor.
 */
@MassPayIntegrationTest
class ProcessorThreadDeathIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient http;

    @Test
    @SuppressWarnings({"deprecation", "removal"})
    void shouldTurnHealthDownWhenAProcessorLosesItsCoordinatorThread() {
        assertThat(eventProcessors().path("status").asString()).isEqualTo("UP");
        List<Thread> coordinators = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("Coordinator[payments]")).toList();
        assertThat(coordinators).isNotEmpty();

        coordinators.forEach(Thread::stop); // ThreadDeath, as an OutOfMemoryError would strike: anywhere

        // the killed threads end with uncaught throwables (ThreadDeath, or a lock's IllegalMonitorStateException):
        // the fault under test, which Awaitility would otherwise rethrow here as the test's own failure
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).dontCatchUncaughtExceptions()
                .untilAsserted(() -> {
            JsonNode processors = eventProcessors();
            assertThat(processors.path("status").asString()).isEqualTo("DOWN");
            assertThat(processors.path("details").path("payments").path("status").asString()).isEqualTo("DOWN");
            assertThat(processors.path("details").path("payments").path("lostThread").asString())
                    .contains("Coordinator[payments]");
        });
        http.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503);
    }

    private JsonNode eventProcessors() {
        byte[] body = http.get().uri("/actuator/health")
                .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN))
                .exchange().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body).path("components").path("eventProcessors");
    }
}
