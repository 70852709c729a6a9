package io.masspay.rails.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.rails.RailReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.masspay.rails.http.ProviderFixture.API_KEY;
import static io.masspay.rails.http.ProviderFixture.payout;
import static io.masspay.rails.http.ProviderFixture.railAt;
import static io.masspay.rails.http.ProviderFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

/** What the provider receives: the contract's JSON fields exactly, the amount in the currency's scale, the key. */
class HttpRailRequestTest {

    @RegisterExtension
    static WireMockExtension provider = ProviderFixture.provider();

    @BeforeEach
    void providerPays() {
        provider.stubFor(post(urlEqualTo("/payouts")).willReturn(okJson("{\"Status\":\"Paid\"}")));
    }

    @Test
    void shouldSendTheExactFieldsWithCentsForUsd() {
        send(railAt(provider.baseUrl()), payout("tx_usd", "10.50", CurrencyCode.USD));

        provider.verify(postRequestedFor(urlEqualTo("/payouts"))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("Idempotency-Key", equalTo("tx_usd:1"))
                .withRequestBody(equalToJson("""
                        {"TransactionId":"tx_usd","AttemptNo":1,"SendMethodId":"XTR94500","Amount":"10.50",
                         "Currency":"USD","Destination":{"AccountNumber":"000123456789","RoutingNumber":"021000021"}}""")));
    }

    @Test
    void shouldSendYenWithoutDecimals() {
        send(railAt(provider.baseUrl()), payout("tx_jpy", "500", CurrencyCode.JPY));

        provider.verify(postRequestedFor(urlEqualTo("/payouts")).withRequestBody(equalToJson("""
                {"TransactionId":"tx_jpy","AttemptNo":1,"SendMethodId":"XTR94500","Amount":"500",
                 "Currency":"JPY","Destination":{"AccountNumber":"000123456789","RoutingNumber":"021000021"}}""")));
    }

    @Test
    void shouldSendTheApiKeyAsABearerToken() {
        send(railAt(provider.baseUrl()), ProviderFixture.usdPayout());

        provider.verify(postRequestedFor(urlEqualTo("/payouts")).withHeader("Authorization", equalTo("Bearer " + API_KEY)));
    }

    @Test
    void shouldAskForAPayoutByItsKey() {
        provider.stubFor(get(urlEqualTo("/payouts/tx_1:1")).willReturn(okJson("{\"Status\":\"Pending\"}")));

        RailReply reply = railAt(provider.baseUrl()).status("tx_1:1").block();

        assertThat(reply.kind()).isEqualTo(RailReply.Kind.Pending);
        provider.verify(getRequestedFor(urlEqualTo("/payouts/tx_1:1")).withHeader("Authorization", equalTo("Bearer " + API_KEY)));
    }
}
