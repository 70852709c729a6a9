package io.masspay.rails.http;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.masspay.rails.RailReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.masspay.rails.http.ProviderFixture.railAt;
import static io.masspay.rails.http.ProviderFixture.send;
import static io.masspay.rails.http.ProviderFixture.usdPayout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each answer of a provider means, with one call each: the connector never calls twice by itself
 * (calling again, always with the same key, is the dispatcher's decision). Only a rail's own word is final;
 * a throttle, a "not now" and anything unreadable are not.
 */
class HttpRailAnswersTest {

    @RegisterExtension
    static WireMockExtension provider = ProviderFixture.provider();

    @ParameterizedTest(name = "POST {0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            200 | {"Status":"Paid"}                     | Paid
            201 | {"Status":"Paid","ProviderRef":"p_1"} | Paid
            200 | {"Status":"Declined"}                 | Declined
            200 | {"Status":"DestinationClosed"}        | DestinationClosed
            200 | {"Status":"Pending"}                  | Pending
            200 | {"Status":"InProgress"}               | Unanswered
            200 | not json                              | Unanswered
            400 | {"Error":"invalid account"}           | Declined
            422 | {"Status":"Paid"}                     | Declined
            401 |                                       | Unavailable
            404 |                                       | Unavailable
            409 | {"Status":"Paid"}                     | Paid
            409 | {"Status":"Declined"}                 | Declined
            409 | {"Status":"Pending"}                  | Pending
            429 |                                       | Throttled
            500 |                                       | Unavailable
            503 | {"Status":"Paid"}                     | Unavailable
            302 |                                       | Unanswered
            """)
    void shouldReadTheProvidersAnswerToASend(int status, String body, RailReply.Kind expected) {
        provider.stubFor(post(urlEqualTo("/payouts")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("Location", "https://elsewhere.example/")
                .withBody(body == null ? "" : body)));

        assertThat(send(railAt(provider.baseUrl()), usdPayout())).isEqualTo(expected);
        provider.verify(1, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "GET {0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            200 | {"Status":"Paid"}       | Paid
            200 | {"Status":"Pending"}    | Pending
            200 | {"Status":"Declined"}   | Declined
            404 |                         | UnknownKey
            429 |                         | Throttled
            503 |                         | Unavailable
            200 | {"Stat                  | Unanswered
            """)
    void shouldReadTheProvidersAnswerToAStatusQuestion(int status, String body, RailReply.Kind expected) {
        provider.stubFor(get(urlEqualTo("/payouts/tx_1:1")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body == null ? "" : body)));

        assertThat(railAt(provider.baseUrl()).status("tx_1:1").block().kind()).isEqualTo(expected);
    }

    @Test
    void shouldReadTheWaitAThrottlingProviderAsksFor() {
        provider.stubFor(post(urlEqualTo("/payouts")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7")));

        RailReply reply = railAt(provider.baseUrl()).send(usdPayout()).block();

        assertThat(reply.kind()).isEqualTo(RailReply.Kind.Throttled);
        assertThat(reply.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void shouldCountAHangingProviderAsNoAnswer() {
        provider.stubFor(post(urlEqualTo("/payouts")).willReturn(aResponse().withFixedDelay(3_000)
                .withBody("{\"Status\":\"Paid\"}")));

        assertThat(railAt(provider.baseUrl(), Duration.ofMillis(300)).send(usdPayout()).block().kind())
                .isEqualTo(RailReply.Kind.Unanswered);
    }

    @Test
    void shouldCountAConnectionResetAfterSendingAsNoAnswer() {
        provider.stubFor(post(urlEqualTo("/payouts")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(send(railAt(provider.baseUrl()), usdPayout())).isEqualTo(RailReply.Kind.Unanswered);
    }

    /** Nothing was sent: the provider cannot have paid. */
    @Test
    void shouldCountARefusedConnectionAsUnavailable() {
        assertThat(send(railAt("http://127.0.0.1:1"), usdPayout())).isEqualTo(RailReply.Kind.Unavailable);
    }

    @Test
    void shouldNotReadMoreThanTheAnswerLimit() {
        String huge = "{\"Status\":\"Paid\",\"Padding\":\"" + "x".repeat(HttpRail.MAX_ANSWER) + "\"}";
        provider.stubFor(post(urlEqualTo("/payouts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(huge)));

        assertThat(send(railAt(provider.baseUrl()), usdPayout())).isEqualTo(RailReply.Kind.Unanswered);
    }
}
