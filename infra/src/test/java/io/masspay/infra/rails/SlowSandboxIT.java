package io.masspay.infra.rails;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox as a real provider feels (API.md section 3, sandbox rails): every call answers after
 * {@code masspay.sandbox.latency}, a .93 payout takes {@code slow-call} more. Slow calls only take their own
 * places in flight: a batch of ordinary payouts sent after a batch of slow ones is paid while the slow ones
 * still wait, at many calls at once rather than one after another.
 */
@MassPayIntegrationTest
@TestPropertySource(properties = {"masspay.sandbox.latency=PT0.25S", "masspay.sandbox.slow-call=PT15S"})
class SlowSandboxIT {

    static final String BANK = "XTR94500";

    @Autowired
    WebTestClient http;

    @Test
    void shouldPayOrdinaryPayoutsWhileSlowOnesWait() {
        MassPayApi api = new MassPayApi(http);
        Issuer issuer = api.onboardIssuer("USD", "10000.00");
        api.limits(issuer, 1000).expectStatus().isOk();
        api.fullRecipient(issuer, "PAT-1");
        String slowBatch = submit(api, issuer, "SLOW", 20, "2.93");

        long started = System.nanoTime();
        String ordinaryBatch = submit(api, issuer, "ORDINARY", 300, "1.00");
        Map<String, Object> ordinary = api.awaitFinal(issuer, ordinaryBatch);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(ordinary).containsEntry("Status", "Completed");
        assertThat(api.status(issuer, slowBatch, "").returnResult(Map.class).getResponseBody().blockFirst())
                .as("the slow batch, when the ordinary one sent after it is paid").containsEntry("Status", "Processing");
        // 300 calls of 250 ms one after another would take 75 s; 44 at a time (20 places wait for the slow ones),
        // under 2 s of calls; the bound leaves room for a loaded machine and stays under the slow calls (15 s)
        assertThat(took).as("300 ordinary payouts at 250 ms each").isLessThan(Duration.ofSeconds(12));
        assertThat(api.awaitFinal(issuer, slowBatch)).containsEntry("Status", "Completed");
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
        System.out.printf("SlowSandboxIT: 300 payouts at 250 ms final %d ms after their 202, behind 20 slow ones%n",
                took.toMillis());
    }

    private static String submit(MassPayApi api, Issuer issuer, String name, int count, String amount) {
        List<Map<String, Object>> items = IntStream.range(0, count)
                .mapToObj(i -> item(name + "-" + i, "PAT-1", BANK, amount, Map.of())).toList();
        return (String) api.submitAccepted(issuer, batch(issuer, name, items)).get("BatchId");
    }
}
