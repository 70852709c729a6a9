package io.masspay.cli.submit;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code submit --at}: the time a batch's money moves (API.md section 11, "Scheduled batches"). A CSV upload sends
 * it as the {@code ScheduledFor} query parameter; a JSON batch gets it as the envelope's {@code ScheduledFor}
 * field, written right after the body's opening brace so every other byte of the file is sent as it is.
 */
final class ScheduledFor {

    static final String FIELD = "ScheduledFor";

    private ScheduledFor() {
    }

    /**
     * An ISO-8601 instant: UTC ({@code 2026-12-01T09:00:00Z}), or with an offset, which names one instant as well
     * and is sent in UTC. A time without either is refused: which instant it means depends on a zone.
     *
     * @throws IllegalArgumentException otherwise
     */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at takes an ISO-8601 instant in UTC, like 2026-12-01T09:00:00Z (an "
                    + "offset such as +01:00 is converted to UTC); got '" + text + "'");
        }
    }

    /** @throws IllegalArgumentException when the body is not a JSON object or already has the field */
    static byte[] into(byte[] json, Instant at) {
        int brace = firstSignificant(json, 0);
        if (brace == json.length || json[brace] != '{') {
            throw new IllegalArgumentException("--at needs a JSON batch that is an object");
        }
        if (hasTopLevelField(json)) {
            throw new IllegalArgumentException("The JSON batch already has ScheduledFor; drop it or --at");
        }
        int next = firstSignificant(json, brace + 1);
        boolean empty = next < json.length && json[next] == '}';
        byte[] field = ("\"" + FIELD + "\":\"" + at + "\"" + (empty ? "" : ",")).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[json.length + field.length];
        System.arraycopy(json, 0, out, 0, brace + 1);
        System.arraycopy(field, 0, out, brace + 1, field.length);
        System.arraycopy(json, brace + 1, out, brace + 1 + field.length, json.length - brace - 1);
        return out;
    }

    /** Past JSON whitespace, and at the start a UTF-8 byte-order mark. */
    private static int firstSignificant(byte[] json, int from) {
        int i = from;
        if (from == 0 && json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB
                && (json[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < json.length && (json[i] == ' ' || json[i] == '\t' || json[i] == '\r' || json[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean hasTopLevelField(byte[] json) {
        try {
            return new ObjectMapper().readTree(json).has(FIELD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
