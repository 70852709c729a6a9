package io.masspay.rails.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.rails.PayoutOrder;
import io.masspay.rails.RailReply;
import io.masspay.kernel.payout.SendMethod;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A WireMock provider and the payouts sent to it. Backoffs are short so the tests are quick; the usual
 * timeout is generous because the first call of a JVM pays for class loading and connection setup.
 */
final class ProviderFixture {

    static final String API_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ProviderFixture() {
    }

    static WireMockExtension provider() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    static HttpRail railAt(String baseUrl) {
        return railAt(baseUrl, TIMEOUT);
    }

    static HttpRail railAt(String baseUrl, Duration timeout) {
        return new HttpRail(new HttpRailSettings(SendMethod.BANK_TRANSFER, baseUrl, timeout, API_KEY, null, 8));
    }

    static PayoutOrder payout(String transactionId, String amount, CurrencyCode currency) {
        return new PayoutOrder(new TransactionId(transactionId), 1, SendMethod.BANK_TRANSFER, Money.of(amount, currency),
                Map.of("AccountNumber", "000123456789", "RoutingNumber", "021000021"));
    }

    static PayoutOrder usdPayout() {
        return payout("tx_1", "10.50", CurrencyCode.USD);
    }

    static RailReply.Kind send(HttpRail rail, PayoutOrder order) {
        return rail.send(order).block(TIMEOUT.multipliedBy(2)).kind();
    }
}
