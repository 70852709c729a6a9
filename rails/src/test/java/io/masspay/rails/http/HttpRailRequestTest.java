package io.masspay.rails.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.masspay.kernel.money.CurrencyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.masspay.rails.http.ProviderFixture.API_KEY;
import static io.masspay.rails.http.ProviderFixture.payout;
import static io.masspay.rails.http.ProviderFixture.railAt;

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
        railAt(provider.baseUrl(), 1).payOut(payout("tx_usd", "10.50", CurrencyCode.USD));

        provider.verify(postRequestedFor(urlEqualTo("/payouts"))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("Idempotency-Key", equalTo("tx_usd:1"))
                .withRequestBody(equalToJson("""
                        {"TransactionId":"tx_usd","AttemptNo":1,"SendMethodId":"XTR94500","Amount":"10.50",
                         "Currency":"USD","Destination":{"AccountNumber":"000123456789","RoutingNumber":"021000021"}}""")));
    }

    @Test
    void shouldSendYenWithoutDecimals() {
        railAt(provider.baseUrl(), 1).payOut(payout("tx_jpy", "500", CurrencyCode.JPY));

        provider.verify(postRequestedFor(urlEqualTo("/payouts")).withRequestBody(equalToJson("""
                {"TransactionId":"tx_jpy","AttemptNo":1,"SendMethodId":"XTR94500","Amount":"500",
                 "Currency":"JPY","Destination":{"AccountNumber":"000123456789","RoutingNumber":"021000021"}}""")));
    }

    @Test
    void shouldSendTheApiKeyAsABearerToken() {
        railAt(provider.baseUrl(), 1).payOut(ProviderFixture.usdPayout());

        provider.verify(postRequestedFor(urlEqualTo("/payouts")).withHeader("Authorization", equalTo("Bearer " + API_KEY)));
    }
}
