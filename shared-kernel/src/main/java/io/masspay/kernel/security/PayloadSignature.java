package io.masspay.kernel.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * {@code sha256=<lowercase hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>}: how our webhooks are signed
 * and how rail providers sign their callbacks (API.md sections 3 and 5). The timestamp is signed with the
 * body, so a receiver can refuse an old message replayed at it.
 */
public final class PayloadSignature {

    private PayloadSignature() {
    }

    public static String of(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }

    /** Compares in constant time, so the answer's timing tells an attacker nothing about the right value. */
    public static boolean matches(String secret, long timestamp, byte[] body, String signature) {
        return signature != null && MessageDigest.isEqual(of(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
