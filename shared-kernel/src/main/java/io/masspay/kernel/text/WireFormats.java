package io.masspay.kernel.text;

import java.util.regex.Pattern;

/**
 * The shapes of the free-form strings clients send (API.md section 2): ids they choose (CustomerBatchId,
 * CustomerTransactionId, RecipientId, references to wallets, accounts and cards, a rail's return code) and
 * e-mail addresses. One definition each, so a request, an upload and a callback refuse the same values.
 */
public final class WireFormats {

    /** 1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}: safe in URLs, CSV cells and log lines. */
    public static final String CLIENT_ID_RULE = "1..64 characters of [A-Za-z0-9._:-]";

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Deliberately loose (a local part, an @, a dotted domain, no spaces): the rail checks deliverability. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");

    private WireFormats() {
    }

    public static boolean isClientId(String value) {
        return value != null && CLIENT_ID.matcher(value).matches();
    }

    public static boolean isEmail(String value) {
        return value != null && EMAIL.matcher(value).matches();
    }
}
