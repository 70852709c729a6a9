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

        var connectors = new HttpRailsConfiguration().httpRails(environment);

        assertThat(connectors.gateways()).extracting(RailGateway::method)
                .containsExactly(SendMethod.XTR94500, SendMethod.XTR94505);
    }

    @Test
    void shouldDefaultToTenSecondsThreeAttemptsAndNoKey() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("masspay.rails.http.XTR94500.base-url", "https://bank.example");

        HttpRailSettings settings = HttpRailSettings.from(environment, SendMethod.XTR94500).orElseThrow();

        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxAttempts()).isEqualTo(3);
        assertThat(settings.apiKey()).isNull();
    }

    @Test
    void shouldReadTheOperatorsSettings() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("masspay.rails.http.XTR94500.base-url", "https://bank.example")
                .withProperty("masspay.rails.http.XTR94500.timeout", "2500ms")
                .withProperty("masspay.rails.http.XTR94500.max-attempts", "5")
                .withProperty("masspay.rails.http.XTR94500.api-key", "sk_live_x");

        HttpRailSettings settings = HttpRailSettings.from(environment, SendMethod.XTR94500).orElseThrow();

        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.maxAttempts()).isEqualTo(5);
        assertThat(settings.apiKey()).isEqualTo("sk_live_x");
    }

    @Test
    void cannotStartWithoutAnyAttempt() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("masspay.rails.http.XTR94500.base-url", "https://bank.example")
                .withProperty("masspay.rails.http.XTR94500.max-attempts", "0");

        assertThatThrownBy(() -> HttpRailSettings.from(environment, SendMethod.XTR94500))
                .hasMessageContaining("max-attempts");
    }

    @Test
    void shouldNeverShowTheApiKeyInItsSettings() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("masspay.rails.http.XTR94500.base-url", "https://bank.example")
                .withProperty("masspay.rails.http.XTR94500.api-key", "sk_live_secret");

        HttpRailSettings settings = HttpRailSettings.from(environment, SendMethod.XTR94500).orElseThrow();

        assertThat(settings.toString()).doesNotContain("sk_live_secret").contains("https://bank.example");
    }
}
