package io.masspay.command.batch.intake;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A submission's {@code ScheduledFor} (API.md section 11): an instant in UTC written with {@code Z}, at most
 * {@link #MAX_AHEAD} ahead. An instant already past means now: the batch is not held for it.
 */
public final class ScheduledFor {

    static final Duration MAX_AHEAD = Duration.ofDays(90);
    /** {@code 2026-11-24T10:00:00.123456789Z} is 30 characters; anything far longer is not an instant. */
    private static final int MAX_LENGTH = 40;

    private ScheduledFor() {
    }

    /** The problem with {@code raw}, if any (absent is fine). */
    static Optional<FieldError> check(String raw, Instant now) {
        if (raw == null) {
            return Optional.empty();
        }
        Instant at = parse(raw);
        if (at == null) {
            return Optional.of(new FieldError("ScheduledFor", ErrorCode.INVALID_FIELD,
                    "ScheduledFor must be an instant in UTC such as 2026-11-24T10:00:00Z"));
        }
        if (at.isAfter(now.plus(MAX_AHEAD))) {
            return Optional.of(new FieldError("ScheduledFor", ErrorCode.INVALID_FIELD,
                    "ScheduledFor may be at most 90 days ahead"));
        }
        return Optional.empty();
    }

    /** When the batch should start, or null for at once (absent, or already past); {@code raw} passed {@link #check}. */
    static Instant startAt(String raw, Instant now) {
        Instant at = raw == null ? null : parse(raw);
        return at == null || !at.isAfter(now) ? null : at;
    }

    private static Instant parse(String raw) {
        if (raw.length() > MAX_LENGTH || !raw.endsWith("Z")) {
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
