package io.masspay.rails.http;

import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.RailGateway;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which methods get a connector, and the defaults an operator gets by setting only a base-url. */
class HttpRailsConfigurationTest {

    @Test
    void shouldConnectOnlyTheRailMethodsWithABaseUrl() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("masspay.rails.http.XTR94500.base-url", "https://bank.example/v1")
                .withProperty("masspay.rails.http.XTR94505.base-url", "https://giftcards.example")
                .withProperty("masspay.rails.http.XTR94503.timeout", "5s")
                .withProperty("masspay.rails.http.XTR94502.base-url", "https://wallets-need-no-rail.example");

        var connectors = new HttpRailsConfiguration().httpRails(new HttpRailsConfiguration().httpRailSet(environment));

        assertThat(connectors.gateways()).extracting(RailGateway::method)
                .containsExactly(SendMethod.BANK_TRANSFER, SendMethod.GIFT_CARD);
    }

    @Test
    void shouldDefaultToTenSecondsNoKeyAndSixtyFourConnections() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("masspay.rails.http.XTR94500.base-url", "https://bank.example");

        HttpRailSettings settings = HttpRailSettings.from(environment, SendMethod.BANK_TRANSFER).orElseThrow();

        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.apiKey()).isNull();
        assertThat(settings.callbackSecret()).isNull();
        assertThat(settings.connections()).isEqualTo(64);
    }

    @Test
    void shouldReadTheOperatorsSettings() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("masspay.rails.http.XTR94500.base-url", "https://bank.example")
                .withProperty("masspay.rails.http.XTR94500.timeout", "2500ms")
                .withProperty("masspay.rails.http.XTR94500.api-key", "sk_live_x")
                .withProperty("masspay.rails.http.XTR94500.callback-secret", "whsec_0123456789abcdef0123456789abcdef")
                .withProperty("masspay.rails.XTR94500.max-in-flight", "200");

        HttpRailSettings settings = HttpRailSettings.from(environment, SendMethod.BANK_TRANSFER).orElseThrow();

        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.apiKey()).isEqualTo("sk_live_x");
        assertThat(settings.callbackSecret()).isEqualTo("whsec_0123456789abcdef0123456789abcdef");
        assertThat(settings.connections()).isEqualTo(200);
    }

    @Test
    void cannotStartWithANonPositiveTimeout() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("masspay.rails.http.XTR94500.base-url", "https://bank.example")
                .withProperty("masspay.rails.http.XTR94500.timeout", "0s");

        assertThatThrownBy(() -> HttpRailSettings.from(environment, SendMethod.BANK_TRANSFER))
                .hasMessageContaining("timeout");
    }

    @Test
    void shouldNeverShowTheApiKeyInItsSettings() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("masspay.rails.http.XTR94500.base-url", "https://bank.example")
                .withProperty("masspay.rails.http.XTR94500.api-key", "sk_live_secret")
                .withProperty("masspay.rails.http.XTR94500.callback-secret", "whsec_callback_secret");

        HttpRailSettings settings = HttpRailSettings.from(environment, SendMethod.BANK_TRANSFER).orElseThrow();

        assertThat(settings.toString()).doesNotContain("sk_live_secret").doesNotContain("whsec_callback_secret")
                .contains("https://bank.example");
    }
}
