package io.masspay.command.batch.intake;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link ScheduledFor} at a fixed now (2026-11-24T10:00:00Z): the 90-day limit at and one second or one
 * nanosecond over, past and present instants (accepted, and started at once), and the written forms that are
 * not a UTC instant with {@code Z}.
 */
class ScheduledForTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    static Stream<Arguments> values() {
        return Stream.of(
                arguments("absent", null, true),
                arguments("a day ahead", "2026-11-25T10:00:00Z", true),
                arguments("exactly 90 days ahead", "2027-02-22T10:00:00Z", true),
                arguments("90 days and a second ahead", "2027-02-22T10:00:01Z", false),
                arguments("90 days and a nanosecond ahead", "2027-02-22T10:00:00.000000001Z", false),
                arguments("a year ahead", "2027-11-24T10:00:00Z", false),
                arguments("now", "2026-11-24T10:00:00Z", true),
                arguments("a second ago", "2026-11-24T09:59:59Z", true),
                arguments("years ago", "2001-01-01T00:00:00Z", true),
                arguments("with nanoseconds", "2026-11-24T10:00:00.123456789Z", true),
                arguments("without a zone", "2026-11-25T10:00:00", false),
                arguments("with an offset of zero instead of Z", "2026-11-25T10:00:00+00:00", false),
                arguments("with another offset", "2026-11-25T10:00:00+01:00", false),
                arguments("with a lower-case z", "2026-11-25T10:00:00z", false),
                arguments("a date without a time", "2026-11-25Z", false),
                arguments("a day that does not exist", "2026-02-30T10:00:00Z", false),
                arguments("a leading space", " 2026-11-25T10:00:00Z", false),
                arguments("empty", "", false),
                arguments("epoch seconds", "1795514400", false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("values")
    void shouldTakeOnlyAUtcInstantAtMost90DaysAhead(String edge, String raw, boolean valid) {
        Optional<FieldError> problem = ScheduledFor.check(raw, NOW);

        if (valid) {
            assertThat(problem).as(edge).isEmpty();
        } else {
            assertThat(problem).as(edge).isPresent();
            assertThat(problem.get().field()).as(edge).isEqualTo("ScheduledFor");
            assertThat(problem.get().errorCode()).as(edge).isEqualTo(ErrorCode.INVALID_FIELD);
        }
    }

    /** {@code start}: when the batch may start; {@code null}: at once. */
    static Stream<Arguments> starts() {
        return Stream.of(
                arguments("absent starts at once", null, null),
                arguments("a past instant starts at once", "2026-11-24T09:59:59Z", null),
                arguments("now starts at once", "2026-11-24T10:00:00Z", null),
                arguments("a second ahead waits for it", "2026-11-24T10:00:01Z", "2026-11-24T10:00:01Z"),
                arguments("90 days ahead waits for it", "2027-02-22T10:00:00Z", "2027-02-22T10:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starts")
    void shouldHoldTheBatchOnlyForAFutureInstant(String edge, String raw, String start) {
        assertThat(ScheduledFor.startAt(raw, NOW)).as(edge).isEqualTo(start == null ? null : Instant.parse(start));
    }
}
