package io.masspay.query.ledger;

import io.masspay.kernel.error.MassPayException;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The {@code AsOf} query parameter of the balance reads: an ISO-8601 UTC instant ({@code 2026-11-24T10:00:00Z},
 * fractions of a second allowed). An instant after now reads as now (the postings recorded so far); one before
 * 1970 as 1970 (there is nothing earlier). Anything else is refused: 400 {@code VALIDATION_FAILED}.
 */
final class AsOf {

    private AsOf() {
    }

    static Instant parse(String text, Clock clock) {
        Instant at = null;
        if (text != null && text.endsWith("Z")) {
            try {
                at = Instant.parse(text);
            } catch (DateTimeParseException ignored) {
                // refused below
            }
        }
        if (at == null) {
            throw MassPayException.badQueryParameter("AsOf",
                    "AsOf must be an ISO-8601 UTC instant such as 2026-11-24T10:00:00Z");
        }
        Instant now = clock.instant();
        return at.isAfter(now) ? now : at.isBefore(Instant.EPOCH) ? Instant.EPOCH : at;
    }
}
