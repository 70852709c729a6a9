package io.masspay.infra.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry schedule of API.md section 5: about 1 s first, then doubling, capped at 1 h. */
class WebhookSettingsTest {

    private static final WebhookSettings DEFAULTS = new WebhookSettings(false, Duration.ofSeconds(10),
            Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofHours(72), Duration.ofMillis(500), 4);

    @Test
    void shouldDoubleTheBackoffFromOneSecondUpToOneHour() {
        assertThat(IntStream.rangeClosed(1, 14).mapToObj(DEFAULTS::backoffAfter).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 1024L, 2048L, 3600L, 3600L);
        assertThat(DEFAULTS.backoffAfter(10_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldLeaseAClaimWellPastTheCallTimeout() {
        assertThat(DEFAULTS.lease()).isGreaterThan(DEFAULTS.timeout().multipliedBy(2));
    }

    @Test
    void cannotStartWithAMaxBackoffBelowTheFirstOne() {
        assertThatThrownBy(() -> new WebhookSettings(false, Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofHours(72), Duration.ofMillis(500), 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
