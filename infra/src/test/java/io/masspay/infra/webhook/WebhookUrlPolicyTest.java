package io.masspay.infra.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which URLs PUT Webhook accepts, with and without {@code masspay.webhooks.require-https}; IP literals only, no DNS. */
class WebhookUrlPolicyTest {

    private static final WebhookUrlPolicy OPEN = policy(false);
    private static final WebhookUrlPolicy HTTPS_ONLY = policy(true);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "https://localhost/hook", "http://10.0.0.1/x",
            "HTTPS://93.184.216.34/hook?issuer=1"})
    void shouldAcceptAnyHttpOrHttpsUrlByDefault(String url) {
        assertThat(OPEN.refusal(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "not a url", "/relative", "http://", "mailto:ops@example.com",
            "file:///etc/passwd", "javascript:alert(1)"})
    void cannotConfigureSomethingOtherThanAnAbsoluteHttpUrl(String url) {
        assertThat(OPEN.refusal(url)).isPresent();
        assertThat(HTTPS_ONLY.refusal(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hook", "https://127.0.0.1/", "https://127.8.9.10/",
            "https://localhost/", "https://api.localhost/", "https://[::1]/", "https://0.0.0.0/", "https://10.2.3.4/",
            "https://172.16.0.1/", "https://192.168.1.1/", "https://169.254.169.254/", "https://100.64.0.1/",
            "https://[fd00::1]/", "https://[fe80::1]/", "https://[::ffff:127.0.0.1]/", "https://224.0.0.1/"})
    void cannotReachPlainHttpOrPrivateTargetsWhenHttpsIsRequired(String url) {
        assertThat(HTTPS_ONLY.refusal(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "https://[2606:2800:220:1:248:1893:25c8:1946]/hook",
            "https://100.128.0.1/"})
    void shouldAcceptHttpsToPublicAddressesWhenHttpsIsRequired(String url) {
        assertThat(HTTPS_ONLY.refusal(url)).isEmpty();
    }

    private static WebhookUrlPolicy policy(boolean requireHttps) {
        return new WebhookUrlPolicy(new WebhookSettings(requireHttps, Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofHours(1), Duration.ofHours(72), Duration.ofMillis(500), 4));
    }
}
