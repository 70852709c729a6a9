package io.masspay.query.audit;

import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in one issuer's event feed: the global index of the last event served, bound to that issuer.
 * Opaque to clients (base64url of {@code f1:<issuer>:<index>}), and canonical: each position has exactly
 * one spelling, so anything else, or another issuer's cursor, is refused rather than guessed at.
 */
record FeedCursor(IssuerAccountNumber issuer, long globalIndex) {

    private static final Pattern TEXT = Pattern.compile("f1:([^:]{1,64}):(0|[1-9][0-9]{0,18})");
    private static final String FIELD = "After";

    /** Before the issuer's first event. */
    static FeedCursor start(IssuerAccountNumber issuer) {
        return new FeedCursor(issuer, 0);
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("f1:" + issuer.value() + ":" + globalIndex).getBytes(StandardCharsets.UTF_8));
    }

    static FeedCursor decode(String cursor, IssuerAccountNumber caller) {
        if (cursor == null) {
            return start(caller);
        }
        FeedCursor decoded = parse(cursor);
        if (decoded == null || !decoded.encode().equals(cursor)) {
            throw MassPayException.badQueryParameter(FIELD, "After is not a cursor this feed returned");
        }
        if (!decoded.issuer().equals(caller)) {
            throw MassPayException.badQueryParameter(FIELD, "After is a cursor of another issuer's feed");
        }
        return decoded;
    }

    private static FeedCursor parse(String cursor) {
        if (cursor.length() > 128) {
            return null;
        }
        try {
            Matcher text = TEXT.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (!text.matches()) {
                return null;
            }
            return new FeedCursor(IssuerAccountNumber.of(text.group(1)), Long.parseLong(text.group(2)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
