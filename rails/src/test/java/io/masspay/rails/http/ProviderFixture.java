package io.masspay.rails.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.PayOut;
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
    static final Duration BACKOFF = Duration.ofMillis(10);

    private ProviderFixture() {
    }

    static WireMockExtension provider() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    static HttpRail railAt(String baseUrl, int maxAttempts) {
        return railAt(baseUrl, maxAttempts, TIMEOUT);
    }

    static HttpRail railAt(String baseUrl, int maxAttempts, Duration timeout) {
        return new HttpRail(new HttpRailSettings(SendMethod.XTR94500, baseUrl, timeout, maxAttempts, API_KEY, BACKOFF));
    }

    static PayOut payout(String transactionId, String amount, CurrencyCode currency) {
        TransactionId tx = new TransactionId(transactionId);
        return new PayOut(PayOut.idempotencyKey(tx, 1), tx, 1, SendMethod.XTR94500, Money.of(amount, currency),
                Map.of("AccountNumber", "000123456789", "RoutingNumber", "021000021"));
    }

    static PayOut usdPayout() {
        return payout("tx_1", "10.50", CurrencyCode.USD);
    }
}
