package io.masspay.kernel.text;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every timestamp we write has the contract's one shape, a whole second included (ISO_INSTANT drops its ".000"). */
class WireTimestampTest {

    @Property
    void shouldAlwaysWriteMillisecondsInUtc(@ForAll @LongRange(min = 0, max = 253_402_300_799_999L) long epochMillis,
                                            @ForAll @LongRange(min = 0, max = 999_999) long extraNanos) {
        Instant at = Instant.ofEpochMilli(epochMillis).plusNanos(extraNanos);

        String written = WireFormats.timestamp(at);

        assertThat(written).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(Instant.parse(written)).isEqualTo(at.truncatedTo(ChronoUnit.MILLIS));
    }

    @Example
    void shouldKeepTheZeroFractionOfAWholeSecond() {
        assertThat(WireFormats.timestamp(Instant.parse("2026-12-05T17:25:22Z"))).isEqualTo("2026-12-05T17:25:22.000Z");
        assertThat(WireFormats.timestamp(null)).isNull();
    }
}
