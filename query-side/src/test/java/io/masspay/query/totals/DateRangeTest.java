package io.masspay.query.totals;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DateRangeTest {

    @Test
    void shouldAcceptOneDayAndAtMost366Days() {
        assertThat(DateRange.of("2026-11-01", "2026-11-01").from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(DateRange.of("2024-01-01", "2024-12-31").to()).as("a leap year, 366 days")
                .isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void cannotSpanMoreThan366Days() {
        assertRefused("2024-01-01", "2025-01-01", ErrorCode.INVALID_FIELD, "To");
    }

    @Test
    void cannotEndBeforeItStarts() {
        assertRefused("2026-11-30", "2026-11-01", ErrorCode.INVALID_FIELD, "To");
    }

    @Test
    void cannotBeMissingOrMalformed() {
        assertRefused(null, "2026-11-01", ErrorCode.MISSING_FIELD, "From");
        assertRefused("2026-11-01", " ", ErrorCode.MISSING_FIELD, "To");
        assertRefused("2026-02-30", "2026-11-01", ErrorCode.INVALID_FIELD, "From");
        assertRefused("2026-11-01", "2026-11-01T00:00:00Z", ErrorCode.INVALID_FIELD, "To");
    }

    private static void assertRefused(String from, String to, ErrorCode code, String field) {
        MassPayException refused = catchThrowableOfType(MassPayException.class, () -> DateRange.of(from, to));
        assertThat(refused.errorCode()).isEqualTo(code);
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly(field);
    }
}
