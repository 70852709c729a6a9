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

    /**
     * Issue 16: every special-use range, not only the private ones, with each address the issue found accepted
     * (IPv4-compatible and NAT64 loopback, 6to4 of loopback, benchmarking, IETF protocol assignments, reserved,
     * broadcast) and the rest of the IANA special-purpose registries.
     */
    @ParameterizedTest
    @ValueSource(strings = {"https://[::127.0.0.1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/",
            "https://[::ffff:7f00:1]/", "https://[::]/", "https://[::a9fe:a9fe]/",
            "https://[64:ff9b::7f00:1]/", "https://[64:ff9b::a9fe:a9fe]/", "https://[64:ff9b::5db8:d822]/",
            "https://[64:ff9b:1::1]/", "https://[2002:7f00:1::]/", "https://[2002:a00:1::1]/",
            "https://[2002:a9fe:a9fe::]/", "https://[2001::1]/", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
            "https://[2001:2::1]/", "https://[2001:db8::1]/", "https://[100::1]/", "https://[fec0::1]/",
            "https://[ff02::1]/", "https://[fc00::1]/", "https://[3fff::1]/",
            "https://198.18.0.1/", "https://198.19.255.255/", "https://192.0.0.170/", "https://192.0.0.8/",
            "https://192.0.2.1/", "https://198.51.100.7/", "https://203.0.113.9/", "https://192.88.99.1/",
            "https://240.0.0.1/", "https://250.1.2.3/", "https://255.255.255.255/", "https://0.1.2.3/",
            "https://239.255.255.250/", "https://127.0.0.2/", "https://100.127.255.255/", "https://172.31.255.255/"})
    void cannotReachAnySpecialUseAddressWhenHttpsIsRequired(String url) {
        assertThat(HTTPS_ONLY.refusal(url)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "https://[2606:2800:220:1:248:1893:25c8:1946]/hook",
            "https://100.128.0.1/", "https://198.20.0.1/", "https://192.0.1.1/", "https://223.255.255.254/", "https://[2002:5db8:d822::1]/", "https://[2001:4860:4860::8888]/",
            "https://172.32.0.1/", "https://11.0.0.1/"})
    void shouldAcceptHttpsToPublicAddressesWhenHttpsIsRequired(String url) {
        assertThat(HTTPS_ONLY.refusal(url)).isEmpty();
    }

    private static WebhookUrlPolicy policy(boolean requireHttps) {
        return new WebhookUrlPolicy(new WebhookSettings(requireHttps, Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofHours(1), Duration.ofHours(72), Duration.ofMillis(500), 4));
    }
}
