package io.masspay.command.admission;

import io.masspay.kernel.ids.IssuerAccountNumber;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RecentRefusalsTest {

    private static final IssuerAccountNumber FLOODER = new IssuerAccountNumber("IAN-FLOOD");
    private static final IssuerAccountNumber OTHER = new IssuerAccountNumber("IAN-OTHER");

    private Instant now = Instant.parse("2026-12-05T12:00:00Z");
    private final RecentRefusals refusals = new RecentRefusals(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void shouldTellWhatIsLeftOfTheIssuersLastRefusalAndNothingOnceItRanOut() {
        refusals.refused(FLOODER, Duration.ofSeconds(5));
        now = now.plusSeconds(2);

        assertThat(refusals.remaining(FLOODER)).contains(Duration.ofSeconds(3));
        assertThat(refusals.remaining(OTHER)).as("another issuer was never refused").isEmpty();

        now = now.plusSeconds(3);
        assertThat(refusals.remaining(FLOODER)).as("ran out").isEmpty();
    }

    @Test
    void shouldKeepTheLaterTimeWhenAShorterRefusalFollows() {
        refusals.refused(FLOODER, Duration.ofSeconds(10));
        refusals.refused(FLOODER, Duration.ofSeconds(1));

        assertThat(refusals.remaining(FLOODER)).contains(Duration.ofSeconds(10));
    }
}
