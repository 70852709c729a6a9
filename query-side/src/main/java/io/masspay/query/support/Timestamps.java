package io.masspay.query.support;

import io.masspay.kernel.text.WireFormats;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Timestamps as the contract writes them: ISO-8601 UTC with milliseconds ({@code 2026-11-24T10:00:00.123Z}). */
public final class Timestamps {

    private Timestamps() {
    }

    public static String iso(Instant at) {
        return WireFormats.timestamp(at);
    }

    public static String iso(OffsetDateTime at) {
        return at == null ? null : iso(at.toInstant());
    }

    /** For JDBC: a timestamptz parameter that PostgreSQL reads without guessing a zone. */
    public static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
