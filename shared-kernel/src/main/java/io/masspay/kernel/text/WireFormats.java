package io.masspay.kernel.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The shapes of the free-form strings clients send (API.md section 2): ids they choose (CustomerBatchId,
 * CustomerTransactionId, RecipientId, references to wallets, accounts and cards, a rail's return code) and
 * e-mail addresses. One definition each, so a request, an upload and a callback refuse the same values. And the
 * one shape of the timestamps we write.
 */
public final class WireFormats {

    /** 1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}: safe in URLs, CSV cells and log lines. */
    public static final String CLIENT_ID_RULE = "1..64 characters of [A-Za-z0-9._:-]";

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Deliberately loose (a local part, an @, a dotted domain, no spaces): the rail checks deliverability. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");

    /** Always three decimals: {@code ISO_INSTANT} would drop the fraction of a timestamp on a whole second. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireFormats() {
    }

    /** A timestamp as the contract writes it: ISO-8601 UTC with milliseconds, {@code 2026-11-24T10:00:00.000Z}. */
    public static String timestamp(Instant at) {
        return at == null ? null : TIMESTAMP.format(at);
    }

    public static boolean isClientId(String value) {
        return value != null && CLIENT_ID.matcher(value).matches();
    }

    public static boolean isEmail(String value) {
        return value != null && EMAIL.matcher(value).matches();
    }
}
