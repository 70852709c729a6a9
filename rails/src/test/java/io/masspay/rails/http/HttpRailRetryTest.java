package io.masspay.rails.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.masspay.kernel.payout.RailOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.masspay.rails.http.ProviderFixture.railAt;
import static io.masspay.rails.http.ProviderFixture.usdPayout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider failing on its side, too slow or unreachable is tried again up to max-attempts, always with
 * the payout's own idempotency key, so the provider can tell a retry from a new payout.
 */
class HttpRailRetryTest {

    @RegisterExtension
    static WireMockExtension provider = ProviderFixture.provider();

    @Test
    void shouldRetryAServerErrorWithTheSameIdempotencyKey() {
        provider.stubFor(post(urlEqualTo("/payouts")).inScenario("blip").whenScenarioStateIs(STARTED)
                .willReturn(serverError()).willSetStateTo("recovered"));
        provider.stubFor(post(urlEqualTo("/payouts")).inScenario("blip").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"Status\":\"Paid\"}")));

        RailOutcome outcome = railAt(provider.baseUrl(), 3).payOut(usdPayout()).outcome();

        assertThat(outcome).isEqualTo(RailOutcome.Paid);
        provider.verify(2, anyRequestedFor(anyUrl()));
        provider.verify(2, postRequestedFor(urlEqualTo("/payouts")).withHeader("Idempotency-Key", equalTo("tx_1:1")));
    }

    @Test
    void shouldBeUnavailableAfterMaxAttemptsOfServerErrors() {
        provider.stubFor(post(urlEqualTo("/payouts")).willReturn(aResponse().withStatus(503)));

        RailOutcome outcome = railAt(provider.baseUrl(), 3).payOut(usdPayout()).outcome();

        assertThat(outcome).isEqualTo(RailOutcome.Unavailable);
        provider.verify(3, anyRequestedFor(anyUrl()));
        provider.verify(3, postRequestedFor(urlEqualTo("/payouts")).withHeader("Idempotency-Key", equalTo("tx_1:1")));
    }

    @Test
    void shouldGiveUpOnASlowProviderWithoutWaitingForIt() {
        Duration timeout = Duration.ofMillis(300);
        Duration providerDelay = Duration.ofSeconds(5);
        provider.stubFor(post(urlEqualTo("/payouts"))
                .willReturn(okJson("{\"Status\":\"Paid\"}").withFixedDelay((int) providerDelay.toMillis())));

        long started = System.nanoTime();
        RailOutcome outcome = railAt(provider.baseUrl(), 2, timeout).payOut(usdPayout()).outcome();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome).isEqualTo(RailOutcome.Unavailable);
        assertThat(took).isGreaterThanOrEqualTo(timeout.multipliedBy(2)).isLessThan(providerDelay.dividedBy(2));
        provider.verify(2, postRequestedFor(urlEqualTo("/payouts")).withHeader("Idempotency-Key", equalTo("tx_1:1")));
    }

    @Test
    void shouldBeUnavailableWhenTheProviderCannotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        RailOutcome outcome = railAt("http://127.0.0.1:" + closedPort, 2).payOut(usdPayout()).outcome();

        assertThat(outcome).isEqualTo(RailOutcome.Unavailable);
    }
}
