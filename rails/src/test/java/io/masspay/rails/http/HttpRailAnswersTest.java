package io.masspay.rails.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.masspay.kernel.payout.RailOutcome;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.masspay.rails.http.ProviderFixture.railAt;
import static io.masspay.rails.http.ProviderFixture.usdPayout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer the provider gives is mapped on the first call and never sent again: only a 5xx or no
 * answer at all is worth a retry (see {@link HttpRailRetryTest}).
 */
class HttpRailAnswersTest {

    @RegisterExtension
    static WireMockExtension provider = ProviderFixture.provider();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            200 | {"Status":"Paid"}                     | Paid
            201 | {"Status":"Paid","ProviderRef":"p_1"} | Paid
            200 | {"Status":"Declined"}                 | Declined
            200 | {"Status":"DestinationClosed"}        | DestinationClosed
            200 | {"Status":"Pending"}                  | Unavailable
            200 | not json                              | Unavailable
            400 | {"Error":"invalid account"}           | Declined
            401 |                                       | Declined
            422 | {"Status":"Paid"}                     | Declined
            409 | {"Status":"Paid"}                     | Paid
            409 | {"Status":"Declined"}                 | Declined
            409 | {"Status":"InProgress"}               | Unavailable
            429 |                                       | Unavailable
            """)
    void shouldMapTheProvidersAnswerWithASingleCall(int status, String body, RailOutcome expected) {
        provider.stubFor(post(urlEqualTo("/payouts")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body == null ? "" : body)));

        RailOutcome outcome = railAt(provider.baseUrl(), 3).payOut(usdPayout()).outcome();

        assertThat(outcome).isEqualTo(expected);
        provider.verify(1, anyRequestedFor(anyUrl()));
    }
}
